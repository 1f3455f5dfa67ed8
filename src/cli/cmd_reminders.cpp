// kith reminders [--all]; kith done ID; kith snooze ID (DURATION | --to DATE)
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"

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

// The reminder id "4" or "#4" (kith::parse_id), or invalid_input naming the text.
Result<std::int64_t> reminder_id(std::string_view text) {
  if (auto id = parse_id(text)) return *id;
  return invalid_input("invalid reminder id '" + printable(text) +
                       "': expected a number like 4 (see 'kith reminders')");
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

// Loads an open reminder by id inside a write, applies `change`, and stores it.
template <class Change>
Result<Reminder> change_open_reminder(Context& ctx, const IdOptions& o, Change change) {
  auto id = reminder_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  Reminder result;
  KITH_TRY(store->write([&]() -> Status {
    auto found = store->reminder(*id);
    if (!found) return found.error();
    if (found->done_on) {
      return invalid_input(
          fmt::format("reminder #{} is already done (on {})", *id, found->done_on->to_string()));
    }
    auto changed = change(*found);
    if (!changed) return changed.error();
    result = *changed;
    return store->update_reminder(result);
  }));
  return result;
}

Status run_done(Context& ctx, const IdOptions& o) {
  bool moves = false;
  auto done = change_open_reminder(ctx, o, [&](const Reminder& r) -> Result<Reminder> {
    if (r.every && !o.stop && r.last_done == ctx.today && r.due > ctx.today) {
      return invalid_input(
          fmt::format("reminder #{} was already done today; it is next due "
                      "on {} (to end it: kith done {} --stop)",
                      r.id, r.due.to_string(), r.id));
    }
    moves = r.every && !o.stop;
    return complete(r, ctx.today, o.stop);
  });
  if (!done) return done.error();
  if (ctx.json) {
    print_json(reminder_json(*done, ctx.today));
    return {};
  }
  std::string line = fmt::format("Done #{}: \"{}\"", done->id, printable(done->text));
  if (!done->done_on) {
    line += fmt::format("; next on {} ({})", done->due.to_string(), relative(done->due, ctx.today));
  } else if (moves) {
    line += fmt::format(
        "; its next occurrence would be past {}-12-31, the last date kith "
        "supports, so it is done for good",
        kMaxYear);
  } else if (done->every) {
    line += "; it will not come back";
  }
  fmt::print("{}.\n", line);
  return {};
}

Status run_snooze(Context& ctx, const IdOptions& o) {
  if (o.by && o.to) return invalid_input("give a DURATION or --to DATE, not both");
  if (!o.by && !o.to) {
    return invalid_input("how long? give a DURATION (like 3d or 1w) or --to DATE");
  }
  std::optional<Duration> by;
  std::optional<Date> to;
  if (o.by) {
    auto d = Duration::parse(*o.by);
    if (!d) return d.error();
    by = *d;
  } else {
    auto d = parse_date(*o.to, ctx.today);
    if (!d) return Error{d.error().code, "--to: " + d.error().message};
    if (*d < ctx.today) {
      return invalid_input(fmt::format("--to {} is in the past (today is {})", d->to_string(),
                                       ctx.today.to_string()));
    }
    to = *d;
  }
  auto snoozed = change_open_reminder(ctx, o, [&](Reminder r) -> Result<Reminder> {
    // A duration pushes back from the due day, or from today when that has passed.
    if (to) {
      r.due = *to;
      return r;
    }
    auto due = by->checked_after(std::max(r.due, ctx.today));
    if (!due) {
      return invalid_input(
          fmt::format("snoozing #{} by {} goes past {}-12-31, the last date "
                      "kith supports",
                      r.id, by->to_string(), kMaxYear));
    }
    r.due = *due;
    return r;
  });
  if (!snoozed) return snoozed.error();
  if (ctx.json) {
    print_json(reminder_json(*snoozed, ctx.today));
    return {};
  }
  fmt::print("Snoozed #{} to {} ({}).\n", snoozed->id, snoozed->due.to_string(),
             relative(snoozed->due, ctx.today));
  return {};
}

}  // namespace

void add_reminders_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<RemindersOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "Only this contact's")->option_text("WHO");
  cmd->add_flag("-a,--all", options->all, "Include the done ones");
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

}  // namespace kith::cli
