// Who can introduce you: the strength of the links between you and the people you know, and
// between them, and the warmest routes to someone (kith path).
//
// Pure: no database, no clock; `today` is an input. The rules (docs/ranking.md, "Path
// strength"):
//
// - Your link to someone you know (the first hop) is a weighted sum of four terms, each from 0
//   to 1, so that its strength lies between kMinLinkStrength and 1:
//
//     strength = 0.40 recency + 0.25 frequency + 0.15 balance + 0.20 type
//
//   recency    0.5^(days since your last interaction / kRecencyHalfLifeDays); 0 if never
//   frequency  interactions in the last 365 days over kFrequentPerYear, at most 1
//   balance    0.5 + (given - received) / kBalanceSpan, clamped to 0..1: you gave more, warmer
//   type       (heaviest type weight - 1) / 4; kUntypedWeight without types
//
// - A link between two other people takes the strongest of its sources: an explicit `kith
//   knows` (kKnowsStrength), an introducer (contacts.met_via_id, kIntroducerStrength), or
//   interactions logged with both (kTogetherBase + kTogetherSpan * min(count, kTogetherFull) /
//   kTogetherFull * 0.5^(days since the latest / kTogetherHalfLifeDays)).
//
// - A route's strength is the product of its links' strengths: each step an introduction has
//   to travel costs something, so a three-step route never beats a two-step route over links
//   as strong (the minimum would rank them equal).
//
// Invariants of find_routes: a route never passes through an archived person, never visits
// anyone twice, has at most kMaxSteps steps counting the first hop (you -> A -> B -> target);
// its first hop is never a target or an end point; routes end at their first end point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/relationship_type.hpp"
#include "kith/urgency.hpp"

namespace kith {

inline constexpr int kMaxSteps = 3;  // you -> A -> B -> target
inline constexpr std::size_t kDefaultRoutes = 5;

inline constexpr double kRecencyShare = 0.40;
inline constexpr double kFrequencyShare = 0.25;
inline constexpr double kBalanceShare = 0.15;
inline constexpr double kTypeShare = 0.20;
inline constexpr double kRecencyHalfLifeDays = 90.0;
inline constexpr int kFrequentPerYear = 12;   // about monthly: as frequent as it counts
inline constexpr double kBalanceSpan = 10.0;  // 5 more given: warmest; 5 more received: coldest
inline constexpr double kMinLinkStrength = 0.01;

inline constexpr double kKnowsStrength = 0.9;
inline constexpr double kIntroducerStrength = 0.7;
inline constexpr double kTogetherBase = 0.15;
inline constexpr double kTogetherSpan = 0.35;
inline constexpr int kTogetherFull = 5;
inline constexpr double kTogetherHalfLifeDays = 365.0;

// Where a link between two people comes from. Frozen names: they appear in JSON output.
enum class LinkSource { knows, introducer, together };
std::string_view to_string(LinkSource source);

// One person of the graph, with what you and they have between you.
struct PathPerson {
  std::int64_t id = 0;
  std::string name;
  bool archived = false;
  bool target = false;
  std::optional<Date> last_contact;  // your latest interaction with them
  int interactions_year = 0;         // your interactions with them in the 365 days to today
  std::int64_t given = 0;            // Balance::given
  std::int64_t received = 0;         // Balance::received
  int weight = kUntypedWeight;       // their heaviest type's weight
  std::string type;                  // that type's name, "" without types
};

// A link between two people (never you): a and b in either order.
struct PathLink {
  std::int64_t a = 0;
  std::int64_t b = 0;
  LinkSource source = LinkSource::knows;
  std::string how;           // knows: as recorded ("former colleagues at Initech")
  int count = 1;             // together: how many interactions they shared
  std::optional<Date> last;  // together: the latest one's day; knows: the day it was recorded
};

// Your link to one person and its terms (each 0..1).
struct FirstHop {
  double strength = 0;
  double recency = 0;
  double frequency = 0;
  double balance = 0;
  double type = 0;
};

FirstHop first_hop(const PathPerson& person, Date today);
// The strength of a link between two people, kMinLinkStrength to 1.
double link_strength(const PathLink& link, Date today);

struct PathGraph {
  std::vector<PathPerson> people;  // each id once; links to ids not here are ignored
  std::vector<PathLink> links;     // a pair may come several times: the strongest counts
};

// One way to reach an end point: you -> people[0] -> ... -> people.back().
struct Route {
  std::vector<std::int64_t> people;  // 2 or 3 people; the last is an end point
  FirstHop first;                    // you -> people[0]
  std::vector<PathLink> links;       // people[i] -> people[i + 1]: the strongest link of the pair
  std::vector<double> strengths;     // of each link, the first hop first: people.size() of them
  double strength = 0;               // their product
};

// Orders routes warmest first: by strength, then fewer steps, then the people's ids.
bool warmer(const Route& a, const Route& b);

// The `limit` warmest routes from you to any of `ends` (ids; archived ones are ignored), in
// warmer() order. Someone you know directly (an end point that is an active contact and not a
// target) is not a route: the caller says so. Reads each link of the people next to an end
// point and of their neighbours once: time in proportion to those links, not to the graph.
std::vector<Route> find_routes(const PathGraph& graph, const std::vector<std::int64_t>& ends,
                               Date today, std::size_t limit);

}  // namespace kith
