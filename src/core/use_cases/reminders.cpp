#include "kith/use_cases/reminders.hpp"

#include <algorithm>

#include "kith/contact.hpp"
#include "kith/interaction.hpp"
#include "kith/text.hpp"
#include "transaction.hpp"

namespace kith {
namespace {

std::string last_date() { return std::to_string(kMaxYear) + "-12-31"; }

// The day the request makes the reminder due; invalid_input when it is refused.
Result<Date> due_day(const ReminderRequest& request, Date today) {
  if (request.on && request.in) return invalid_input("give --on DATE or --in DURATION, not both");
  if (request.on) {
    if (*request.on < today) {
      return invalid_input("--on " + request.on->to_string() + " is in the past (today is " +
                           today.to_string() +
                           "); a reminder is for today or later: try --on today, or --in 1w");
    }
    return *request.on;
  }
  if (request.in) {
    auto due = request.in->checked_after(today);
    if (!due) {
      return invalid_input("--in " + request.in->to_string() + ": that is past " + last_date() +
                           ", the last date kith supports");
    }
    return *due;
  }
  return invalid_input(
      "when? give --on DATE (like friday or 2026-12-01) or --in DURATION (like 2w)");
}

// "reminder #7 'Send the deck'" / "promise #7 to José Núñez, 'Send the deck'": a reminder in
// one line, for the journal.
std::string describe(const Reminder& r) {
  std::string out = std::string(r.kind == ReminderKind::promise ? "promise" : "reminder") + " #" +
                    std::to_string(r.id);
  if (!r.contact_name.empty()) {
    out += (r.kind == ReminderKind::promise ? " to " : " about ") + r.contact_name + ",";
  }
  return out + " " + quote_for_line(r.text);
}

// Reads the open reminder `id`, passes it to `change`, stores what that returns and returns the
// reminder as stored afterwards, all in one transaction; the journal notes it as `command`
// ("done of reminder #7 'Send the deck'").
template <class Change>
Result<Reminder> change_open_reminder(Store& store, std::int64_t id, std::string_view command,
                                      Date today, Change change) {
  return in_write<Reminder>(store, [&]() -> Result<Reminder> {
    auto found = store.reminder(id);
    if (!found) return found.error();
    if (found->done_on) {
      return invalid_input("reminder #" + std::to_string(id) + " is already done (on " +
                           found->done_on->to_string() + ")");
    }
    std::string what = describe(*found);
    auto changed = change(std::move(*found));
    if (!changed) return changed.error();
    KITH_TRY(store.update_reminder(*changed));
    store.note_change({std::string(command), std::string(command) + " of " + what, today});
    return store.reminder(id);
  });
}

}  // namespace

Status check_reminder(const ReminderRequest& request, Date today) {
  std::string_view text = trim(request.text);
  if (is_blank(text)) return invalid_input("empty reminder text: say what to do");
  KITH_TRY(check_free_text(text, "reminder text"));
  if (request.promise && !request.who) {
    return invalid_input("a promise is made to someone: kith remind WHO TEXT --promise ...");
  }
  auto due = due_day(request, today);
  if (!due) return due.error();
  return {};
}

Result<Reminder> remind(Store& store, const ReminderRequest& request, Date today) {
  KITH_TRY(check_reminder(request, today));
  Reminder reminder;
  reminder.kind = request.promise ? ReminderKind::promise : ReminderKind::reminder;
  reminder.text = std::string(trim(request.text));
  reminder.due = *due_day(request, today);
  reminder.anchor = reminder.due;
  reminder.every = request.every;
  return in_write<Reminder>(store, [&]() -> Result<Reminder> {
    if (request.who) {
      auto who = store.resolve(*request.who);
      if (!who) return who.error();
      reminder.contact_id = who->id;
    }
    auto id = store.add_reminder(reminder);
    if (!id) return id.error();
    auto stored = store.reminder(*id);
    if (!stored) return stored.error();
    std::string whom;
    if (!stored->contact_name.empty()) {
      whom = (request.promise ? " (a promise to " : " about ") + stored->contact_name +
             (request.promise ? ")" : "");
    }
    store.note_change(
        {"remind",
         "remind" + whom + ": " + quote_for_line(stored->text) + ", due " + stored->due.to_string(),
         today});
    return stored;
  });
}

Result<Completion> complete_reminder(Store& store, std::int64_t id, bool stop, Date today) {
  bool moves = false;
  auto done = change_open_reminder(store, id, "done", today, [&](Reminder r) -> Result<Reminder> {
    if (r.every && !stop && r.last_done == today && r.due > today) {
      return invalid_input("reminder #" + std::to_string(r.id) +
                           " was already done today; it is next due on " + r.due.to_string() +
                           " (to end it: kith done " + std::to_string(r.id) + " --stop)");
    }
    moves = r.every && !stop;
    return complete(std::move(r), today, stop);
  });
  if (!done) return done.error();
  bool past_last_date = moves && done->done_on.has_value();
  return Completion{std::move(*done), past_last_date};
}

Status check_snooze(const Snooze& snooze, Date today) {
  if (snooze.by && snooze.to) return invalid_input("give a DURATION or --to DATE, not both");
  if (!snooze.by && !snooze.to) {
    return invalid_input("how long? give a DURATION (like 3d or 1w) or --to DATE");
  }
  if (snooze.to && *snooze.to < today) {
    return invalid_input("--to " + snooze.to->to_string() + " is in the past (today is " +
                         today.to_string() + ")");
  }
  return {};
}

Result<Reminder> snooze_reminder(Store& store, std::int64_t id, const Snooze& snooze, Date today) {
  KITH_TRY(check_snooze(snooze, today));
  return change_open_reminder(store, id, "snooze", today, [&](Reminder r) -> Result<Reminder> {
    if (snooze.to) {
      r.due = *snooze.to;
      return r;
    }
    auto due = snooze.by->checked_after(std::max(r.due, today));
    if (!due) {
      return invalid_input("snoozing #" + std::to_string(r.id) + " by " + snooze.by->to_string() +
                           " goes past " + last_date() + ", the last date kith supports");
    }
    r.due = *due;
    return r;
  });
}

}  // namespace kith
