// kith undo [ID]; kith undo --list [--limit N]; kith redo.
#include <fmt/core.h>

#include <ctime>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/journal.hpp"

namespace kith::cli {
namespace {

constexpr int kDefaultListed = 20;

struct UndoOptions {
  std::optional<std::string> id;
  bool list = false;
  std::optional<int> limit;
};

// "2026-12-03 09:41" in the local time zone, from the journal's UTC "2026-12-03T09:41:07Z"; the
// stored text when it is not one.
std::string local_time(const std::string& at) {
  std::tm utc{};
  if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                  &utc.tm_hour, &utc.tm_min, &utc.tm_sec) != 6) {
    return at;
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  std::time_t seconds = timegm(&utc);
  std::tm local{};
  if (!localtime_r(&seconds, &local)) return at;
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
  return text;
}

// "1 contact, 2 interactions": what a change touched.
std::string touched_text(const Touched& t) {
  std::string out;
  auto part = [&](std::int64_t n, const char* one, const char* many) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, n == 1 ? one : many);
  };
  part(t.contacts, "contact", "contacts");
  part(t.interactions, "interaction", "interactions");
  part(t.reminders, "reminder", "reminders");
  part(t.types, "type", "types");
  return out;
}

Json entry_json(const JournalEntry& e) {
  return {{"id", e.id},
          {"day", e.day.to_string()},
          {"at", e.at},
          {"command", e.command},
          {"summary", e.summary},
          {"touched",
           {{"contacts", e.touched.contacts},
            {"interactions", e.touched.interactions},
            {"reminders", e.touched.reminders},
            {"types", e.touched.types}}},
          {"bytes", e.bytes},
          {"undone", e.undone}};
}

Status run_list(Context& ctx, const UndoOptions& o) {
  int limit = o.limit.value_or(kDefaultListed);
  if (limit < 0) {
    return invalid_input(fmt::format("invalid --limit {}: expected 0 (all) or more", limit));
  }
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto entries = list_changes(*store, limit);
  if (!entries) return entries.error();
  if (ctx.json) {
    Json array = Json::array();
    for (const JournalEntry& e : *entries) array.push_back(entry_json(e));
    print_json(array);
    return {};
  }
  if (entries->empty()) {
    if (!store->missing()) fmt::print("No changes to undo.\n");
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"ID", Table::Align::right}, {"WHEN"}, {"TOUCHED"}, {"CHANGE"}});
  for (const JournalEntry& e : *entries) {
    std::string change = printable(e.summary);
    if (e.undone) change = "(undone) " + change;
    table.add({{fmt::format("#{}", e.id)},
               {local_time(e.at), Paint::dim},
               {touched_text(e.touched)},
               {change, e.undone ? Paint::dim : Paint::none}});
  }
  fmt::print("{}", table.render(paint, terminal_width()));
  return {};
}

Status run_undo(Context& ctx, const UndoOptions& o) {
  if (o.list) {
    if (o.id) return invalid_input("give a change's ID or --list, not both");
    return run_list(ctx, o);
  }
  if (o.limit) return invalid_input("--limit goes with --list");
  std::optional<std::int64_t> id;
  if (o.id) {
    id = parse_id(*o.id);
    if (!id) {
      return invalid_input("invalid change id '" + printable(*o.id) +
                           "': expected a number like 12 (see 'kith undo --list')");
    }
  }
  auto store = ctx.open(Store::Access::write_existing);
  if (!store) return store.error();
  auto undone = undo_change(*store, id);
  if (!undone) return undone.error();
  if (ctx.json) {
    print_json(entry_json(*undone));
    return {};
  }
  fmt::print("Undid #{}: {}.\n", undone->id, printable(undone->summary));
  return {};
}

Status run_redo(Context& ctx, const UndoOptions&) {
  auto store = ctx.open(Store::Access::write_existing);
  if (!store) return store.error();
  auto redone = redo_change(*store);
  if (!redone) return redone.error();
  if (ctx.json) {
    print_json(entry_json(*redone));
    return {};
  }
  fmt::print("Redid #{}: {}.\n", redone->id, printable(redone->summary));
  return {};
}

}  // namespace

void add_undo_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<UndoOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "Undo this earlier change instead (see --list)")
      ->option_text("ID");
  cmd->add_flag("-l,--list", options->list, "List the recent changes, newest first");
  add_number_option(*cmd, "--limit", options->limit,
                    "With --list: at most this many (default 20; 0: all)", "0 or more");
  on_chosen(*cmd, options, action, run_undo);
}

void add_redo_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<UndoOptions>();
  on_chosen(command, options, action, run_redo);
}

}  // namespace kith::cli
