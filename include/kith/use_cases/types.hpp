// Use cases about relationship types: kith types, types add and types set.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kith/relationship_type.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// Every relationship type, sorted by name, with how many active contacts have each.
struct TypeTable {
  std::vector<RelationshipType> types;
  std::map<std::string, std::int64_t> counts;  // types nobody has are absent
  std::int64_t count(const std::string& type) const;
};

// kith types: the table, from one snapshot.
Result<TypeTable> type_table(Store& store);

// A type added or changed, and the table afterwards.
struct TypeEdit {
  std::string name;  // normalised (normalize_type_name)
  TypeTable table;
};

// Checks what needs no database: the name (normalize_type_name) and the weight (check_weight);
// a change that is not `adding` must change something. invalid_input otherwise. add_type and
// set_type run it first; a command may run it before opening the database.
Status check_type_change(std::string_view name, const TypeChange& change, bool adding);

// kith types add: adds the user's own type with the change's cadence (none when unset: its
// contacts are never due by it) and weight (3 when unset). invalid_input when it exists.
Result<TypeEdit> add_type(Store& store, std::string_view name, const TypeChange& change,
                          Date today);

// kith types set: changes a type's default cadence or weight. not_found when there is no such
// type.
Result<TypeEdit> set_type(Store& store, std::string_view name, const TypeChange& change,
                          Date today);

}  // namespace kith
