// Use cases about who knows whom: kith knows, kith intro and kith path.
//
// As in kith/use_cases/contacts.hpp: one transaction each, everything shown read inside it,
// the database as it was on any error. WHO is resolved as Store::resolve does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/path.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"
#include "kith/use_cases/interactions.hpp"

namespace kith {

// What kith knows A B records or forgets.
struct KnowsRequest {
  std::string a;                   // WHO
  std::string b;                   // WHO
  std::optional<std::string> how;  // as given; sets (or replaces) how they know each other
  bool forget = false;             // remove the link instead
};

// Checks what needs no database: `how` is valid free text, and not given with `forget`.
// invalid_input otherwise.
Status check_knows(const KnowsRequest& request);

struct KnowsRecorded {
  enum class Outcome { added, updated, unchanged, forgotten };
  Outcome outcome = Outcome::added;
  Contact a;
  Contact b;
  KnowsLink link;  // as stored afterwards; as it was for `forgotten`
};

// kith knows A B [--how TEXT] [--forget]: records that A and B know each other, once per pair
// (both directions: "B knows A" is the same link). When they are linked already, --how
// replaces how, and without it nothing changes (unchanged, no journal entry). With `forget`,
// removes the link (every row of the pair). Gives the journal its note ("knows: Ada Lovelace
// and Lin Chen"). Errors: check_knows'; not_found or ambiguous for a WHO; invalid_input when A
// and B are the same person, or (forget) when they are not linked by kith knows.
Result<KnowsRecorded> record_knows(Store& store, const KnowsRequest& request, Date today);

// Someone a person knows, and how kith knows it.
struct Acquaintance {
  std::int64_t id = 0;
  std::string name;
  bool archived = false;
  PathLink link;        // the link itself: source, how, count and last day
  double strength = 0;  // link_strength(link, today)
};

struct Acquaintances {
  Contact person;
  // Every link of the person, strongest first (then by name, id and source); a pair with
  // several sources comes once per source.
  std::vector<Acquaintance> known;
};

// kith knows A: whom A knows, from every source (recorded links, introducers, people logged
// together). Errors: not_found or ambiguous for WHO.
Result<Acquaintances> acquaintances(Store& store, std::string_view who, Date today);

// What kith intro records.
struct IntroRequest {
  std::string a;                   // WHO
  std::string b;                   // WHO
  std::string summary;             // as given
  std::optional<Date> on;          // the day it happened; today when unset
  std::optional<Channel> via;      // Channel::other when unset
  std::optional<std::string> how;  // how they know each other; "introduced by you on DAY"
};

// Checks what needs no database: check_log's rules for the summary and the day, and `how` as
// check_knows has it. invalid_input otherwise.
Status check_intro(const IntroRequest& request, Date today);

struct Introduced {
  Logged logged;        // the interaction: a give to both, as kith log records it
  KnowsRecorded knows;  // the link: added, or updated / unchanged when they were linked
};

// kith intro A B SUMMARY: logs an introduction you made (one interaction with A and B,
// direction gave, channel `via` or other, as kith log would record it) and records that A
// knows B, how "introduced by you on DAY" unless `how` is given; a link already recorded keeps
// its how unless `how` is given. One transaction, one journal entry ("intro: Ada Lovelace and
// Lin Chen"): one kith undo reverts both. Errors: check_intro's; not_found or ambiguous for a
// WHO; invalid_input when A and B are the same person.
Result<Introduced> introduce(Store& store, const IntroRequest& request, Date today);

// What kith path looks for.
struct PathRequest {
  std::string target;  // WHO, or an organisation
  bool org = false;    // only as an organisation (--org)
  std::size_t limit = kDefaultRoutes;
};

// Checks what needs no database: a target that is not blank; a limit from 1 to 50.
Status check_path(const PathRequest& request);

// One person on a route or known directly, as kith path shows them.
struct RoutePerson {
  PathPerson person;
  std::optional<Interaction> last;  // your latest interaction with them (first hops only)
};

struct PathFound {
  bool organisation = false;       // the target is an organisation
  std::string target;              // the contact's name, or the organisation as its people write it
  std::optional<Contact> contact;  // the target contact, when one
  std::size_t end_points = 0;      // how many people count as reaching the target
  // End points you know directly: active contacts that are not targets. Their latest
  // interaction is filled; at most 10, the most recent first.
  std::vector<RoutePerson> known;
  std::size_t known_total = 0;
  std::vector<Route> routes;        // find_routes: warmest first
  std::vector<RoutePerson> people;  // everyone on a route, once, by id
};

// kith path TARGET: the warmest routes to TARGET (find_routes) through the people you know. The
// target is a contact when `org` is unset and TARGET names one (WHO), else an organisation: the
// active contacts whose organisation matches (Store::contacts_at). Loads only the links within
// two steps of the end points: those of the end points, then those of their neighbours.
// Errors: check_path's; not_found when TARGET names neither a contact nor (with `org`, or when
// no contact matches) an organisation; ambiguous for a WHO that names several (--org looks
// for an organisation instead); invalid_input for an archived contact.
Result<PathFound> find_path(Store& store, const PathRequest& request, Date today);

}  // namespace kith
