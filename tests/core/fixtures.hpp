// Small helpers shared by the core's unit tests: literal dates and durations, and the
// built-in relationship types as migrations/0001_initial.sql ships them.
#pragma once

#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/relationship_type.hpp"

namespace kith::test {

// REQUIRES: valid text; a typo in a test fails loudly (bad_variant_access).
inline Date day(std::string_view iso) { return *Date::parse_iso(iso); }
inline Duration every(std::string_view text) { return *Duration::parse(text); }

inline std::vector<RelationshipType> builtin_types() {
  return {{"mentor", every("6w"), 4, true, ""}, {"sponsor", every("4w"), 5, true, ""},
          {"peer", every("8w"), 2, true, ""},   {"manager", every("2w"), 4, true, ""},
          {"report", every("2w"), 3, true, ""}, {"customer", every("4w"), 3, true, ""}};
}

}  // namespace kith::test
