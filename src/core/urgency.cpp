#include "kith/urgency.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kith/text.hpp"

namespace kith {
namespace {

// The most the terms other than `overdue` can add up to. With the fall of the overdue term
// along a queue it bounds what an unread candidate can score (the contract in urgency.hpp).
constexpr double kMaxPromisePoints = kOpenPromisePoints + kLatePromisePoints;
constexpr double kMaxOtherPoints =
    kImportancePoints * (kMaxWeight - kMinWeight) + kMaxPromisePoints + kMaxBalancePoints;
// A score is summed term by term, its bound in one addition: they may round apart by an ulp.
// Comparing with this much to spare only reads a candidate more, never one less.
constexpr double kRoundingSlack = 1e-9;

// What the open reminders say about one contact.
void add_commitment(UrgencyFacts& facts, const Reminder& r) {
  if (r.done_on) return;
  if (r.kind == ReminderKind::promise) {
    ++facts.open_promises;
    if (!facts.next_promise || r.due < *facts.next_promise) facts.next_promise = r.due;
  }
  Bookings b{facts.planned, facts.next_meeting, facts.next_reminder};
  add_booking(b, r.kind, r.due);
  facts.planned = b.planned;
  facts.next_meeting = b.next_meeting;
  facts.next_reminder = b.next_reminder;
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

void add_booking(Bookings& b, ReminderKind kind, Date due) {
  auto sooner = [&](std::optional<Date>& day) {
    if (!day || due < *day) day = due;
  };
  switch (kind) {
    case ReminderKind::plan: b.planned = true; break;
    case ReminderKind::meeting: sooner(b.next_meeting); break;
    case ReminderKind::reminder:
    case ReminderKind::followup:
    case ReminderKind::promise: sooner(b.next_reminder); break;
    case ReminderKind::topic:
    case ReminderKind::skip: break;
  }
}

bool spoken_for(const UrgencyFacts& f, Date day) {
  if (f.planned) return true;
  if (f.next_reminder && *f.next_reminder <= day) return true;
  return f.next_meeting && *f.next_meeting <= std::max(f.due, day).plus_days(kMeetingCoversDays);
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
  u.next_meeting = f.next_meeting;
  u.next_reminder = f.next_reminder;

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
    if (spoken_for(*f, today)) continue;
    Urgency u = score(*f, today);
    identify(u, c, *input.types);
    out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(), more_urgent);
  return out;
}

namespace {

// One queue's next person, with the most any unread person of the queue can score.
struct Head {
  std::size_t queue = 0;
  Duration cadence;
  DueCandidate candidate;
  bool started = false;  // `candidate` holds a person
  double bound = 0;
};

// Reads the queue's next person into `head`; false once the queue is done. Errc::internal
// when the source breaks the contract: someone not overdue, or a queue out of order.
Result<bool> advance(DueSource& source, Date today, Head& head) {
  auto next = source.next(head.queue);
  if (!next) return next.error();
  if (!*next) return false;
  DueCandidate& c = **next;
  if (c.facts.due >= today) {
    return Error{Errc::internal, "due source: contact " + std::to_string(c.id) +
                                     " is not overdue on " + today.to_string()};
  }
  if (head.started && c.facts.due < head.candidate.facts.due) {
    return Error{Errc::internal, "due source: queue " + std::to_string(head.queue) +
                                     " is not longest overdue first at contact " +
                                     std::to_string(c.id)};
  }
  head.candidate = std::move(c);
  head.candidate.facts.cadence = head.cadence;
  head.started = true;
  head.bound = overdue_points(days_between(head.candidate.facts.due, today), head.cadence) +
               kMaxOtherPoints + kRoundingSlack;
  return true;
}

}  // namespace

Result<DueRanking> select_most_urgent(DueSource& source, Date today, std::size_t limit) {
  DueRanking out;
  auto total = source.overdue_count(today);
  if (!total) return total.error();
  out.total = *total;
  if (limit == 0) return out;

  auto cadences = source.open_queues(today);
  if (!cadences) return cadences.error();
  std::vector<Head> heads;
  for (std::size_t q = 0; q < cadences->size(); ++q) {
    Head head;
    head.queue = q;
    head.cadence = (*cadences)[q];
    auto more = advance(source, today, head);
    if (!more) return more.error();
    if (*more) heads.push_back(std::move(head));
  }

  // Take the best head until no unread person can beat the last of the top.
  std::vector<Urgency>& top = out.ranked;
  while (!heads.empty()) {
    auto best = std::max_element(heads.begin(), heads.end(),
                                 [](const Head& a, const Head& b) { return a.bound < b.bound; });
    if (top.size() == limit && best->bound < top.back().score) break;
    const DueCandidate& c = best->candidate;
    UrgencyFacts facts = c.facts;
    facts.open_promises = 0;
    facts.next_promise.reset();
    facts.planned = false;
    facts.next_meeting.reset();
    facts.next_reminder.reset();
    // Everything but a promise is known from the summary: look further only if a promise
    // could lift the person into the top.
    double with_any_promise = score(facts, today).score + kMaxPromisePoints + kRoundingSlack;
    bool could_enter = top.size() < limit || with_any_promise >= top.back().score;
    if (could_enter) {
      auto bookings = source.bookings(c.id);
      if (!bookings) return bookings.error();
      facts.planned = bookings->planned;
      facts.next_meeting = bookings->next_meeting;
      facts.next_reminder = bookings->next_reminder;
      if (!spoken_for(facts, today)) {
        auto promises = source.promises(c.id);
        if (!promises) return promises.error();
        facts.open_promises = promises->count;
        facts.next_promise = promises->next;
        Urgency u = score(facts, today);
        u.id = c.id;
        auto name = source.name(c.id);
        if (!name) return name.error();
        u.name = std::move(name->name);
        u.name_key = std::move(name->name_key);
        auto at = std::upper_bound(top.begin(), top.end(), u, more_urgent);
        if (at != top.end() || top.size() < limit) {
          top.insert(at, std::move(u));
          if (top.size() > limit) top.pop_back();
        }
      }
    }
    auto more = advance(source, today, *best);
    if (!more) return more.error();
    if (!*more) heads.erase(best);
  }
  return out;
}

}  // namespace kith
