// kith change ID [--text TEXT] [--on DATE | --in DURATION] [--every DURATION | --once]
//                [--about WHO | --nobody] [--promise | --no-promise]: change an open reminder.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::cli {
namespace {

struct ChangeOptions {
  std::string id;
  std::optional<std::string> text;
  std::optional<std::string> on;
  std::optional<std::string> in;
  std::optional<std::string> every;
  bool once = false;
  std::optional<std::string> about;
  bool nobody = false;
  bool promise = false;
  bool no_promise = false;
};

Status run_change(Context& ctx, const ChangeOptions& o) {
  auto id = record_id(o.id, "reminder", "kith reminders");
  if (!id) return id.error();
  ReminderChange change;
  change.text = o.text;
  if (o.on) {
    auto due = parse_date(*o.on, ctx.today);
    if (!due) return Error{due.error().code, "--on: " + due.error().message};
    change.on = *due;
  }
  if (o.in) {
    auto in = Duration::parse(*o.in);
    if (!in) return Error{in.error().code, "--in: " + in.error().message};
    change.in = *in;
  }
  if (o.every) {
    auto every = Duration::parse(*o.every);
    if (!every) return Error{every.error().code, "--every: " + every.error().message};
    change.every = *every;
  }
  change.once = o.once;
  change.about = o.about;
  change.nobody = o.nobody;
  change.promise = o.promise;
  change.no_promise = o.no_promise;
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_reminder_change(change, ctx.today));

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto changed = change_reminder(*store, *id, change, ctx.today);
  if (!changed) return changed.error();
  const Reminder& r = changed->after;
  if (ctx.json) {
    print_json(reminder_json(r, ctx.today));
    return {};
  }
  if (r.kind == ReminderKind::topic) {  // an agenda topic has no day of its own
    fmt::print("Changed topic #{} for {}: \"{}\".\n", r.id, printable(r.contact_name),
               printable(r.text));
    return {};
  }
  std::string line = fmt::format("Changed #{}: \"{}\", due {} ({})", r.id, printable(r.text),
                                 r.due.to_string(), relative(r.due, ctx.today));
  if (r.every) line += fmt::format(", every {}", r.every->to_human());
  if (r.contact_id) {
    line += fmt::format(", {} {}",
                        r.kind == ReminderKind::promise   ? "promised to"
                        : r.kind == ReminderKind::meeting ? "with"
                                                          : "about",
                        printable(r.contact_name));
  }
  fmt::print("{}.\n", line);
  return {};
}

}  // namespace

void add_change_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ChangeOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The reminder's id (see 'kith reminders')")
      ->required()
      ->option_text("ID");
  cmd->add_option("--text", options->text, "What to do")->option_text("TEXT");
  cmd->add_option("--on", options->on, "Due on this day instead (friday, 2026-12-01, 2w)")
      ->option_text("DATE");
  cmd->add_option("--in", options->in, "Due this long from today instead (3d, 2w, 1m)")
      ->option_text("DURATION");
  cmd->add_option("--every", options->every, "Repeat on this rhythm from its due day (1w, 1m)")
      ->option_text("DURATION");
  cmd->add_flag("--once", options->once, "Stop repeating: a one-off");
  cmd->add_option("--about", options->about, "Who it is about")->option_text("WHO");
  cmd->add_flag("--nobody", options->nobody, "About nobody in particular");
  cmd->add_flag("--promise", options->promise, "A commitment you made to that person");
  cmd->add_flag("--no-promise", options->no_promise, "A plain reminder, not a promise");
  cmd->footer(
      "A new due day or rhythm starts the rhythm of a recurring reminder there; to push back one\n"
      "occurrence and keep the rhythm, use kith snooze.\n"
      "Examples:\n  kith change 7 --on 2026-12-10 --text \"Send the final deck\"\n"
      "  kith change 3 --every 2w\n  kith change 5 --about grace --promise");
  on_chosen(*cmd, options, action, run_change);
}

}  // namespace kith::cli
