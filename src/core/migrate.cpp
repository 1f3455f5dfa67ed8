// Bringing a database's schema up to date: the level check, the backup before the first change,
// and one transaction per migration (migrations/NNNN_name.sql, embedded by the build).
#include <SQLiteCpp/Backup.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "kith/text.hpp"
#include "schema.hpp"
#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

namespace {

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

// Copies the database aside before a migration changes it: PATH.schema-N.bak, mode 0600.
// The copy is written to a private temporary file and renamed into place, so that two kith
// upgrading at once, or one killed halfway, never leave a partial copy under that name.
Result<fs::path> back_up(SQLite::Database& db, const fs::path& path, int level) {
  fs::path target = path;
  target += ".schema-" + std::to_string(level) + ".bak";
  fs::path partial = target;
  partial += ".partial-" + std::to_string(::getpid());
  std::error_code ignored;
  fs::remove(partial, ignored);
  KITH_TRY(create_private_file(partial));
  int rc = SQLITE_OK;
  try {
    SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE);
    SQLite::Backup backup(copy, db);
    rc = backup.executeStep();  // all pages at once
  } catch (const SQLite::Exception&) {
    fs::remove(partial, ignored);
    throw;
  }
  if (rc != SQLITE_DONE) {
    fs::remove(partial, ignored);
    return storage(path,
                   std::string("cannot be backed up before the upgrade: ") + sqlite3_errstr(rc));
  }
  if (::rename(partial.c_str(), target.c_str()) != 0) {
    int error = errno;
    fs::remove(partial, ignored);
    return Error{Errc::storage,
                 "cannot write the backup '" + target.string() + "': " + std::strerror(error)};
  }
  return target;
}

// The schema level of the open database. Errc::storage when the file belongs to another
// application or was written by a newer kith.
Result<int> checked_level(Store::Impl& impl) {
  SQLite::Database& db = impl.db;
  const int latest = Store::latest_schema_level();
  // Reading sqlite_schema comes first: it makes SQLite check the schema cookie and reload a
  // schema this connection read before another kith migrated. PRAGMAs do not check it, and a
  // statement prepared on the stale schema fails in FTS5 ("no such table: contacts").
  int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  int app_id = pragma_int(db, "application_id");
  int level = pragma_int(db, "user_version");
  if (app_id != kApplicationId) {
    if (app_id != 0 || level != 0 || objects != 0) {
      return storage(impl.path, "is not a kith database (it belongs to another application)");
    }
  }
  if (level > latest) {
    return storage(impl.path, "was written by a newer kith (schema " + std::to_string(level) +
                                  "; this kith knows up to " + std::to_string(latest) +
                                  "): upgrade kith");
  }
  return level;
}

}  // namespace

// Folds every name again when the stored keys were made by another folding (another ICU,
// other rules): WHO and kith dupes compare keys folded now with those stored. Two other names
// of one person that now fold alike keep one.
Status refold_names(Store::Impl& impl) {
  SQLite::Database& db = impl.db;
  auto current = [&] { return db.execAndGet("SELECT version FROM name_folding").getString(); };
  if (current() == fold_version()) return {};
  KITH_TRY(impl.lock_for_writing());
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (current() == fold_version()) return {};  // done by another kith meanwhile
  db.exec("UPDATE contacts SET name_key = kith_fold(name) WHERE name_key IS NOT kith_fold(name)");
  db.exec(
      "UPDATE OR IGNORE contact_akas SET name_key = kith_fold(name)"
      " WHERE name_key IS NOT kith_fold(name)");
  db.exec("DELETE FROM contact_akas WHERE name_key IS NOT kith_fold(name)");
  SQLite::Statement set(db, "UPDATE name_folding SET version = ?");
  set.bind(1, std::string(fold_version()));
  set.exec();
  tx.commit();
  return {};
}

// Each step reads the level again once it holds the write lock: another kith may have created
// or migrated the database since this one looked, and then there is nothing left to do (and no
// backup to make).
Status migrate(Store::Impl& impl, bool writable) {
  SQLite::Database& db = impl.db;
  const int latest = Store::latest_schema_level();
  Result<int> level = 0;
  {
    // One snapshot: the header and the schema must be read as of the same moment.
    SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
    level = checked_level(impl);
  }
  if (!level) return level.error();
  if (*level < latest && !writable) {
    return storage(impl.path,
                   "needs an upgrade to schema " + std::to_string(latest) + " but is read-only");
  }
  if (writable && !impl.missing) {
    std::string mode = db.execAndGet("PRAGMA journal_mode").getString();
    if (mode != "wal") db.exec("PRAGMA journal_mode = WAL");
  }
  if (*level == latest) return writable ? refold_names(impl) : Status{};
  // Holding the writers' lock, no other kith migrates: the level read again now is the one
  // every migration below starts from, and only it is backed up (an upgrader that looked while
  // another was halfway through used to back up an intermediate level too).
  KITH_TRY(impl.lock_for_writing());
  {
    SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
    level = checked_level(impl);
  }
  if (!level) return level.error();
  // An existing database is copied before the first migration touches it (outside SQLite's
  // write transaction: a backup cannot read through a connection that holds one).
  if (*level > 0 && *level < latest && !impl.missing) {
    KITH_TRY(back_up(db, impl.path, *level));
  }
  while (*level < latest) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    level = checked_level(impl);
    if (!level) return level.error();
    if (*level >= latest) break;  // done by another kith meanwhile; nothing to commit
    const Migration& m = migrations()[static_cast<std::size_t>(*level)];
    db.exec(std::string(m.sql));
    db.exec("PRAGMA user_version = " + std::to_string(m.level));
    tx.commit();
    *level = m.level;
  }
  return refold_names(impl);
}

}  // namespace kith
