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
// Ties break by name (case- and accent-insensitive), then by id.
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

// One named part of a score. Frozen names: they appear in `kith report --json`.
enum class Term { overdue, importance, promise, balance };
std::string_view to_string(Term term);

struct ScoreTerm {
  Term term;
  double points = 0;
};

// What kith knows about one contact's check-in as of a day, and how urgent it is.
struct Urgency {
  const Contact* contact = nullptr;  // points into the input; valid while it lives
  Duration cadence;                  // the effective cadence
  Date due;                          // when the check-in is (was) due
  std::int64_t days_overdue = 0;     // days past `due` (0 when not yet past)
  double cadences_overdue = 0;       // days_overdue over the cadence's length in days
  int weight = kUntypedWeight;       // the heaviest type weight
  std::string heaviest_type;         // the type that gave it, or "" without types
  int open_promises = 0;             // open promises to the contact
  std::optional<Date> next_promise;  // the soonest open promise's due day
  bool planned = false;              // an open outreach (kind plan) is booked for them
  bool never_contacted = false;      // no interaction since added

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

// The urgency of one contact as of `day`, whether or not it is due yet (plan looks ahead).
// nullopt when the contact is archived or has no cadence: such people are never due.
// `reminders` are the open reminders about this contact (others are ignored).
std::optional<Urgency> assess(const Contact& contact, const std::vector<RelationshipType>& types,
                              const std::vector<Reminder>& reminders, Date day);

// The contacts overdue on `today` (today past their due day), most urgent first, ties by name
// then id. Archived contacts and contacts without a cadence never appear.
std::vector<Urgency> rank_due(const UrgencyInput& input, Date today);

// Orders urgencies most urgent first, ties by name then id. Deterministic.
bool more_urgent(const Urgency& a, const Urgency& b);

}  // namespace kith
