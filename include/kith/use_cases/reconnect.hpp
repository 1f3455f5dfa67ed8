// The reconnect use case: the dormant ties most worth reviving (kith reconnect), and the one
// suggestion a plan with room shows. One function over the Store that the CLI calls and
// renders, and that the tests call alike; the ranking is the pure engine's
// (kith/reconnect.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/reconnect.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

inline constexpr int kDefaultReconnectLimit = 10;
inline constexpr int kMaxReconnectLimit = 1000;

// invalid_input ("invalid --limit 0: expected 1 to 1000") unless 1 <= limit <=
// kMaxReconnectLimit. Needs no database: commands call it before opening one.
Status check_reconnect_limit(int limit);

// One dormant tie with everything kith reconnect shows about it.
struct TieToRevive {
  DormantTie tie;                   // its score and terms (tie.facts.interactions is capped)
  Contact contact;                  // the person: contact.id == tie.id
  std::string heaviest_type;        // the type that gave the weight, or "" without types
  std::int64_t interactions = 0;    // every interaction with them, counted
  std::optional<Interaction> last;  // the latest interaction (a dormant tie has one)
};

struct DormantTies {
  std::vector<TieToRevive> ties;  // at most the limit, most worth reviving first
  std::size_t total = 0;          // every dormant tie, listed or not
};

// The `limit` dormant ties most worth reviving as of `today` (rank_dormant's order over
// every contact), each with its contact, heaviest type, count of interactions and last
// interaction, and how many there are in all; read in one snapshot from the maintained
// summary and, for the listed people only, their contacts and last interactions.
// invalid_input when check_reconnect_limit fails; Errc::storage from the store. Reads only;
// a store standing in for a missing database (Store::missing()) gives none.
Result<DormantTies> dormant_ties(Store& store, Date today, int limit);

// The dormant tie most worth reviving as of `today` other than the people in `leave_out`
// (those a plan already holds), as dormant_ties shows it; nullopt when there is none.
// Errc::storage from the store. REQUIRES: inside store.read() or write(), so that it sees the
// same snapshot as its caller.
Result<std::optional<TieToRevive>> best_dormant_tie(Store& store, Date today,
                                                    const std::vector<std::int64_t>& leave_out);

}  // namespace kith
