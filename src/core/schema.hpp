// The schema migrations embedded from migrations/*.sql (see cmake/embed_migrations.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace kith {

struct Migration {
  int level;              // the schema level after applying it: 1, 2, 3...
  std::string_view name;  // file name without extension, e.g. "0001_initial"
  std::string_view sql;
};

// All migrations in level order; migrations()[i].level == i + 1.
const std::vector<Migration>& migrations();

// kith's PRAGMA application_id: "KITH" in ASCII.
inline constexpr int kApplicationId = 0x4B495448;

}  // namespace kith
