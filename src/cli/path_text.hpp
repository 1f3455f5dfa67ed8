// The words kith knows, intro and path use for links and routes: why a link is as strong as it
// is, in one line, and the links' JSON.
#pragma once

#include <string>

#include "cli/json_out.hpp"
#include "kith/path.hpp"
#include "kith/store.hpp"

namespace kith::cli {

// "strength 0.55": a link's or route's strength, two decimals.
std::string strength_text(double strength);

// Why a link between two people holds, for the reader who knows `a_name` and `b_name` (the
// link's a and b): "former colleagues at Initech", "Ada Lovelace introduced you to Lin Chen",
// "logged together 3 times, latest 12 days ago".
std::string link_why(const PathLink& link, const std::string& a_name, const std::string& b_name,
                     Date today);

// What you have with someone: "mentor, coffee 5 days ago, 4 interactions in the last year, you
// gave 3 more than you received"; `last` is your latest interaction with them.
std::string first_hop_why(const PathPerson& person, const std::optional<Interaction>& last,
                          Date today);

// A link as JSON: {"source", "a", "b", "how", "count", "last", "strength"}.
Json link_json(const PathLink& link, Date today);
// A recorded link: {"id", "uuid", "a": {"id", "name"}, "b": {...}, "how", "since"}.
Json knows_json(const KnowsLink& link, const std::string& a_name, const std::string& b_name);

}  // namespace kith::cli
