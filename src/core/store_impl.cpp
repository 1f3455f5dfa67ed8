// The helpers every part of the store shares: prepared statements and column conversions.
#include "store_impl.hpp"

namespace kith {

int Store::Impl::system_errno() { return sqlite3_system_errno(db.getHandle()); }

SQLite::Statement& Store::Impl::prepare(const char* sql) {
  auto& slot = statements[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

void bind_text(SQLite::Statement& st, const char* name, std::string_view value) {
  st.bind(name, std::string(value));
}

void bind_optional(SQLite::Statement& st, const char* name, const std::optional<std::string>& v) {
  if (v) {
    st.bind(name, *v);
  } else {
    st.bind(name);
  }
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::optional<Date> optional_day(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  auto day = Date::parse_iso(column.getString());
  if (!day) return std::nullopt;
  return *day;
}

std::optional<Duration> optional_duration(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  auto duration = Duration::parse(column.getString());
  if (!duration) return std::nullopt;
  return *duration;
}

}  // namespace kith
