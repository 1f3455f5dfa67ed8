// Internals shared by the store's source files. Not part of the public API.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/store.hpp"
#include "writer_lock.hpp"

namespace kith {

// How long a kith waits for another one's write: SQLite's busy timeout and the writers' lock.
inline constexpr int kBusyTimeoutMs = 5000;

// Registers the SQL functions kith's triggers call (migrations/0003_due.sql) on `db`
// (sql_functions.cpp).
void register_functions(SQLite::Database& db);

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

  // What the running write said it is (Store::note_change), for the journal.
  std::optional<ChangeNote> note;
  // What records the running write for the journal (store_journal.cpp); null outside a write
  // and in a rehearsal.
  class JournalRecorder* recorder = nullptr;

  // While Store::bulk runs: the people whose links changed, for its catch-up.
  std::optional<std::unordered_set<std::int64_t>> bulk_people;

  // Prepared statements, keyed by their SQL text's address: every query is a string literal
  // in one function, prepared once per connection and reused.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

  // The prepared statement for `sql`, reset and with its bindings cleared.
  SQLite::Statement& prepare(const char* sql);
  // The operating system's error number behind the last failed call (ENOSPC...), or 0.
  int system_errno();
};

// Errc::storage: "database 'PATH' <reason>".
Error storage(const std::filesystem::path& path, std::string_view reason);

// --- The file (store_file.cpp).

// Creates the missing folders of `dir` with mode 0700 (existing ones are left alone).
Status make_private_dirs(const std::filesystem::path& dir);
// Creates an empty file with mode 0600 (its folders 0700), so that SQLite's -wal and -shm
// files inherit that mode; an existing file is left alone.
Status create_private_file(const std::filesystem::path& path);
// Checks the first bytes of an existing file of `size` bytes: empty, or an SQLite database.
// Never closes a descriptor of the file (see the definition).
Status check_header(const std::filesystem::path& path, std::uintmax_t size);
// True when this process can create or already write the WAL files of `path` in `folder`.
bool sidecars_writable(const std::filesystem::path& path, const std::filesystem::path& folder);
// Opens a database file this process may not write, creating nothing beside it. Errc::storage
// when its committed state cannot be read that way (a -wal with changes and no -shm).
Result<std::unique_ptr<Store::Impl>> open_read_only(const std::filesystem::path& path);
// Creates the database at `path`, at the latest schema and in WAL mode, unless another kith
// does so first; a half-made database is never visible under `path`.
Status create_database(const std::filesystem::path& path);

// --- The schema (migrate.cpp).

// Brings the schema of `impl`'s database up to date, one migration per IMMEDIATE
// transaction, after copying an existing database to PATH.schema-N.bak. Errc::storage when
// the file belongs to another application, was written by a newer kith, or needs an upgrade
// but is not `writable`.
Status migrate(Store::Impl& impl, bool writable);

// --- Loads and catch-ups (store_bulk.cpp).

// Drops the named triggers (those that exist) and returns their SQL, for switch_on_triggers.
// Inside a transaction, so that a rollback brings them back too.
std::vector<std::string> switch_off_triggers(Store::Impl& impl, std::span<const char* const> names);
void switch_on_triggers(Store::Impl& impl, const std::vector<std::string>& saved);
// The ids as a JSON array ("[1,2,3]"), for json_each: one statement whatever their number.
std::string json_list(const std::unordered_set<std::int64_t>& ids);
// Recomputes the per-person summaries (contact_stats) of `people` from their interactions,
// types and own cadence.
void catch_up_summaries(Store::Impl& impl, const std::unordered_set<std::int64_t>& people);
// Rebuilds both full-text indexes from their tables.
void rebuild_search_indexes(Store::Impl& impl);

// --- The journal (store_journal.cpp).

// Records one write for the journal: an SQLite session over the base tables, written out in
// chunks to journal_chunks and, when the write commits, one journal entry. Lives while a
// committing write runs (transact in store.cpp).
class JournalRecorder {
 public:
  explicit JournalRecorder(Store::Impl& impl);  // throws SQLite::Exception
  ~JournalRecorder();
  JournalRecorder(const JournalRecorder&) = delete;
  JournalRecorder& operator=(const JournalRecorder&) = delete;

  // During a long write (an import): writes out what was recorded so far when it is large,
  // so that memory stays flat however much the write changes.
  void flush_if_large();
  // Stops recording for the rest of the write, which leaves no entry: an undo or a redo.
  void replaying();
  // Before the commit: writes the entry, with the write's note, and prunes the journal.
  // Errc::internal when the write changed something without a note.
  Status finish();

 private:
  // Writes what the session recorded as one chunk of the entry (creating the entry, whole
  // when `note` is given: the last chunk), and starts a fresh session unless it is the last.
  void flush(const ChangeNote* note);

  Store::Impl& impl_;
  struct sqlite3_session* session_ = nullptr;
  bool replaying_ = false;
  std::optional<std::int64_t> entry_;
  bool complete_ = false;  // the entry was written with its note
  std::int64_t changes_at_flush_ = 0;
  Touched touched_;
  std::int64_t bytes_ = 0;
};

// --- Errors (store_errors.cpp).

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

// A new random (version 4) UUID in its canonical lowercase form (uuid.cpp).
std::string new_uuid();

// The id of the contact with this uuid, or that a contact with it was merged into (an alias);
// nullopt when there is none. Throws SQLite::Exception (Store::contact_id_by_uuid guards it).
std::optional<std::int64_t> contact_id_of(Store::Impl& impl, std::string_view uuid);
// The stamp of the deletion of the record with this uuid, when a sync recorded one
// (sync_tombstones); throws as above. store_sync.cpp.
std::optional<Stamp> tombstone_of(Store::Impl& impl, std::string_view uuid);
// Forgets that tombstone (a record made again after its deletion).
void drop_tombstone(Store::Impl& impl, std::string_view uuid);

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
