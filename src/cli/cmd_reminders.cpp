// kith reminders [--all]; kith done ID; kith snooze ID (DURATION | --to DATE); kith cancel ID
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::cli {
namespace {

struct RemindersOptions {
  std::optional<std::string> who;
  bool all = false;
};

struct IdOptions {
  std::string id;
  bool stop = false;              // done --stop
  std::optional<std::string> by;  // snooze DURATION
  std::optional<std::string> to;  // snooze --to DATE
};

// The reminder id "4" or "#4", or invalid_input naming the text.
Result<std::int64_t> reminder_id(std::string_view text) {
  return record_id(text, "reminder", "kith reminders");
}

Status run_reminders(Context& ctx, const RemindersOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  // Streamed: every reminder of years is printed without holding them all.
  Painter paint(ctx.color);
  StreamedTable table(reminder_columns(true), paint, terminal_width());
  JsonArrayPrinter json;
  std::optional<std::int64_t> contact_id;
  if (o.who) {
    auto contact = store->resolve(*o.who);
    if (!contact) return contact.error();
    contact_id = contact->id;
  }
  KITH_TRY(store->stream_reminders(contact_id, o.all, [&](Reminder&& r) -> Status {
    if (ctx.json) {
      json.add(reminder_json(r, ctx.today));
    } else {
      table.add(reminder_row(r, ctx.today, true));
    }
    return {};
  }));
  if (ctx.json) {
    json.finish();
    return {};
  }
  if (table.rows() == 0) {
    if (!store->missing()) fmt::print("No {}reminders.\n", o.all ? "" : "open ");
    return {};
  }
  table.finish();
  return {};
}

Status run_done(Context& ctx, const IdOptions& o) {
  auto id = reminder_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto completion = complete_reminder(*store, *id, o.stop, ctx.today);
  if (!completion) return completion.error();
  const Reminder& done = completion->reminder;
  if (ctx.json) {
    print_json(reminder_json(done, ctx.today));
    return {};
  }
  std::string line = fmt::format("Done #{}: \"{}\"", done.id, printable(done.text));
  if (!done.done_on) {
    line += fmt::format("; next on {} ({})", done.due.to_string(), relative(done.due, ctx.today));
  } else if (completion->past_last_date) {
    line += fmt::format(
        "; its next occurrence would be past {}-12-31, the last date kith "
        "supports, so it is done for good",
        kMaxYear);
  } else if (done.every) {
    line += "; it will not come back";
  }
  fmt::print("{}.\n", line);
  return {};
}

Status run_snooze(Context& ctx, const IdOptions& o) {
  Snooze snooze;
  if (o.by) {
    auto by = Duration::parse(*o.by);
    if (!by) return by.error();
    snooze.by = *by;
  }
  if (o.to) {
    auto to = parse_date(*o.to, ctx.today);
    if (!to) return Error{to.error().code, "--to: " + to.error().message};
    snooze.to = *to;
  }
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_snooze(snooze, ctx.today));
  auto id = reminder_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto snoozed = snooze_reminder(*store, *id, snooze, ctx.today);
  if (!snoozed) return snoozed.error();
  if (ctx.json) {
    print_json(reminder_json(*snoozed, ctx.today));
    return {};
  }
  fmt::print("Snoozed #{} to {} ({}).\n", snoozed->id, snoozed->due.to_string(),
             relative(snoozed->due, ctx.today));
  return {};
}

Status run_cancel(Context& ctx, const IdOptions& o) {
  auto id = reminder_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto cancelled = cancel_reminder(*store, *id, ctx.today);
  if (!cancelled) return cancelled.error();
  if (ctx.json) {
    print_json(reminder_json(*cancelled, ctx.today));
    return {};
  }
  fmt::print("Cancelled #{}: \"{}\".\n", cancelled->id, printable(cancelled->text));
  return {};
}

}  // namespace

void add_reminders_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<RemindersOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "Only this contact's")->option_text("WHO");
  cmd->add_flag("-a,--all", options->all, "Include the done and cancelled ones");
  on_chosen(*cmd, options, action, run_reminders);
}

void add_done_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<IdOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The reminder's id (see 'kith reminders')")
      ->required()
      ->option_text("ID");
  cmd->add_flag("--stop", options->stop, "End a recurring reminder instead of moving it on");
  on_chosen(*cmd, options, action, run_done);
}

void add_snooze_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<IdOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The reminder's id")->required()->option_text("ID");
  cmd->add_option("duration", options->by, "Push back by this long (3d, 1w)")
      ->option_text("DURATION");
  cmd->add_option("--to", options->to, "Move to this day instead")->option_text("DATE");
  on_chosen(*cmd, options, action, run_snooze);
}

void add_cancel_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<IdOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The reminder's id (see 'kith reminders')")
      ->required()
      ->option_text("ID");
  cmd->footer("A recurring reminder ends for good; kith reminders --all shows it as cancelled.");
  on_chosen(*cmd, options, action, run_cancel);
}

}  // namespace kith::cli
