// How the use cases name records in the notes they give the journal (Store::note_change): one
// readable line each, with the names people know them by. Internal to the core; the CLI renders
// its own output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kith/interaction.hpp"
#include "kith/reminder.hpp"

namespace kith::phrases {

// The widest free text quoted in a note, in terminal columns; a wider one is cut, ending in "…".
inline constexpr std::size_t kMaxQuoted = 60;

// `text` in single quotes on one line: line breaks and tabs become spaces, and a text longer
// than kMaxQuoted columns is cut (kith::truncate_to_width).
std::string quoted(std::string_view text);

// "Ada", "Ada and Grace", "Ada, Grace and José".
std::string people(const std::vector<std::string>& names);

// "the coffee with José Núñez on 2026-11-22" ("the interaction with ..." without a channel).
std::string interaction(const Interaction& interaction);

// "reminder #7 'Send the deck'", "promise #7 to José Núñez 'Send the deck'",
// "follow-up #3 about Ada Lovelace 'Ask how it went'".
std::string reminder(const Reminder& reminder);

// "a, b, c": the changes a note lists.
std::string listed(const std::vector<std::string>& items);

}  // namespace kith::phrases
