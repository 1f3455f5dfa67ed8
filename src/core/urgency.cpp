#include "kith/urgency.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kith/text.hpp"

namespace kith {
namespace {

// What the open reminders say about one contact.
struct Commitments {
  int open_promises = 0;
  std::optional<Date> next_promise;
  bool planned = false;

  void add(const Reminder& r) {
    if (r.done_on) return;
    if (r.kind == ReminderKind::promise) {
      ++open_promises;
      if (!next_promise || r.due < *next_promise) next_promise = r.due;
    } else if (r.kind == ReminderKind::plan) {
      planned = true;
    }
  }
};

std::optional<Urgency> assess_with(const Contact& contact,
                                   const std::vector<RelationshipType>& types,
                                   const Commitments& commitments, Date day) {
  std::optional<Duration> cadence = effective_cadence(contact, types);
  std::optional<Date> due = next_due(contact, cadence);
  if (!cadence || !due) return std::nullopt;

  Urgency u;
  u.contact = &contact;
  u.cadence = *cadence;
  u.due = *due;
  u.days_overdue = std::max<std::int64_t>(0, days_between(*due, day));
  u.cadences_overdue = static_cast<double>(u.days_overdue) / cadence->approx_days();
  u.never_contacted = !contact.last_contact;
  u.open_promises = commitments.open_promises;
  u.next_promise = commitments.next_promise;
  u.planned = commitments.planned;
  bool typed = false;
  for (const std::string& name : contact.types) {
    auto it = std::find_if(types.begin(), types.end(),
                           [&](const RelationshipType& t) { return t.name == name; });
    if (it == types.end()) continue;
    if (!typed || it->weight > u.weight) {
      u.weight = it->weight;
      u.heaviest_type = it->name;
    }
    typed = true;
  }

  auto add = [&](Term term, double points) {
    if (points <= 0) return;
    u.terms.push_back({term, points});
    u.score += points;
  };
  add(Term::overdue, kOverduePoints * std::log2(1.0 + u.cadences_overdue));
  add(Term::importance, kImportancePoints * (u.weight - kMinWeight));
  if (u.open_promises > 0) {
    bool soon = days_between(day, *u.next_promise) <= kPromiseSoonDays;
    add(Term::promise, kOpenPromisePoints + (soon ? kLatePromisePoints : 0.0));
  }
  std::int64_t deficit = -contact.balance.net();
  if (deficit > 0) {
    add(Term::balance,
        std::min(kMaxBalancePoints, kBalancePointsPerUnit * static_cast<double>(deficit)));
  }
  return u;
}

}  // namespace

std::string_view to_string(Term term) {
  switch (term) {
    case Term::importance: return "importance";
    case Term::promise: return "promise";
    case Term::balance: return "balance";
    case Term::overdue: break;
  }
  return "overdue";
}

std::optional<Urgency> assess(const Contact& contact, const std::vector<RelationshipType>& types,
                              const std::vector<Reminder>& reminders, Date day) {
  Commitments commitments;
  for (const Reminder& r : reminders) {
    if (r.contact_id == contact.id) commitments.add(r);
  }
  return assess_with(contact, types, commitments, day);
}

bool more_urgent(const Urgency& a, const Urgency& b) {
  if (a.score != b.score) return a.score > b.score;
  const std::string& an = a.contact->name;
  const std::string& bn = b.contact->name;
  if (an != bn) {
    std::string ak = fold_for_match(an);
    std::string bk = fold_for_match(bn);
    if (ak != bk) return ak < bk;
    return an < bn;
  }
  return a.contact->id < b.contact->id;
}

std::vector<Urgency> rank_due(const UrgencyInput& input, Date today) {
  std::vector<Urgency> out;
  if (!input.contacts || !input.types) return out;
  std::unordered_map<std::int64_t, Commitments> commitments;
  if (input.reminders) {
    for (const Reminder& r : *input.reminders) {
      if (r.contact_id) commitments[*r.contact_id].add(r);
    }
  }
  static const Commitments kNone;
  for (const Contact& c : *input.contacts) {
    auto found = commitments.find(c.id);
    auto u = assess_with(c, *input.types, found == commitments.end() ? kNone : found->second,
                         today);
    if (u && u->overdue()) out.push_back(std::move(*u));
  }
  std::sort(out.begin(), out.end(), more_urgent);
  return out;
}

}  // namespace kith
