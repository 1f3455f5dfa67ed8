// kith history [WHO] [--since DATE] [--limit N]: the interaction timeline, newest first.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

// The widest the WITH column grows when the output is streamed.
constexpr int kMaxWithWidth = 40;
// The narrowest the ID column is when the output is streamed: ids up to #9999999.
constexpr int kMinStreamedIdWidth = 8;

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
  if (o.limit < 0)
    return invalid_input(
        fmt::format("invalid --limit {}: expected 0 (no limit) "
                    "or more",
                    o.limit));
  query.limit = o.limit;
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  if (o.who) {
    auto contact = store->resolve(*o.who);
    if (!contact) return contact.error();
    query.contact_id = contact->id;
  }
  // Streamed: a timeline of a million interactions is printed without being held. The first
  // rows fix the table's column widths; later rows are cut to fit them.
  Painter paint(ctx.color);
  std::size_t count = 0;
  StreamedTable table(
      {{"ID", Table::Align::right}, {"DAY"}, {"VIA"}, {"VALUE"}, {"WITH"}, {"SUMMARY"}}, paint,
      terminal_width(), [](std::vector<int>& widths, bool more) {
        widths[4] = std::min(widths[4], kMaxWithWidth);
        // A later row may hold a longer id (one logged late for an early day).
        if (more) widths[0] = std::max(widths[0], kMinStreamedIdWidth);
      });
  JsonArrayPrinter json;
  // Skips (kith skip) show in the text timeline among the interactions, by day; they are few,
  // so they are read first. The JSON stays a list of interactions (skips: kith show --json).
  std::vector<Reminder> skips;
  if (!ctx.json) {
    auto found = store->skips(query.contact_id, query.since);
    if (!found) return found.error();
    skips = std::move(*found);
  }
  auto skip = skips.begin();
  auto skips_through = [&](std::optional<Date> day) {
    for (; skip != skips.end() && (!day || skip->due >= *day); ++skip) {
      std::string who = query.contact_id ? "" : printable(skip->contact_name);
      table.add({{""},
                 {skip->due.to_string()},
                 {"skip", Paint::yellow},
                 {""},
                 {who, Paint::bold},
                 {skip->text.empty() ? "skipped this round" : printable(skip->text)}});
    }
  };
  KITH_TRY(store->stream_history(query, [&](Interaction&& i) -> Status {
    ++count;
    if (ctx.json) {
      json.add(interaction_json(i));
      return {};
    }
    skips_through(i.day);
    std::vector<std::string> names;
    for (const auto& p : i.people) {
      if (!query.contact_id || p.id != *query.contact_id) names.push_back(p.name);
    }
    table.add({{fmt::format("#{}", i.id), Paint::dim},
               {i.day.to_string()},
               {i.channel ? std::string(to_string(*i.channel)) : "", Paint::dim},
               {value_label(i.direction, i.weight),
                i.direction == Direction::received ? Paint::yellow : Paint::green},
               {printable(join(names)), Paint::bold},
               {printable(i.summary)}});
    return {};
  }));
  if (ctx.json) {
    json.finish();
    return {};
  }
  // Older skips, unless --limit cut the timeline short before them.
  if (query.limit == 0 || count < static_cast<std::size_t>(query.limit)) skips_through({});
  if (count == 0 && skips.empty()) {
    if (!store->missing()) fmt::print("No interactions{}.\n", o.since || o.who ? " match" : " yet");
    return {};
  }
  table.finish();
  return {};
}

}  // namespace

void add_history_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "Only this contact")->option_text("WHO");
  cmd->add_option("--since", options->since, "Only on or after this day")->option_text("DATE");
  add_number_option(*cmd, "-n,--limit", options->limit, "At most N interactions (0 = all)",
                    "a whole number, 0 (no limit) or more")
      ->option_text("N");
  on_chosen(*cmd, options, action, run_history);
}

}  // namespace kith::cli
