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
//
// Two ways to rank, with the same result:
//
// - rank_due scores everyone it is given: the reference, over plain vectors.
// - select_most_urgent finds only the top `limit` without reading everyone, from a DueSource
//   (the store implements one over its maintained summary). The engine owns the selection and
//   its bound; the source only streams and looks up. The contract between them:
//
//   * The source holds one queue per cadence that has someone overdue on `today` (due before
//     it), and streams each queue's people longest overdue first (by due day; ties in any
//     order), each person once. The engine rejects a queue that goes back on that order, or
//     a person who is not overdue (Errc::internal).
//   * Within a queue the `overdue` term only falls as the queue goes on, and the other terms
//     add at most a fixed amount (private to the engine), so a queue's next person bounds
//     what any of its unread people can score. The engine reads the head with the highest
//     bound, and stops when no bound can beat the last of the top `limit` found so far.
//   * A candidate comes with the facts of its summary (cadence, due, weight, net, never
//     contacted). The engine asks what stands for a check-in with them (their bookings) and
//     for their open promises only when that could bring them into the top, and for their
//     name (for ties) only then. overdue_count leaves out the same people spoken_for does.
//   * The source's errors are returned as they are; nothing is thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"
#include "kith/status.hpp"

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
  std::optional<Date> next_meeting;  // the soonest open meeting with them (kind meeting)
  // The soonest open reminder, follow-up or promise about them: on its day it is due in the
  // report, and they are not listed again to reach out to.
  std::optional<Date> next_reminder;
};

// A meeting stands for a check-in when its next occurrence falls no more than this many days
// after the day the person is due (or after the day in question, once that has passed).
inline constexpr int kMeetingCoversDays = 7;

// True when something else already stands for reaching out to the person on `day`, so that
// neither the report nor the plan lists them to reach out to: outreach is booked for them, a
// reminder, follow-up or promise about them is due by `day` (the report lists it instead), or
// a meeting with them falls by kMeetingCoversDays after their due day or `day`, whichever is
// later (docs/ranking.md, "Spoken for").
bool spoken_for(const UrgencyFacts& facts, Date day);

// What kith knows about one contact's check-in as of a day, and how urgent it is. A value:
// it refers to nothing outside itself.
struct Urgency {
  // Who: filled by whoever ranks (assess, rank_due, select_most_urgent).
  std::int64_t id = 0;
  std::string name;
  std::string name_key;  // fold_for_match(name): ties break on it
  // The type that gave the weight, or "" without types. Filled by assess and rank_due, which
  // have the contact and the types; select_most_urgent leaves it to its caller (it reads
  // people's summaries, not their types).
  std::string heaviest_type;

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
  std::optional<Date> next_meeting;
  std::optional<Date> next_reminder;

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
// with its identity and heaviest type filled. nullopt as for facts_of.
std::optional<Urgency> assess(const Contact& contact, const std::vector<RelationshipType>& types,
                              const std::vector<Reminder>& reminders, Date day);

// The contacts overdue on `today` (today past their due day), most urgent first. Archived
// contacts, contacts without a cadence and contacts with outreach already booked (a plan
// reminder stands for them) never appear. The reference ranking: select_most_urgent gives
// the same order without reading every contact.
std::vector<Urgency> rank_due(const UrgencyInput& input, Date today);

// Orders urgencies most urgent first: by score, then name_key, name and id. Deterministic.
bool more_urgent(const Urgency& a, const Urgency& b);

// One overdue person as a DueSource streams them: what its summary says, without a lookup.
struct DueCandidate {
  std::int64_t id = 0;
  // due, weight, net and never_contacted. The cadence is the queue's (the engine sets it);
  // open_promises, next_promise and planned are ignored (the engine asks for them when they
  // matter).
  UrgencyFacts facts;
};

// A person's open promises.
struct OpenPromises {
  int count = 0;
  std::optional<Date> next;  // the soonest one's due day; set when count > 0
};

// What may already stand for reaching out to a person (spoken_for).
struct Bookings {
  bool planned = false;  // outreach booked
  std::optional<Date> next_meeting;
  std::optional<Date> next_reminder;
};

// Adds an open reminder of `kind` due on `due` to what may speak for its person: booked
// outreach, the soonest meeting, the soonest reminder, follow-up or promise. Other kinds
// (agenda topics, skips) speak for nobody.
void add_booking(Bookings& bookings, ReminderKind kind, Date due);

// A contact's name, for ordering ties.
struct DueName {
  std::string name;
  std::string name_key;  // fold_for_match(name)
};

// Where select_most_urgent reads from (the contract is at the top of this file). One
// selection per source: its queues are consumed as they are read.
class DueSource {
 public:
  virtual ~DueSource() = default;

  // How many people are overdue on `today` and not spoken_for on it, in all.
  virtual Result<std::size_t> overdue_count(Date today) = 0;
  // Opens the queues of the people overdue on `today`, one per cadence that has any, and
  // returns their cadences: queue i streams the people of cadences[i].
  virtual Result<std::vector<Duration>> open_queues(Date today) = 0;
  // The next person of queue `queue`, the longest overdue first (by due day); nullopt once
  // the queue is done. REQUIRES: open_queues was called, queue < its size.
  virtual Result<std::optional<DueCandidate>> next(std::size_t queue) = 0;

  // Per-person lookups, for people the queues gave.
  // What may stand for reaching out to the person: booked outreach (an open reminder of kind
  // plan), their soonest open meeting, and their soonest open reminder, follow-up or promise.
  virtual Result<Bookings> bookings(std::int64_t id) = 0;
  virtual Result<OpenPromises> promises(std::int64_t id) = 0;
  virtual Result<DueName> name(std::int64_t id) = 0;
};

// The most urgent people and how many there are.
struct DueRanking {
  std::vector<Urgency> ranked;  // at most `limit`, most urgent first, in rank_due's order
  std::size_t total = 0;        // every overdue person not spoken for, listed or not
};

// The `limit` most urgent people overdue on `today`, in exactly rank_due's order over
// everyone the source holds, with their identity filled but heaviest_type (see Urgency);
// and how many are overdue in all. Reads only the people who can still make the list. With
// `limit` 0 it reads no queue. Returns the source's first error, or Errc::internal when a
// queue breaks the order of the contract.
Result<DueRanking> select_most_urgent(DueSource& source, Date today, std::size_t limit);

}  // namespace kith
