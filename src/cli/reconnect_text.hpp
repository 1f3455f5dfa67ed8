// How kith reconnect, and the suggestion under a plan with room, talk about a dormant tie:
// why it is worth reviving, and its JSON. Shared by cmd_reconnect.cpp and cmd_plan.cpp.
#pragma once

#include <string>
#include <vector>

#include "cli/json_out.hpp"
#include "kith/use_cases/reconnect.hpp"

namespace kith::cli {

// Why the tie is listed, most telling first: what the relationship was ("12 interactions,
// you gave 4 and received 6, mentor"), how long the silence ("silent 14 months", with the
// lapsed cadence when there is one), and what you could offer ("you could offer: intro to
// Ada"), each only when there is something to say.
std::vector<std::string> tie_reasons(const TieToRevive& tie);

// The tie with everything the text shows: contact, cadence, interactions, balance, last
// interaction, days silent, score and its terms, and the reasons.
Json tie_json(const TieToRevive& tie);

// The hint under a list of ties: how to bring one back into the rhythm.
inline constexpr const char* kReviveHint = "kith edit WHO --every 3m";

}  // namespace kith::cli
