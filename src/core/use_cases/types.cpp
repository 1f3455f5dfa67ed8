#include "kith/use_cases/types.hpp"

#include "transaction.hpp"

namespace kith {
namespace {

constexpr int kDefaultWeight = 3;

Result<TypeTable> read_table(Store& store) {
  auto types = store.types();
  if (!types) return types.error();
  auto counts = store.type_counts();
  if (!counts) return counts.error();
  return TypeTable{std::move(*types), std::move(*counts)};
}

// Runs `write` (adding or changing the type named `name`) and reads the table after it, in one
// transaction.
template <class Write>
Result<TypeEdit> edit_type(Store& store, std::string_view name, const TypeChange& change,
                           bool adding, Date today, Write write) {
  KITH_TRY(check_type_change(name, change, adding));
  std::string normalized = *normalize_type_name(name);
  return in_write<TypeEdit>(store, [&]() -> Result<TypeEdit> {
    KITH_TRY(write(normalized));
    const char* command = adding ? "types add" : "types set";
    store.note_change({command, command + (" " + normalized), today});
    auto table = read_table(store);
    if (!table) return table.error();
    return TypeEdit{normalized, std::move(*table)};
  });
}

}  // namespace

std::int64_t TypeTable::count(const std::string& type) const {
  auto it = counts.find(type);
  return it == counts.end() ? 0 : it->second;
}

Result<TypeTable> type_table(Store& store) {
  return in_read<TypeTable>(store, [&] { return read_table(store); });
}

Status check_type_change(std::string_view name, const TypeChange& change, bool adding) {
  auto normalized = normalize_type_name(name);
  if (!normalized) return normalized.error();
  if (change.weight) KITH_TRY(check_weight(*change.weight, "weight"));
  if (!adding && !change.every && !change.weight) {
    return invalid_input("nothing to change for type '" + *normalized +
                         "': give --every or --weight");
  }
  return {};
}

Result<TypeEdit> add_type(Store& store, std::string_view name, const TypeChange& change,
                          Date today) {
  return edit_type(store, name, change, true, today, [&](const std::string& normalized) {
    RelationshipType type;
    type.name = normalized;
    if (change.every) type.every = *change.every;
    type.weight = change.weight.value_or(kDefaultWeight);
    return store.add_type(type);
  });
}

Result<TypeEdit> set_type(Store& store, std::string_view name, const TypeChange& change,
                          Date today) {
  return edit_type(store, name, change, false, today, [&](const std::string& normalized) {
    return store.change_type(normalized, change);
  });
}

}  // namespace kith
