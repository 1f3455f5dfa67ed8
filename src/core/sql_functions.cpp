// The SQL functions kith's triggers and migrations call: calendar arithmetic done by kith's own
// Date and Duration, never by SQLite's date functions (migrations/0003_due.sql), and kith's
// folding of names (migrations/0006_one_person.sql).
#include <sqlite3.h>

#include <string>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

std::optional<std::string> text_arg(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  if (!text) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

// kith_after(day, duration): the day `duration` after `day`, or NULL when either is NULL or
// not kith's form.
void sql_after(sqlite3_context* context, int, sqlite3_value** args) {
  auto day_text = text_arg(args[0]);
  auto duration_text = text_arg(args[1]);
  if (!day_text || !duration_text) return sqlite3_result_null(context);
  auto day = Date::parse_iso(*day_text);
  auto duration = Duration::parse(*duration_text);
  if (!day || !duration) return sqlite3_result_null(context);
  std::string after = duration->after(*day).to_string();
  sqlite3_result_text(context, after.c_str(), static_cast<int>(after.size()), SQLITE_TRANSIENT);
}

// kith_days(duration): its approximate length in days, or NULL.
void sql_days(sqlite3_context* context, int, sqlite3_value** args) {
  auto duration_text = text_arg(args[0]);
  if (!duration_text) return sqlite3_result_null(context);
  auto duration = Duration::parse(*duration_text);
  if (!duration) return sqlite3_result_null(context);
  sqlite3_result_double(context, duration->approx_days());
}

// kith_fold(text): fold_for_match(text), the key names are matched by; NULL for NULL.
void sql_fold(sqlite3_context* context, int, sqlite3_value** args) {
  auto text = text_arg(args[0]);
  if (!text) return sqlite3_result_null(context);
  std::string key = fold_for_match(*text);
  sqlite3_result_text(context, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

}  // namespace

void register_functions(SQLite::Database& db) {
  db.createFunction("kith_after", 2, true, nullptr, sql_after);
  db.createFunction("kith_days", 1, true, nullptr, sql_days);
  db.createFunction("kith_fold", 1, true, nullptr, sql_fold);
}

}  // namespace kith
