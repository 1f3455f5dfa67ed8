// The urgency engine: who is due for a check-in, how urgently, and why.
//
// Pure: no database, no clock. `today` is an input, and the same input always gives the same
// output. The formula is a sum of named terms (docs/ranking.md):
//
//   score = overdue + importance + promise + balance
//
//   overdue     kOverduePoints * log2(1 + days past due / cadence in days): 10 points when a
//               whole cadence late, 20 when three cadences late; it keeps growing, ever slower,
//               so one person missed for years does not bury everyone else.
//   importance  kImportancePoints * (weight - 1), the heaviest weight among the contact's
//               types (kUntypedWeight without types): 0 to 8.
//   promise     kOpenPromisePoints when you have an open promise to them, plus
//               kLatePromisePoints when one is due within kPromiseSoonDays or overdue.
//   balance     kBalancePointsPerUnit per unit received beyond what you gave, at most
//               kMaxBalancePoints.
//
// Ties break by name (case- and accent-insensitive), then by the name as written, then by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"

namespace kith {

inline constexpr double kOverduePoints = 10.0;
inline constexpr double kImportancePoints = 2.0;
inline constexpr int kUntypedWeight = 3;  // a contact with its own cadence but no type
inline constexpr double kOpenPromisePoints = 4.0;
inline constexpr double kLatePromisePoints = 4.0;
inline constexpr int kPromiseSoonDays = 2;
inline constexpr double kBalancePointsPerUnit = 1.0;
inline constexpr double kMaxBalancePoints = 5.0;
// The most the terms other than `overdue` can add up to: a bound that lets the store stop
// reading candidates once no unread one can reach the top (docs/performance.md).
inline constexpr double kMaxOtherPoints = kImportancePoints * (kMaxWeight - kMinWeight) +
                                          kOpenPromisePoints + kLatePromisePoints +
                                          kMaxBalancePoints;

// One named part of a score. Frozen names: they appear in `kith report --json`.
enum class Term { overdue, importance, promise, balance };
std::string_view to_string(Term term);

struct ScoreTerm {
  Term term;
  double points = 0;
};

// Everything the score depends on, besides the day. Derived from a contact, its types and its
// open reminders (facts_of), or read from the store's maintained summary.
struct UrgencyFacts {
  Duration cadence;                  // the effective cadence
  Date due;                          // when the check-in is (was) due
  int weight = kUntypedWeight;       // the heaviest type weight
  std::int64_t net = 0;              // given minus received
  bool never_contacted = false;      // no interaction since added
  int open_promises = 0;             // open promises to the contact
  std::optional<Date> next_promise;  // the soonest open promise's due day
  bool planned = false;              // an open outreach (a reminder of kind plan) is booked
};

// What kith knows about one contact's check-in as of a day, and how urgent it is.
struct Urgency {
  // Who: filled by whoever ranks (assess, or the store). `contact`, when set, points to the
  // full contact for rendering and must outlive this value.
  std::int64_t id = 0;
  std::string name;
  std::string name_key;  // fold_for_match(name): ties break on it
  const Contact* contact = nullptr;
  std::string heaviest_type;  // the type that gave the weight, or "" without types

  Duration cadence;
  Date due;
  std::int64_t days_overdue = 0;  // days past `due` (0 when not yet past)
  double cadences_overdue = 0;    // days_overdue over the cadence's length in days
  int weight = kUntypedWeight;
  std::int64_t net = 0;
  int open_promises = 0;
  std::optional<Date> next_promise;
  bool planned = false;
  bool never_contacted = false;

  double score = 0;
  std::vector<ScoreTerm> terms;  // the non-zero terms, in the order of Term

  bool overdue() const { return days_overdue > 0; }
};

// Everything the engine looks at. Only open reminders matter (done ones are ignored).
struct UrgencyInput {
  const std::vector<Contact>* contacts = nullptr;
  const std::vector<RelationshipType>* types = nullptr;
  const std::vector<Reminder>* reminders = nullptr;  // may be null: none
};

// The `overdue` term for a check-in `days_overdue` days late on `cadence`.
double overdue_points(std::int64_t days_overdue, const Duration& cadence);

// The score of these facts as of `day`, with every field but the identity filled.
Urgency score(const UrgencyFacts& facts, Date day);

// The facts about one contact; `reminders` are the open reminders about it (others are
// ignored). nullopt when the contact is archived or has no cadence: it is never due.
std::optional<UrgencyFacts> facts_of(const Contact& contact,
                                     const std::vector<RelationshipType>& types,
                                     const std::vector<Reminder>& reminders);

// The heaviest of the contact's types and its weight: ("", kUntypedWeight) without types.
std::pair<std::string, int> heaviest_type(const Contact& contact,
                                          const std::vector<RelationshipType>& types);

// The urgency of one contact as of `day`, whether or not it is due yet (plan looks ahead),
// with its identity, contact pointer and heaviest type filled. nullopt as for facts_of.
std::optional<Urgency> assess(const Contact& contact, const std::vector<RelationshipType>& types,
                              const std::vector<Reminder>& reminders, Date day);

// The contacts overdue on `today` (today past their due day), most urgent first. Archived
// contacts, contacts without a cadence and contacts with outreach already booked (a plan
// reminder stands for them) never appear. The reference ranking: the store's
// Store::most_urgent gives the same order without reading every contact.
std::vector<Urgency> rank_due(const UrgencyInput& input, Date today);

// Orders urgencies most urgent first: by score, then name_key, name and id. Deterministic.
bool more_urgent(const Urgency& a, const Urgency& b);

}  // namespace kith
