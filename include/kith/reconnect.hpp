// Reconnecting: which dormant ties are worth reviving, and why (kith reconnect).
//
// Pure: no database, no clock. `today` is an input, and the same input always gives the same
// output (docs/ranking.md, "Reconnect").
//
// A tie is someone you once had a real exchange with: an active (not archived) contact with at
// least one interaction. A tie is dormant on `today` when
//   - it has no cadence (it is never due) and the last interaction was kQuietDays or more
//     ago: someone you spoke with last month is not dormant yet; or
//   - it has a cadence and the last interaction was more than a year and more than two
//     cadences ago: the rhythm has plainly lapsed, not merely slipped.
//
// Dormant ties are ranked by a sum of named terms:
//
//   score = history + exchange + importance + silence + offer
//
//   history     kHistoryPoints * log2(1 + interactions), the interactions counted up to
//               kMaxCountedInteractions: 4 for one, 8 for three, 12 for seven, 24 at most.
//   exchange    kExchangePoints * log2(1 + given + received): what flowed either way, the
//               weighted sums of the interactions marked gave or received.
//   importance  kImportancePoints * (weight - 1), the heaviest weight among the contact's
//               types: 0 to 8; 0 without a type.
//   silence     kSilencePoints * log2(months silent / 3), from 0 at three months to
//               kMaxSilencePoints at two years; a longer silence adds nothing more.
//   offer       kOfferPoints when you have something to offer them (--offer).
//
// Every term grows (or stays) with its fact, so more interactions, more given or received, a
// heavier type, a longer silence or an offer never rank anyone lower. Ties break by name
// (case- and accent-insensitive), then by the name as written, then by id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"

namespace kith {

inline constexpr int kQuietDays = 90;  // no cadence: silent this long is dormant
inline constexpr double kHistoryPoints = 4.0;
inline constexpr std::int64_t kMaxCountedInteractions = 63;  // log2(1 + 63) = 6: 24 points
inline constexpr double kExchangePoints = 2.0;
inline constexpr double kReconnectImportancePoints = 2.0;
inline constexpr double kSilencePoints = 4.0;
inline constexpr double kMaxSilencePoints = 12.0;
inline constexpr double kOfferPoints = 4.0;

// One named part of a reconnect score. Frozen names: they appear in `kith reconnect --json`.
enum class ReconnectTerm { history, exchange, importance, silence, offer };
std::string_view to_string(ReconnectTerm term);

struct ReconnectScoreTerm {
  ReconnectTerm term;
  double points = 0;
};

// What the score depends on, besides the day: a contact's maintained summary.
struct TieFacts {
  // How many interactions; counting stops at kMaxCountedInteractions, which scores the same
  // as any more (the store counts no further).
  std::int64_t interactions = 0;
  std::int64_t given = 0;           // the weighted sum of interactions marked gave
  std::int64_t received = 0;        // ... and received
  int weight = 0;                   // the heaviest type weight; 0 without types
  std::optional<Duration> cadence;  // the effective cadence; nullopt: never due
  std::optional<Date> last;         // the latest interaction's day; nullopt: none
  bool has_offer = false;           // something to offer them is recorded
  bool archived = false;
};

// One contact as the store gives it for ranking.
struct TieCandidate {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;  // fold_for_match(name): ties break on it
  TieFacts facts;
};

// A dormant tie, scored as of a day. A value: it refers to nothing outside itself.
struct DormantTie {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;
  TieFacts facts;
  std::int64_t silent_days = 0;  // days since the last interaction
  double score = 0;
  std::vector<ReconnectScoreTerm> terms;  // the non-zero terms, in the order of ReconnectTerm
};

// True when the facts make a dormant tie on `today` (the rule at the top of this file).
bool is_dormant(const TieFacts& facts, Date today);

// The tie scored as of `today`; nullopt when it is not a dormant tie.
std::optional<DormantTie> assess_tie(const TieCandidate& candidate, Date today);

// Orders dormant ties most worth reviving first: by score, then name_key, name and id.
bool more_worth_reviving(const DormantTie& a, const DormantTie& b);

// The best dormant ties of a stream of candidates, holding no more than `limit` of them.
class TieSelection {
 public:
  TieSelection(Date today, std::size_t limit) : today_(today), limit_(limit) {}
  // Scores the candidate and keeps it when it is dormant and among the best so far.
  void add(const TieCandidate& candidate);
  // How many dormant ties were added, kept or not.
  std::size_t total() const { return total_; }
  // The kept ties, best first. Call once, at the end.
  std::vector<DormantTie> take();

 private:
  Date today_;
  std::size_t limit_;
  std::size_t total_ = 0;
  std::vector<DormantTie> heap_;  // the worst kept one on top
};

// The `limit` dormant ties most worth reviving among `candidates`, best first: the reference
// over plain vectors.
std::vector<DormantTie> rank_dormant(const std::vector<TieCandidate>& candidates, Date today,
                                     std::size_t limit);

}  // namespace kith
