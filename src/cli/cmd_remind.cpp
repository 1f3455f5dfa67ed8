// kith remind [WHO] TEXT (--on DATE | --in DURATION) [--every DURATION] [--promise|--meeting]
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::cli {
namespace {

struct RemindOptions {
  std::vector<std::string> args;  // [WHO] TEXT
  std::optional<std::string> on;
  std::optional<std::string> in;
  std::optional<std::string> every;
  bool promise = false;
  bool meeting = false;
};

Status run_remind(Context& ctx, const RemindOptions& o) {
  if (o.args.empty() || o.args.size() > 2) {
    return invalid_input(
        "give the text, and optionally who first: kith remind [WHO] TEXT "
        "--on DATE (quote a text of several words)");
  }
  ReminderRequest request;
  if (o.args.size() == 2) request.who = o.args.front();
  request.text = o.args.back();
  request.promise = o.promise;
  request.meeting = o.meeting;
  if (o.on) {
    auto due = parse_date(*o.on, ctx.today);
    if (!due) return Error{due.error().code, "--on: " + due.error().message};
    request.on = *due;
  }
  if (o.in) {
    auto in = Duration::parse(*o.in);
    if (!in) return Error{in.error().code, "--in: " + in.error().message};
    request.in = *in;
  }
  if (o.every) {
    auto every = Duration::parse(*o.every);
    if (!every) return Error{every.error().code, "--every: " + every.error().message};
    request.every = *every;
  }
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_reminder(request, ctx.today));

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto stored = remind(*store, request, ctx.today);
  if (!stored) return stored.error();
  if (ctx.json) {
    print_json(reminder_json(*stored, ctx.today));
    return {};
  }
  const char* kind = o.promise ? "Promise" : o.meeting ? "Meeting" : "Reminder";
  const char* joint = o.promise ? "to" : o.meeting ? "with" : "about";
  std::string line = fmt::format("{} #{}", kind, stored->id);
  if (stored->contact_id) line += fmt::format(" {} {}", joint, printable(stored->contact_name));
  line += fmt::format(": \"{}\", due {} ({})", printable(stored->text), stored->due.to_string(),
                      relative(stored->due, ctx.today));
  if (stored->every) line += fmt::format(", then every {}", stored->every->to_human());
  fmt::print("{}.\n", line);
  return {};
}

}  // namespace

void add_remind_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<RemindOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("args", options->args, "Who it is about (optional), then what to do")
      ->required()
      ->expected(1, 2)
      ->option_text("[WHO] TEXT");
  cmd->add_option("--on", options->on, "The day it is due (friday, 2026-12-01, 2w)")
      ->option_text("DATE");
  cmd->add_option("--in", options->in, "Due this long from today (3d, 2w, 1m)")
      ->option_text("DURATION");
  cmd->add_option("--every", options->every, "Repeat on this rhythm (1w, 1m, 1y)")
      ->option_text("DURATION");
  cmd->add_flag("--promise", options->promise, "A commitment you made to that person");
  cmd->add_flag("--meeting", options->meeting,
                "A recurring meeting with that person (a 1:1; needs --every): logging an "
                "interaction with them completes the occurrence");
  cmd->footer(
      "Examples:\n  kith remind ada \"Send the deck\" --on friday --promise\n"
      "  kith remind \"Update my mentor list\" --in 1m --every 3m\n"
      "  kith remind maya \"Weekly 1:1\" --on thursday --every 1w --meeting");
  on_chosen(*cmd, options, action, run_remind);
}

}  // namespace kith::cli
