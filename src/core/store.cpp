// The Store: opening (checks, creation and migration are in store_file.cpp and migrate.cpp),
// and the transactions every query and change runs in.
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "kith/cancel.hpp"
#include "schema.hpp"
#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

Status Store::Impl::lock_for_writing() {
  if (!shared) return {};
  return writer_lock.acquire(path, kBusyTimeoutMs);
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

bool Store::missing() const { return impl_->missing; }

int Store::latest_schema_level() { return static_cast<int>(migrations().size()); }

Result<Store> Store::open(const fs::path& path, Access access) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (status.type() == fs::file_type::none) {
    // Not "missing": something in the way, like a folder kith may not search.
    return storage(path, "cannot be accessed: " + ec.message());
  }
  bool exists = fs::exists(status);
  if (exists && !fs::is_regular_file(status)) {
    return storage(path, "is not a regular file");
  }
  std::uintmax_t size = exists ? fs::file_size(path, ec) : 0;
  if (exists) KITH_TRY(check_header(path, size));

  bool missing = !exists || size == 0;
  if (missing && access != Access::write) {
    // Nothing to read yet: an empty in-memory database answers every question.
    auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE);
    impl->path = path;
    impl->missing = true;
    try {
      KITH_TRY(migrate(*impl, true));
    } catch (const SQLite::Exception& e) {
      return storage_error(e, path);
    }
    return Store(std::move(impl));
  }
  // A new database appears complete or not at all (create_database). A file once created is
  // never removed again, not even when the command that created it fails: another kith may
  // already be writing to it.
  if (!exists) {
    KITH_TRY(create_database(path));
  } else if (size == 0 && access == Access::write) {
    ::chmod(path.c_str(), 0600);  // an empty file becomes a database of private notes
  }

  fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  bool file_writable = ::access(path.c_str(), W_OK) == 0;
  bool writable = file_writable && sidecars_writable(path, folder);
  if (access != Access::read && !writable) {
    if (!file_writable) return storage(path, "is read-only");
    return storage(path, "cannot be written: its folder '" + folder.string() + "' is not writable");
  }
  std::unique_ptr<Impl> impl;
  try {
    if (writable) {
      impl = std::make_unique<Impl>(path.string(), SQLite::OPEN_READWRITE);
    } else {
      auto opened = open_read_only(path);
      if (!opened) return opened.error();
      impl = std::move(*opened);
    }
    impl->path = path;
    impl->shared = writable;  // its writes take the writers' lock (WriterLock)
    impl->db.setBusyTimeout(kBusyTimeoutMs);
    impl->db.exec("PRAGMA foreign_keys = ON");
    impl->db.exec("PRAGMA secure_delete = ON");
    impl->db.exec("PRAGMA synchronous = FULL");
    // A page cache of up to 16 MB (SQLite's default is 2 MB): large writes such as an import
    // otherwise spill pages to the WAL and read them back many times over. It is filled
    // only by what a command reads, so small commands stay small.
    impl->db.exec("PRAGMA cache_size = -16384");
    KITH_TRY(migrate(*impl, writable));
    if (access == Access::read) {
      impl->writer_lock.release();  // held only if it migrated the database
      impl->snapshot =
          std::make_unique<SQLite::Transaction>(impl->db, SQLite::TransactionBehavior::DEFERRED);
    }
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    return storage_error(e, path, impl ? impl->system_errno() : 0);
  }
}

Result<Store> Store::in_memory() {
  const fs::path name(":memory:");
  try {
    auto impl = std::make_unique<Impl>(name.string(), SQLite::OPEN_READWRITE);
    impl->path = name;
    impl->db.exec("PRAGMA foreign_keys = ON");
    impl->db.exec("PRAGMA secure_delete = ON");
    KITH_TRY(migrate(*impl, true));
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    return storage_error(e, name);
  }
}

namespace {

// Resets every prepared statement when a write ends without committing, before its rollback:
// none is then left half-read, holding the connection busy, so the rollback runs and an
// interrupt (request_cancel) is forgotten once the connection is idle again.
struct Quiesce {
  Store::Impl& impl;
  bool committed = false;
  ~Quiesce() {
    if (committed) return;
    for (auto& entry : impl.statements) entry.second->tryReset();
  }
};

// Runs `body` in one IMMEDIATE transaction; commits when it succeeds and `commit` is set.
Status transact(Store::Impl& impl, const std::function<Status()>& body, bool commit) {
  if (impl.in_write) return Error{Errc::internal, "nested Store::write"};
  if (impl.snapshot && commit) {
    return Error{Errc::internal, "Store::write on a store opened for reading"};
  }
  KITH_TRY(check_cancel());
  KITH_TRY(impl.lock_for_writing());  // a rehearsal too: a large one spills into the WAL
  if (impl.snapshot) {
    // A rehearsal on a store opened for reading: inside its snapshot, always rolled back.
    return guarded(impl, [&]() -> Status {
      impl.db.exec("SAVEPOINT rehearsal");
      impl.in_write = true;
      struct Undo {
        Store::Impl& impl;
        ~Undo() {
          impl.in_write = false;
          sqlite3_exec(impl.db.getHandle(), "ROLLBACK TO rehearsal; RELEASE rehearsal", nullptr,
                       nullptr, nullptr);
        }
      } undo{impl};
      Quiesce quiesce{impl};
      KITH_TRY(body());
      return check_cancel();
    });
  }
  return guarded(impl, [&]() -> Status {
    SQLite::Transaction tx(impl.db, SQLite::TransactionBehavior::IMMEDIATE);
    // A committing write is journaled (store_journal.cpp); a rehearsal is rolled back anyway.
    std::optional<JournalRecorder> recorder;
    if (commit) recorder.emplace(impl);
    impl.in_write = true;
    impl.recorder = recorder ? &*recorder : nullptr;
    struct Reset {
      Store::Impl& impl;
      ~Reset() {
        impl.in_write = false;
        impl.recorder = nullptr;
        impl.note.reset();
      }
    } reset{impl};
    Quiesce quiesce{impl};
    Status status = body();
    if (!status) return status;  // the transaction's destructor rolls back
    // A cancel requested while the body ran wins over its success: nothing is committed.
    KITH_TRY(check_cancel());
    if (commit) {
      KITH_TRY(recorder->finish());
      tx.commit();
      quiesce.committed = true;
    }
    return {};
  });
}

}  // namespace

Status Store::write(const std::function<Status()>& body) { return transact(*impl_, body, true); }

Status Store::read(const std::function<Status()>& body) {
  std::optional<ReadSnapshot> snapshot;
  KITH_TRY(guarded(*impl_, [&]() -> Status {
    snapshot.emplace(impl_->db);
    return Status{};
  }));
  return body();
}

Status Store::rehearse(const std::function<Status()>& body) {
  return transact(*impl_, body, false);
}

}  // namespace kith
