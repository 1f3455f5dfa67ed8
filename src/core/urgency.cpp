#include "kith/urgency.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kith/text.hpp"

namespace kith {
namespace {

// What the open reminders say about one contact.
void add_commitment(UrgencyFacts& facts, const Reminder& r) {
  if (r.done_on) return;
  if (r.kind == ReminderKind::promise) {
    ++facts.open_promises;
    if (!facts.next_promise || r.due < *facts.next_promise) facts.next_promise = r.due;
  } else if (r.kind == ReminderKind::plan) {
    facts.planned = true;
  }
}

// The facts that come from the contact and its types alone.
std::optional<UrgencyFacts> base_facts(const Contact& contact,
                                       const std::vector<RelationshipType>& types) {
  std::optional<Duration> cadence = effective_cadence(contact, types);
  std::optional<Date> due = next_due(contact, cadence);
  if (!cadence || !due) return std::nullopt;
  UrgencyFacts f;
  f.cadence = *cadence;
  f.due = *due;
  f.weight = heaviest_type(contact, types).second;
  f.net = contact.balance.net();
  f.never_contacted = !contact.last_contact;
  return f;
}

void identify(Urgency& u, const Contact& contact, const std::vector<RelationshipType>& types) {
  u.id = contact.id;
  u.name = contact.name;
  u.name_key = fold_for_match(contact.name);
  u.contact = &contact;
  u.heaviest_type = heaviest_type(contact, types).first;
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

double overdue_points(std::int64_t days_overdue, const Duration& cadence) {
  if (days_overdue <= 0) return 0.0;
  return kOverduePoints *
         std::log2(1.0 + static_cast<double>(days_overdue) / cadence.approx_days());
}

Urgency score(const UrgencyFacts& f, Date day) {
  Urgency u;
  u.cadence = f.cadence;
  u.due = f.due;
  u.days_overdue = std::max<std::int64_t>(0, days_between(f.due, day));
  u.cadences_overdue = static_cast<double>(u.days_overdue) / f.cadence.approx_days();
  u.weight = f.weight;
  u.net = f.net;
  u.open_promises = f.open_promises;
  u.next_promise = f.next_promise;
  u.planned = f.planned;
  u.never_contacted = f.never_contacted;

  auto add = [&](Term term, double points) {
    if (points <= 0) return;
    u.terms.push_back({term, points});
    u.score += points;
  };
  add(Term::overdue, overdue_points(u.days_overdue, f.cadence));
  add(Term::importance, kImportancePoints * (f.weight - kMinWeight));
  if (f.open_promises > 0 && f.next_promise) {
    bool soon = days_between(day, *f.next_promise) <= kPromiseSoonDays;
    add(Term::promise, kOpenPromisePoints + (soon ? kLatePromisePoints : 0.0));
  }
  if (f.net < 0) {
    add(Term::balance,
        std::min(kMaxBalancePoints, kBalancePointsPerUnit * static_cast<double>(-f.net)));
  }
  return u;
}

std::pair<std::string, int> heaviest_type(const Contact& contact,
                                          const std::vector<RelationshipType>& types) {
  std::pair<std::string, int> best{"", kUntypedWeight};
  bool typed = false;
  for (const std::string& name : contact.types) {
    auto it = std::find_if(types.begin(), types.end(),
                           [&](const RelationshipType& t) { return t.name == name; });
    if (it == types.end()) continue;
    if (!typed || it->weight > best.second) best = {it->name, it->weight};
    typed = true;
  }
  return best;
}

std::optional<UrgencyFacts> facts_of(const Contact& contact,
                                     const std::vector<RelationshipType>& types,
                                     const std::vector<Reminder>& reminders) {
  auto f = base_facts(contact, types);
  if (!f) return std::nullopt;
  for (const Reminder& r : reminders) {
    if (r.contact_id == contact.id) add_commitment(*f, r);
  }
  return f;
}

std::optional<Urgency> assess(const Contact& contact, const std::vector<RelationshipType>& types,
                              const std::vector<Reminder>& reminders, Date day) {
  auto f = facts_of(contact, types, reminders);
  if (!f) return std::nullopt;
  Urgency u = score(*f, day);
  identify(u, contact, types);
  return u;
}

bool more_urgent(const Urgency& a, const Urgency& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.name_key != b.name_key) return a.name_key < b.name_key;
  if (a.name != b.name) return a.name < b.name;
  return a.id < b.id;
}

std::vector<Urgency> rank_due(const UrgencyInput& input, Date today) {
  std::vector<Urgency> out;
  if (!input.contacts || !input.types) return out;
  std::unordered_map<std::int64_t, std::vector<const Reminder*>> about;
  if (input.reminders) {
    for (const Reminder& r : *input.reminders) {
      if (r.contact_id) about[*r.contact_id].push_back(&r);
    }
  }
  for (const Contact& c : *input.contacts) {
    auto f = base_facts(c, *input.types);
    if (!f || f->due >= today) continue;
    if (auto it = about.find(c.id); it != about.end()) {
      for (const Reminder* r : it->second) add_commitment(*f, *r);
    }
    if (f->planned) continue;
    Urgency u = score(*f, today);
    identify(u, c, *input.types);
    out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(), more_urgent);
  return out;
}

}  // namespace kith
