// Relationship types (mentor, sponsor, peer, manager, report, customer and the user's own):
// each with a default check-in cadence and an importance weight.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

inline constexpr int kMinWeight = 1;
inline constexpr int kMaxWeight = 5;

struct RelationshipType {
  std::string name;               // lowercase, unique, e.g. "mentor"
  std::optional<Duration> every;  // default cadence for its contacts; none = never due
  int weight = 3;                 // importance, kMinWeight..kMaxWeight
  bool builtin = false;           // one of the six shipped types (they cannot be removed)
  std::string uuid;
};

// Checks a type name given by the user and returns it normalised (trimmed, lowercased).
// A name is 1-32 characters of letters, digits, '-' or '_', starting with a letter.
// Returns invalid_input naming the text otherwise.
Result<std::string> normalize_type_name(std::string_view text);

// Checks an importance weight: invalid_input unless kMinWeight <= weight <= kMaxWeight.
Status check_weight(int weight, std::string_view what);

}  // namespace kith
