// kith skip WHO [--note TEXT]: not this round: the next check-in moves one cadence on from today.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::cli {
namespace {

struct SkipOptions {
  std::vector<std::string> who;
  std::string note;
};

Status run_skip(Context& ctx, const SkipOptions& o) {
  KITH_TRY(check_skip_note(o.note));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto skipped = skip_check_in(*store, join_words(o.who), o.note, ctx.today);
  if (!skipped) return skipped.error();
  const Contact& c = skipped->contact;
  const Due& after = skipped->after;
  if (ctx.json) {
    print_json({{"skip", reminder_json(skipped->skip, ctx.today)},
                {"contact", {{"id", c.id}, {"name", c.name}}},
                {"was_due",
                 skipped->before.next ? Json(skipped->before.next->to_string()) : Json(nullptr)},
                {"next_due", after.next ? Json(after.next->to_string()) : Json(nullptr)}});
    return {};
  }
  if (skipped->before.next == after.next && after.next) {
    // Skipped on the day of the last talk (or the day added): one cadence on from today is
    // where the check-in already was.
    fmt::print("Skipped {} this round; the next check-in stays {} ({}).\n", printable(c.name),
               after.next->to_string(), relative(*after.next, ctx.today));
    return {};
  }
  std::string was;
  if (skipped->before.next) {
    std::int64_t late = skipped->before.days_overdue;
    was = skipped->before.overdue()
              ? fmt::format(" (it was {} day{} overdue)", late, late == 1 ? "" : "s")
              : fmt::format(" (it was due {})", skipped->before.next->to_string());
  }
  fmt::print("Skipped {} this round{}; next check-in {} ({}).\n", printable(c.name), was,
             after.next ? after.next->to_string() : "never",
             after.next ? relative(*after.next, ctx.today) : "");
  return {};
}

}  // namespace

void add_skip_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<SkipOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "The contact: id, or name or a unique part of it")
      ->required()
      ->option_text("WHO");
  cmd->add_option("--note", options->note, "Why, for your history (kept private)")
      ->option_text("TEXT");
  cmd->footer(
      "No interaction is recorded: the balance and last contact stay as they are, and\n"
      "history shows the skip. Undo it with kith undo.\n"
      "Example:\n  kith skip maya --note \"She is on leave until January\"");
  on_chosen(*cmd, options, action, run_skip);
}

}  // namespace kith::cli
