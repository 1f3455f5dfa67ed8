#include "kith/use_cases/interactions.hpp"

#include <algorithm>

#include "kith/relationship_type.hpp"
#include "kith/text.hpp"
#include "phrases.hpp"
#include "record_log.hpp"
#include "transaction.hpp"

namespace kith {
namespace {

Status check_followup(const FollowUp& next, Date today) {
  if (next.due < today) {
    return invalid_input("--next " + next.due.to_string() + " is in the past (today is " +
                         today.to_string() + ")");
  }
  std::string_view text = trim(next.text);
  if (is_blank(text)) return invalid_input("--next: empty text: say what the next step is");
  return check_free_text(text, "--next text");
}

// The rules of an interaction's values, shared by log and amend.

Status check_summary(std::string_view text) {
  std::string_view summary = trim(text);
  if (is_blank(summary)) return invalid_input("empty summary: say what happened");
  return check_free_text(summary, "summary");
}

Status check_not_future(Date on, Date today) {
  if (on <= today) return {};
  return invalid_input("--on " + on.to_string() + " is in the future (today is " +
                       today.to_string() + "); use 'kith remind' for what is still to come");
}

// At most one direction; `hint` ends the message that names the flags given together.
Status check_one_direction(bool gave, bool received, bool mutual, std::string_view hint) {
  std::vector<std::string> given;
  if (gave) given.push_back("--gave");
  if (received) given.push_back("--received");
  if (mutual) given.push_back("--mutual");
  if (given.size() <= 1) return {};
  return invalid_input(phrases::people(given) + " exclude each other: " + std::string(hint));
}

// The interaction the request describes, without its people.
Interaction interaction_of(const LogRequest& request, Date today) {
  Interaction interaction;
  interaction.summary = std::string(trim(request.summary));
  interaction.day = request.on.value_or(today);
  interaction.channel = request.via;
  if (request.gave) interaction.direction = Direction::gave;
  if (request.received) interaction.direction = Direction::received;
  interaction.weight = request.weight;
  return interaction;
}

// Each person the request names, once, in the order named.
Result<std::vector<Contact>> resolve_people(Store& store, const std::vector<std::string>& who) {
  std::vector<Contact> people;
  for (const std::string& text : who) {
    auto person = store.resolve(text);
    if (!person) return person.error();
    bool seen = std::any_of(people.begin(), people.end(),
                            [&](const Contact& p) { return p.id == person->id; });
    if (!seen) people.push_back(std::move(*person));
  }
  return people;
}

// The open reminder `id`, about one of `people`, of a kind `topic` says (a topic or not);
// `option` names the option in messages.
Result<Reminder> named_item(Store& store, std::int64_t id, bool topic,
                            const std::vector<Contact>& people, std::string_view option) {
  auto found = store.reminder(id);
  if (!found) {
    if (found.error().code == Errc::not_found && topic) {
      return not_found("no topic #" + std::to_string(id));
    }
    return found.error();
  }
  const std::string which = std::string(option) + " " + std::to_string(id) + ": ";
  if (topic && found->kind != ReminderKind::topic) {
    return invalid_input(which + "#" + std::to_string(id) +
                         " is not an agenda topic; to complete a reminder, use --done");
  }
  if (!topic && found->kind == ReminderKind::topic) {
    return invalid_input(which + "#" + std::to_string(id) +
                         " is an agenda topic; to close it, use --covered");
  }
  if (!topic && !is_dated(found->kind)) {
    return invalid_input(which + "#" + std::to_string(id) + " is not a reminder");
  }
  if (found->done_on) {
    return invalid_input(which + "#" + std::to_string(id) + " is already " +
                         (found->cancelled                     ? "cancelled"
                          : found->kind == ReminderKind::topic ? "covered"
                                                               : "done") +
                         " (on " + found->done_on->to_string() + ")");
  }
  bool theirs = found->contact_id && std::any_of(people.begin(), people.end(), [&](auto& p) {
                  return p.id == *found->contact_id;
                });
  if (!theirs) {
    std::string whose = found->contact_id ? found->contact_name : "nobody in particular";
    return invalid_input(
        which + "#" + std::to_string(id) + " is about " + whose + ", who is not in this log" +
        (found->contact_id ? "" : "; complete it with kith done " + std::to_string(id)));
  }
  return found;
}

}  // namespace

bool meeting_completed_by(const Reminder& meeting, Date day) {
  if (meeting.kind != ReminderKind::meeting || meeting.done_on || !meeting.every) return false;
  if (day < meeting.due) return false;
  auto next = next_occurrence(meeting.anchor, *meeting.every, meeting.due);
  return !next || day < *next;
}

Status check_log(const LogRequest& request, Date today) {
  if (request.people.empty()) return invalid_input("log with whom? name at least one person");
  KITH_TRY(check_summary(request.summary));
  if (request.on) KITH_TRY(check_not_future(*request.on, today));
  KITH_TRY(check_one_direction(request.gave, request.received, false,
                               "give one direction, or neither for a mutual exchange"));
  KITH_TRY(check_weight(request.weight, "weight"));
  if (request.next) KITH_TRY(check_followup(*request.next, today));
  return {};
}

Result<Logged> log_interaction(Store& store, const LogRequest& request, Date today) {
  KITH_TRY(check_log(request, today));
  return in_write<Logged>(store,
                          [&]() -> Result<Logged> { return record_log(store, request, today); });
}

Result<Logged> record_log(Store& store, const LogRequest& request, Date today) {
  {
    auto people = resolve_people(store, request.people);
    if (!people) return people.error();
    // Someone you talk to is someone you know: a target becomes a normal contact.
    std::vector<std::int64_t> were_targets;
    for (const Contact& p : *people) {
      if (!p.target) continue;
      KITH_TRY(store.set_target(p.id, false));
      were_targets.push_back(p.id);
    }
    Interaction interaction = interaction_of(request, today);
    for (const Contact& p : *people) interaction.people.push_back({p.id, p.name});
    auto id = store.add_interaction(interaction);
    if (!id) return id.error();

    Logged logged;
    for (const Contact& p : *people) {
      auto closed = store.fulfil_plans(p.id, interaction.day);
      if (!closed) return closed.error();
      logged.plans_done += *closed;
    }
    const Date day = interaction.day;
    // What --done names, then the meetings this interaction is, each completed once.
    std::vector<Reminder> to_complete;
    for (std::int64_t named : request.done) {
      auto item = named_item(store, named, false, *people, "--done");
      if (!item) return item.error();
      to_complete.push_back(std::move(*item));
    }
    for (const Contact& p : *people) {
      auto open = store.reminders(p.id);
      if (!open) return open.error();
      for (Reminder& r : *open) {
        if (meeting_completed_by(r, day)) to_complete.push_back(std::move(r));
      }
    }
    for (Reminder& r : to_complete) {
      bool seen = std::any_of(logged.completed.begin(), logged.completed.end(),
                              [&](const Reminder& c) { return c.id == r.id; });
      if (seen) continue;
      std::int64_t reminder_id = r.id;
      KITH_TRY(store.update_reminder(complete(std::move(r), day)));
      auto after = store.reminder(reminder_id);
      if (!after) return after.error();
      logged.completed.push_back(std::move(*after));
    }
    std::vector<Reminder> topics;
    for (const Contact& p : *people) {
      auto theirs = store.topics(p.id);
      if (!theirs) return theirs.error();
      topics.insert(topics.end(), theirs->begin(), theirs->end());
    }
    for (std::int64_t named : request.covered) {
      auto item = named_item(store, named, true, *people, "--covered");
      if (!item) return item.error();
    }
    for (Reminder& t : topics) {
      bool named = request.covered_all || std::find(request.covered.begin(), request.covered.end(),
                                                    t.id) != request.covered.end();
      if (!named) {
        logged.open_topics.push_back(std::move(t));
        continue;
      }
      Reminder closed = t;
      closed.done_on = day;
      closed.last_done = day;
      KITH_TRY(store.update_reminder(closed));
      logged.covered.push_back(std::move(t));
    }
    if (request.next) {
      Reminder followup;
      followup.kind = ReminderKind::followup;
      followup.contact_id = people->front().id;
      followup.text = std::string(trim(request.next->text));
      followup.due = request.next->due;
      followup.anchor = followup.due;
      auto added = store.add_reminder(followup);
      if (!added) return added.error();
      auto stored = store.reminder(*added);
      if (!stored) return stored.error();
      logged.followup = std::move(*stored);
    }

    auto stored = store.interaction(*id);
    if (!stored) return stored.error();
    std::vector<std::string> names;
    for (const Participant& p : stored->people) names.push_back(p.name);
    store.note_change({"log",
                       "log with " + phrases::people(names) + " on " + stored->day.to_string() +
                           ", " + phrases::quoted(stored->summary),
                       today});
    logged.interaction = std::move(*stored);
    logged.interaction.people = std::move(interaction.people);
    auto types = store.types();
    if (!types) return types.error();
    for (const Contact& p : *people) {
      auto after = store.contact(p.id);
      if (!after) return after.error();
      Due due = due_of(*after, *types, today);
      bool was_target =
          std::find(were_targets.begin(), were_targets.end(), p.id) != were_targets.end();
      logged.people.push_back({std::move(*after), due, was_target});
    }
    return logged;
  }
}

Status check_amend(const AmendRequest& r, Date today) {
  bool direction = r.gave || r.received || r.mutual;
  if (!r.on && !r.via && !direction && !r.weight && !r.summary && r.with.empty() &&
      r.without.empty()) {
    return invalid_input("nothing to change in #" + std::to_string(r.id) +
                         ": give --on, --via, --gave, --received, --mutual, --weight, --summary, "
                         "--with or --without (see 'kith amend --help')");
  }
  if (r.on) KITH_TRY(check_not_future(*r.on, today));
  KITH_TRY(check_one_direction(r.gave, r.received, r.mutual, "give one direction"));
  if (r.weight) KITH_TRY(check_weight(*r.weight, "weight"));
  if (r.summary) KITH_TRY(check_summary(*r.summary));
  return {};
}

namespace {

bool takes_part(const Interaction& interaction, std::int64_t contact_id) {
  return std::any_of(interaction.people.begin(), interaction.people.end(),
                     [&](const Participant& p) { return p.id == contact_id; });
}

std::string channel_name(const std::optional<Channel>& channel) {
  return channel ? std::string(to_string(*channel)) : "no channel";
}

// `before` with the request's fields applied (not its people), and what that changes, in words.
Interaction amended_fields(const Interaction& before, const AmendRequest& r,
                           std::vector<std::string>& changes) {
  Interaction after = before;
  if (r.on && *r.on != before.day) {
    after.day = *r.on;
    changes.push_back("on " + before.day.to_string() + " → " + after.day.to_string());
  }
  if (r.via && r.via != before.channel) {
    after.channel = r.via;
    changes.push_back("via " + channel_name(before.channel) + " → " + channel_name(after.channel));
  }
  if (r.gave) after.direction = Direction::gave;
  if (r.received) after.direction = Direction::received;
  if (r.mutual) after.direction = Direction::mutual;
  if (after.direction != before.direction) {
    changes.push_back(std::string(to_string(before.direction)) + " → " +
                      std::string(to_string(after.direction)));
  }
  if (r.weight && *r.weight != before.weight) {
    after.weight = *r.weight;
    changes.push_back("weight " + std::to_string(before.weight) + " → " +
                      std::to_string(after.weight));
  }
  if (r.summary && trim(*r.summary) != before.summary) {
    after.summary = std::string(trim(*r.summary));
    changes.push_back("summary " + phrases::quoted(before.summary) + " → " +
                      phrases::quoted(after.summary));
  }
  return after;
}

}  // namespace

Result<Amended> amend_interaction(Store& store, const AmendRequest& request, Date today) {
  KITH_TRY(check_amend(request, today));
  return in_write<Amended>(store, [&]() -> Result<Amended> {
    auto before = store.interaction(request.id);
    if (!before) return before.error();
    const std::string which = "#" + std::to_string(request.id);

    Amended amended;
    Interaction after = amended_fields(*before, request, amended.changes);
    auto added = resolve_people(store, request.with);
    if (!added) return added.error();
    for (const Contact& p : *added) {
      if (takes_part(*before, p.id)) {
        return invalid_input("--with: " + p.name + " already took part in " + which);
      }
      amended.changes.push_back("with " + p.name);
    }
    auto removed = resolve_people(store, request.without);
    if (!removed) return removed.error();
    for (const Contact& p : *removed) {
      if (!takes_part(*before, p.id)) {
        return invalid_input("--without: " + p.name + " did not take part in " + which);
      }
      amended.changes.push_back("without " + p.name);
    }
    if (added->empty() && removed->size() == before->people.size()) {
      return invalid_input("amending " + which +
                           " would leave nobody in it: add someone with --with, or delete it "
                           "with 'kith unlog " +
                           std::to_string(request.id) + "'");
    }
    if (amended.changes.empty()) {
      return invalid_input("nothing to change: " + which + " already is as given");
    }

    // The fields first, so that the people added count with its new day, direction and weight.
    KITH_TRY(store.update_interaction(after));
    for (const Contact& p : *removed) KITH_TRY(store.remove_participant(request.id, p.id));
    for (const Contact& p : *added) {
      KITH_TRY(store.add_participant(request.id, p.id));
      auto closed = store.fulfil_plans(p.id, after.day);
      if (!closed) return closed.error();
      amended.plans_done += *closed;
    }

    std::string summary =
        "amend of " + phrases::interaction(*before) + ": " + phrases::listed(amended.changes);
    if (amended.plans_done > 0) {
      summary += "; planned outreach done (" + std::to_string(amended.plans_done) + ")";
    }
    store.note_change({.command = "amend", .summary = std::move(summary), .day = today});
    auto stored = store.interaction(request.id);
    if (!stored) return stored.error();
    amended.before = std::move(*before);
    amended.after = std::move(*stored);
    return amended;
  });
}

Result<Interaction> unlog_interaction(Store& store, std::int64_t id, Date today) {
  return in_write<Interaction>(store, [&]() -> Result<Interaction> {
    auto gone = store.interaction(id);
    if (!gone) return gone.error();
    KITH_TRY(store.remove_interaction(id));
    store.note_change({.command = "unlog",
                       .summary = "unlog of " + phrases::interaction(*gone) + ", " +
                                  phrases::quoted(gone->summary),
                       .day = today});
    return std::move(*gone);
  });
}

}  // namespace kith
