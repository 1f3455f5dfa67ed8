// Internals shared by the store's source files. Not part of the public API.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/store.hpp"

namespace kith {

// Registers the SQL functions kith's triggers call (migrations/0003_due.sql) on `db`.
void register_functions(SQLite::Database& db);

// The writers' lock of one database: an flock(2) on PATH-lock, a file of its own (closing
// any descriptor of the database file would drop SQLite's POSIX locks on it), which exists
// only while a kith writes. A kith takes it before its first write and holds it until its
// connection has closed, so the checkpoint SQLite runs after a commit never runs beside
// another kith's write: SQLite before 3.51.3 (Debian 12 has 3.40.1) can lose a committed
// transaction when a checkpoint starts just as another connection's write resets the WAL
// (https://sqlite.org/wal.html#walresetbug). The other checkpoint, by the last connection to
// close, needs an exclusive lock on the database file and so never runs beside anything;
// readers, which never commit, need no lock.
class WriterLock {
 public:
  WriterLock() = default;
  ~WriterLock() { release(); }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  // Takes the lock of the database at `database`, waiting up to `timeout_ms` for another
  // kith to let it go. Does nothing when already held.
  Status acquire(const std::filesystem::path& database, int timeout_ms);
  // Removes the lock file and lets the lock go.
  void release();
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
  std::filesystem::path file_;
};

// Registers a connection with request_cancel() (kith/cancel.hpp) for as long as the hook
// lives, so that a cancel interrupts the statement it runs. Its owner declares it after the
// connection, so that it is gone before the connection closes.
class InterruptHook {
 public:
  explicit InterruptHook(sqlite3* db) noexcept;
  ~InterruptHook();
  InterruptHook(const InterruptHook&) = delete;
  InterruptHook& operator=(const InterruptHook&) = delete;

 private:
  int slot_ = -1;
};

struct Store::Impl {
  Impl(const std::string& file, int flags) : db(file, flags) { register_functions(db); }

  // Before `db`: released only once the connection (and its checkpoint on close) is gone.
  WriterLock writer_lock;
  // True for a database file other kith processes may open too (not :memory:, not a
  // database still being created under a private name): writes take `writer_lock`.
  bool shared = false;
  SQLite::Database db;
  // After `db`: unregistered before the connection closes.
  InterruptHook interrupt_hook{db.getHandle()};

  // Takes the writers' lock of a shared database before a write. Idempotent.
  Status lock_for_writing();
  // For Access::read: the read transaction that gives every query the same snapshot. After
  // `db`, so that it ends before the connection closes.
  std::unique_ptr<SQLite::Transaction> snapshot;
  std::filesystem::path path;
  bool missing = false;
  bool in_write = false;

  // While Store::bulk runs: the people whose links changed, for its catch-up.
  std::optional<std::unordered_set<std::int64_t>> bulk_people;

  int level = 0;
  std::optional<std::filesystem::path> backup;
  // Prepared statements, keyed by their SQL text's address: every query is a string literal
  // in one function, prepared once per connection and reused.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

  // The prepared statement for `sql`, reset and with its bindings cleared.
  SQLite::Statement& prepare(const char* sql);
  // The operating system's error number behind the last failed call (ENOSPC...), or 0.
  int system_errno();
};

// Turns a SQLite exception into kith's error, by result code and, when known, the operating
// system's error number behind it (a full disk). `path` names the file.
Error storage_error(const SQLite::Exception& e, const std::filesystem::path& path,
                    int system_errno = 0);

// Runs `fn`, turning SQLite exceptions into Errc::storage errors and anything else thrown into
// Errc::internal. The one place where exceptions from the database become Results.
template <class Fn>
auto guarded(Store::Impl& impl, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return storage_error(e, impl.path, impl.system_errno());
  } catch (const std::exception& e) {
    return Error{Errc::internal, e.what()};
  }
}

// Holds one read transaction over several statements, so that they see one state of the
// database and share one lock instead of taking it per statement. Does nothing inside a
// transaction that is already open.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SQLite::Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.getHandle())) {
      db_.exec("BEGIN");
      open_ = true;
    }
  }
  ~ReadSnapshot() {
    if (open_) sqlite3_exec(db_.getHandle(), "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  SQLite::Database& db_;
  bool open_ = false;
};

// Errc::internal unless inside Store::write().
Status require_write(const Store::Impl& impl);

// A new random (version 4) UUID in its canonical lowercase form.
std::string new_uuid();

// Binds optional and string_view values the way the schema stores them.
void bind_text(SQLite::Statement& st, const char* name, std::string_view value);
void bind_optional(SQLite::Statement& st, const char* name, const std::optional<std::string>& v);

// Reads a nullable TEXT column.
std::optional<std::string> optional_text(const SQLite::Column& column);
// Reads a nullable day ('YYYY-MM-DD') or duration ('2w') column; nullopt when NULL or not
// one (the schema never stores such a value).
std::optional<Date> optional_day(const SQLite::Column& column);
std::optional<Duration> optional_duration(const SQLite::Column& column);

}  // namespace kith
