// kith agenda [WHO [TEXT]]: topics to raise with someone next time; with TEXT, adds one.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::cli {
namespace {

struct AgendaOptions {
  std::vector<std::string> args;  // [WHO [TEXT]]
};

Status run_add_topic(Context& ctx, const std::string& who, const std::string& text) {
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_topic(text));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto topic = raise_topic(*store, who, text, ctx.today);
  if (!topic) return topic.error();
  if (ctx.json) {
    print_json(reminder_json(*topic, ctx.today));
    return {};
  }
  fmt::print("Topic #{} for {}: \"{}\" (close it with kith log ... --covered {}).\n", topic->id,
             printable(topic->contact_name), printable(topic->text), topic->id);
  return {};
}

Status run_agenda(Context& ctx, const AgendaOptions& o) {
  if (o.args.size() == 2) return run_add_topic(ctx, o.args[0], o.args[1]);
  std::optional<std::string> who;
  if (!o.args.empty()) who = o.args[0];
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto found = agenda(*store, who);
  if (!found) return found.error();
  if (ctx.json) {
    Json out = Json::array();
    for (const Reminder& t : found->topics) out.push_back(reminder_json(t, ctx.today));
    print_json(out);
    return {};
  }
  if (found->topics.empty()) {
    if (found->person) {
      fmt::print("No open topics with {}.\n", printable(found->person->name));
    } else if (!store->missing()) {
      fmt::print("No open topics.\n");
    }
    return {};
  }
  Painter paint(ctx.color);
  const bool everyone = !found->person;
  std::vector<Table::Column> columns{{"ID", Table::Align::right}, {"RAISED"}};
  if (everyone) columns.push_back({"WITH"});
  columns.push_back({"TOPIC"});
  Table table(std::move(columns));
  for (const Reminder& t : found->topics) {
    std::vector<Cell> row{{fmt::format("#{}", t.id), Paint::dim}, {t.due.to_string()}};
    if (everyone) row.push_back({printable(t.contact_name), Paint::bold});
    row.push_back({printable(t.text)});
    table.add(std::move(row));
  }
  fmt::print("{}", table.render(paint, terminal_width()));
  return {};
}

}  // namespace

void add_agenda_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<AgendaOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("args", options->args,
                  "Whose agenda (everyone's when left out), and a topic to add to it")
      ->expected(0, 2)
      ->option_text("[WHO [TEXT]]");
  cmd->footer(
      "Topics carry over until a log covers them (kith log WHO SUMMARY --covered ID,... or all),\n"
      "or you drop one (kith cancel ID) or reword it (kith change ID --text TEXT).\n"
      "Examples:\n  kith agenda maya \"Ask about the promotion timeline\"\n  kith agenda maya\n"
      "  kith agenda");
  on_chosen(*cmd, options, action, run_agenda);
}

}  // namespace kith::cli
