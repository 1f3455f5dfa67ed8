// kith history [WHO] [--since DATE] [--limit N]: the interaction timeline, newest first.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

struct HistoryOptions {
  std::optional<std::string> who;
  std::optional<std::string> since;
  int limit = 0;
};

Status run_history(Context& ctx, const HistoryOptions& o) {
  HistoryQuery query;
  if (o.since) {
    auto since = parse_date(*o.since, ctx.today, WeekdayRule::most_recent_or_today);
    if (!since) return Error{since.error().code, "--since: " + since.error().message};
    query.since = *since;
  }
  if (o.limit < 0) return invalid_input(fmt::format("invalid --limit {}: expected 0 (no limit) "
                                                    "or more", o.limit));
  query.limit = o.limit;
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  if (o.who) {
    auto contact = store->resolve(*o.who);
    if (!contact) return contact.error();
    query.contact_id = contact->id;
  }
  auto history = store->history(query);
  if (!history) return history.error();

  if (ctx.json) {
    Json out = Json::array();
    for (const auto& i : *history) out.push_back(interaction_json(i));
    print_json(out);
    return {};
  }
  if (history->empty()) {
    if (!store->missing()) fmt::print("No interactions{}.\n", o.since || o.who ? " match" : " yet");
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"DAY"}, {"VIA"}, {"VALUE"}, {"WITH"}, {"SUMMARY"}});
  for (const auto& i : *history) {
    std::vector<std::string> names;
    for (const auto& p : i.people) names.push_back(p.name);
    table.add({{i.day.to_string()},
               {i.channel ? std::string(to_string(*i.channel)) : "", Paint::dim},
               {value_label(i.direction, i.weight),
                i.direction == Direction::received ? Paint::yellow : Paint::green},
               {printable(join(names)), Paint::bold},
               {printable(i.summary)}});
  }
  fmt::print("{}", table.render(paint, terminal_width()));
  return {};
}

}  // namespace

void add_history_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* cmd = app.add_subcommand("history");
  cmd->add_option("who", options->who, "Only this contact")->option_text("WHO");
  cmd->add_option("--since", options->since, "Only on or after this day")->option_text("DATE");
  cmd->add_option("-n,--limit", options->limit, "At most N interactions (0 = all)")
      ->option_text("N");
  on_chosen(*cmd, options, action, run_history);
}

}  // namespace kith::cli
