#include "kith/use_cases/reminders.hpp"

#include <algorithm>

#include "kith/contact.hpp"
#include "kith/interaction.hpp"
#include "kith/text.hpp"
#include "phrases.hpp"
#include "transaction.hpp"

namespace kith {
namespace {

std::string last_date() { return std::to_string(kMaxYear) + "-12-31"; }

// The rules of a reminder's values, shared by remind and change.

Status check_text(std::string_view text) {
  std::string_view trimmed = trim(text);
  if (is_blank(trimmed)) return invalid_input("empty reminder text: say what to do");
  return check_free_text(trimmed, "reminder text");
}

// The day --on or --in makes a reminder due, nullopt when neither is given; invalid_input when
// both are, or the day is refused.
Result<std::optional<Date>> chosen_due(const std::optional<Date>& on,
                                       const std::optional<Duration>& in, Date today) {
  if (on && in) return invalid_input("give --on DATE or --in DURATION, not both");
  if (on) {
    if (*on < today) {
      return invalid_input("--on " + on->to_string() + " is in the past (today is " +
                           today.to_string() +
                           "); a reminder is for today or later: try --on today, or --in 1w");
    }
    return std::optional<Date>(*on);
  }
  if (in) {
    auto due = in->checked_after(today);
    if (!due) {
      return invalid_input("--in " + in->to_string() + ": that is past " + last_date() +
                           ", the last date kith supports");
    }
    return std::optional<Date>(*due);
  }
  return std::optional<Date>();
}

// The day the request makes the reminder due; invalid_input when it is refused.
Result<Date> due_day(const ReminderRequest& request, Date today) {
  auto due = chosen_due(request.on, request.in, today);
  if (!due) return due.error();
  if (!*due) {
    return invalid_input(
        "when? give --on DATE (like friday or 2026-12-01) or --in DURATION (like 2w)");
  }
  return **due;
}

// Reads the open reminder `id`, passes it to `change`, stores what that returns and returns the
// reminder as stored afterwards, all in one transaction; the journal notes it as `command`
// ("done of reminder #7 'Send the deck'"), or as `change` notes it when `command` is empty.
template <class Change>
Result<Reminder> change_open_reminder(Store& store, std::int64_t id, std::string_view command,
                                      Date today, Change change) {
  return in_write<Reminder>(store, [&]() -> Result<Reminder> {
    auto found = store.reminder(id);
    if (!found) return found.error();
    if (found->done_on) {
      return invalid_input("reminder #" + std::to_string(id) + " is already " +
                           (found->cancelled ? "cancelled" : "done") + " (on " +
                           found->done_on->to_string() + ")");
    }
    std::string what = phrases::reminder(*found);
    auto changed = change(std::move(*found));
    if (!changed) return changed.error();
    KITH_TRY(store.update_reminder(*changed));
    if (!command.empty()) {
      store.note_change({std::string(command), std::string(command) + " of " + what, today});
    }
    return store.reminder(id);
  });
}

}  // namespace

Status check_reminder(const ReminderRequest& request, Date today) {
  KITH_TRY(check_text(request.text));
  if (request.meeting) {
    if (request.promise) return invalid_input("--meeting and --promise exclude each other");
    if (!request.who) {
      return invalid_input(
          "a meeting is with someone: kith remind WHO TEXT --every DURATION --meeting ...");
    }
    if (!request.every) {
      return invalid_input(
          "--meeting needs --every DURATION: a meeting recurs (like --every 1w for a weekly 1:1)");
    }
  }
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
  reminder.kind = request.promise   ? ReminderKind::promise
                  : request.meeting ? ReminderKind::meeting
                                    : ReminderKind::reminder;
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
      whom = request.promise   ? " (a promise to " + stored->contact_name + ")"
             : request.meeting ? " (a meeting with " + stored->contact_name + ")"
                               : " about " + stored->contact_name;
    }
    store.note_change({"remind",
                       "remind" + whom + ": " + phrases::quoted(stored->text) + ", due " +
                           stored->due.to_string(),
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
    if (r.kind == ReminderKind::topic) {
      return invalid_input("#" + std::to_string(r.id) +
                           " is an agenda topic, not due on a day: nothing to snooze");
    }
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

Result<Reminder> cancel_reminder(Store& store, std::int64_t id, Date today) {
  return change_open_reminder(store, id, "", today, [&](Reminder r) -> Result<Reminder> {
    store.note_change(
        {.command = "cancel", .summary = "cancel of " + phrases::reminder(r), .day = today});
    r.done_on = today;
    r.cancelled = true;
    return r;
  });
}

Status check_reminder_change(const ReminderChange& c, Date today) {
  if (!c.text && !c.on && !c.in && !c.every && !c.once && !c.about && !c.nobody && !c.promise &&
      !c.no_promise) {
    return invalid_input(
        "nothing to change: give --text, --on, --in, --every, --once, --about, --nobody, "
        "--promise or --no-promise (see 'kith change --help')");
  }
  if (c.text) KITH_TRY(check_text(*c.text));
  auto due = chosen_due(c.on, c.in, today);
  if (!due) return due.error();
  if (c.every && c.once) return invalid_input("give --every DURATION or --once, not both");
  if (c.about && c.nobody) return invalid_input("give --about WHO or --nobody, not both");
  if (c.promise && c.no_promise) return invalid_input("give --promise or --no-promise, not both");
  return {};
}

namespace {

std::string rhythm(const std::optional<Duration>& every) {
  return every ? "every " + every->to_string() : "once";
}

// What kind of reminder `r` is, for a message: "a follow-up (from 'kith log --next')".
std::string kind_phrase(const Reminder& r) {
  switch (r.kind) {
    case ReminderKind::followup: return "a follow-up (from 'kith log --next')";
    case ReminderKind::plan: return "planned outreach (from 'kith plan --save')";
    case ReminderKind::promise: return "a promise";
    case ReminderKind::meeting: return "a meeting (from 'kith remind --meeting')";
    case ReminderKind::topic: return "an agenda topic (from 'kith agenda')";
    case ReminderKind::skip: return "a skip (from 'kith skip')";
    case ReminderKind::reminder: break;
  }
  return "a reminder";
}

}  // namespace

Result<ReminderChanged> change_reminder(Store& store, std::int64_t id, const ReminderChange& c,
                                        Date today) {
  KITH_TRY(check_reminder_change(c, today));
  std::optional<Date> due = *chosen_due(c.on, c.in, today);
  std::optional<Reminder> before;
  auto after = change_open_reminder(store, id, "", today, [&](Reminder r) -> Result<Reminder> {
    before = r;
    const std::string which = "reminder #" + std::to_string(id);
    std::vector<std::string> changes;
    if (c.text && trim(*c.text) != r.text) {
      changes.push_back("text " + phrases::quoted(r.text) + " → " + phrases::quoted(*c.text));
      r.text = std::string(trim(*c.text));
    }
    if (r.kind == ReminderKind::topic && (due || c.every || c.once || c.nobody)) {
      return invalid_input(which + " is " + kind_phrase(r) +
                           ": it has no day or rhythm and is for someone; change its --text or "
                           "--about WHO");
    }
    if (r.kind == ReminderKind::meeting && c.once) {
      return invalid_input("--once: " + which + " is " + kind_phrase(r) +
                           ", which recurs; to end it: kith cancel " + std::to_string(r.id));
    }
    if (c.promise || c.no_promise) {
      if (r.kind != ReminderKind::reminder && r.kind != ReminderKind::promise) {
        return invalid_input(std::string(c.promise ? "--promise" : "--no-promise") + ": " + which +
                             " is " + kind_phrase(r) +
                             "; only a reminder can become a promise, and a promise a reminder");
      }
      ReminderKind kind = c.promise ? ReminderKind::promise : ReminderKind::reminder;
      if (kind != r.kind) {
        changes.push_back(std::string(to_string(r.kind)) + " → " + std::string(to_string(kind)));
        r.kind = kind;
      }
    }
    if (c.about) {
      auto who = store.resolve(*c.about);
      if (!who) return who.error();
      if (r.contact_id != who->id) {
        changes.push_back("about " + (r.contact_id ? r.contact_name : "nobody") + " → " +
                          who->name);
        r.contact_id = who->id;
        r.contact_name = who->name;
      }
    }
    if (c.nobody && r.contact_id) {
      changes.push_back("about " + r.contact_name + " → nobody");
      r.contact_id.reset();
      r.contact_name.clear();
    }
    if (needs_person(r.kind) && !r.contact_id) {
      if (r.kind != ReminderKind::promise) {
        return invalid_input(which + " is " + kind_phrase(r) + ", which is for someone");
      }
      return invalid_input(which +
                           " would be a promise to nobody: a promise is made to someone; name "
                           "them with --about WHO, or make it a reminder with --no-promise");
    }
    if (due && *due != r.due) {
      changes.push_back("due " + r.due.to_string() + " → " + due->to_string());
      r.due = *due;
    }
    std::optional<Duration> every = c.once    ? std::optional<Duration>()
                                    : c.every ? c.every
                                              : r.every;
    if (every != r.every) {
      changes.push_back(rhythm(r.every) + " → " + rhythm(every));
      r.every = every;
    }
    // A new due day or rhythm starts the rhythm there.
    if ((due || c.every || c.once) && r.anchor != r.due) {
      if (r.every && changes.empty()) {
        changes.push_back("rhythm from " + r.anchor.to_string() + " → " + r.due.to_string());
      }
      r.anchor = r.due;
    }
    if (changes.empty()) {
      return invalid_input("nothing to change: " + which + " already is as given");
    }
    store.note_change(
        {.command = "change",
         .summary = "change of " + phrases::reminder(*before) + ": " + phrases::listed(changes),
         .day = today});
    return r;
  });
  if (!after) return after.error();
  return ReminderChanged{std::move(*before), std::move(*after)};
}

}  // namespace kith

namespace kith {

Status check_topic(std::string_view text) {
  std::string_view trimmed = trim(text);
  if (is_blank(trimmed)) return invalid_input("empty topic: say what to raise");
  return check_free_text(trimmed, "topic");
}

Result<Reminder> raise_topic(Store& store, std::string_view who, std::string_view text,
                             Date today) {
  KITH_TRY(check_topic(text));
  return in_write<Reminder>(store, [&]() -> Result<Reminder> {
    auto person = store.resolve(who);
    if (!person) return person.error();
    Reminder topic;
    topic.kind = ReminderKind::topic;
    topic.contact_id = person->id;
    topic.text = std::string(trim(text));
    topic.due = today;
    topic.anchor = today;
    auto id = store.add_reminder(topic);
    if (!id) return id.error();
    auto stored = store.reminder(*id);
    if (!stored) return stored.error();
    store.note_change(
        {"agenda", "agenda for " + person->name + ": " + phrases::quoted(stored->text), today});
    return stored;
  });
}

Result<Agenda> agenda(Store& store, const std::optional<std::string>& who) {
  Agenda out;
  KITH_TRY(store.read([&]() -> Status {
    std::optional<std::int64_t> id;
    if (who) {
      auto person = store.resolve(*who);
      if (!person) return person.error();
      id = person->id;
      out.person = std::move(*person);
    }
    auto topics = store.topics(id);
    if (!topics) return topics.error();
    out.topics = std::move(*topics);
    return {};
  }));
  return out;
}

Status check_skip_note(std::string_view note) { return check_free_text(trim(note), "--note"); }

Result<Skipped> skip_check_in(Store& store, std::string_view who, std::string_view note,
                              Date today) {
  KITH_TRY(check_skip_note(note));
  return in_write<Skipped>(store, [&]() -> Result<Skipped> {
    auto person = store.resolve(who);
    if (!person) return person.error();
    auto types = store.types();
    if (!types) return types.error();
    if (person->archived) {
      return invalid_input(person->name + " is archived and never due: nothing to skip");
    }
    Due before = due_of(*person, *types, today);
    if (!before.cadence) {
      return invalid_input(person->name +
                           " has no cadence and is never due: nothing to skip (give one with "
                           "kith edit WHO --every DURATION)");
    }
    if (person->last_skip == today) {
      return invalid_input(person->name + " was skipped today already; the next check-in is " +
                           (before.next ? before.next->to_string() : std::string("not due")));
    }
    Reminder skip;
    skip.kind = ReminderKind::skip;
    skip.contact_id = person->id;
    skip.text = std::string(trim(note));
    skip.due = today;
    skip.anchor = today;
    skip.done_on = today;  // closed the day it is made
    skip.last_done = today;
    auto id = store.add_reminder(skip);
    if (!id) return id.error();
    auto stored = store.reminder(*id);
    if (!stored) return stored.error();
    auto after = store.contact(person->id);
    if (!after) return after.error();
    Due due = due_of(*after, *types, today);
    store.note_change({"skip",
                       "skip of " + person->name + "'s check-in; next due " +
                           (due.next ? due.next->to_string() : std::string("never")),
                       today});
    return Skipped{std::move(*stored), std::move(*after), before, due};
  });
}

}  // namespace kith
