#include "kith/use_cases/interactions.hpp"

#include <algorithm>

#include "kith/relationship_type.hpp"
#include "kith/text.hpp"
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

}  // namespace

Status check_log(const LogRequest& request, Date today) {
  if (request.people.empty()) return invalid_input("log with whom? name at least one person");
  std::string_view summary = trim(request.summary);
  if (is_blank(summary)) return invalid_input("empty summary: say what happened");
  KITH_TRY(check_free_text(summary, "summary"));
  if (request.on && *request.on > today) {
    return invalid_input("--on " + request.on->to_string() + " is in the future (today is " +
                         today.to_string() + "); use 'kith remind' for what is still to come");
  }
  if (request.gave && request.received) {
    return invalid_input(
        "--gave and --received exclude each other: give one direction, or neither for a "
        "mutual exchange");
  }
  KITH_TRY(check_weight(request.weight, "weight"));
  if (request.next) KITH_TRY(check_followup(*request.next, today));
  return {};
}

Result<Logged> log_interaction(Store& store, const LogRequest& request, Date today) {
  KITH_TRY(check_log(request, today));
  return in_write<Logged>(store, [&]() -> Result<Logged> {
    auto people = resolve_people(store, request.people);
    if (!people) return people.error();
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
    store.note_change({"log", "log " + describe(*stored), today});
    logged.interaction = std::move(*stored);
    logged.interaction.people = std::move(interaction.people);
    auto types = store.types();
    if (!types) return types.error();
    for (const Contact& p : *people) {
      auto after = store.contact(p.id);
      if (!after) return after.error();
      Due due = due_of(*after, *types, today);
      logged.people.push_back({std::move(*after), due});
    }
    return logged;
  });
}

}  // namespace kith
