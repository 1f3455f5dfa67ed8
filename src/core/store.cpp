// Opening, creating, checking and migrating the database; transactions; error mapping.
#include <SQLiteCpp/Backup.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>
#include <vector>

#include "kith/cancel.hpp"
#include "schema.hpp"
#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

Error storage(const fs::path& path, std::string_view reason) {
  return {Errc::storage, "database '" + path.string() + "' " + std::string(reason)};
}

// Creates the missing folders of `dir` with mode 0700 (existing ones are left alone).
Status make_private_dirs(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) return {};
  KITH_TRY(make_private_dirs(dir.parent_path()));
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Error{Errc::storage,
                 "cannot create folder '" + dir.string() + "': " + std::strerror(errno)};
  }
  ::chmod(dir.c_str(), 0700);  // mkdir's mode is filtered by the umask; this is not
  return {};
}

// Creates an empty file with mode 0600, so SQLite's -wal and -shm files inherit that mode.
Status create_private_file(const fs::path& path) {
  KITH_TRY(make_private_dirs(path.parent_path()));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return {};  // another kith created it first: fine
    return storage(path, std::string("cannot be created: ") + std::strerror(errno));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  return {};
}

}  // namespace

Status WriterLock::acquire(const fs::path& database, int timeout_ms) {
  if (held()) return {};
  fs::path file = database;
  file += "-lock";
  struct stat db_stat {};
  bool chown_to_owner = ::geteuid() == 0 && ::stat(database.c_str(), &db_stat) == 0;
  int waited_ms = 0;
  int nap_ms = 1;
  for (;;) {
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
      return storage(database, "cannot be written: its lock file '" + file.string() +
                                   "' cannot be opened: " + std::strerror(errno));
    }
    // Like SQLite's -wal and -shm: root working on someone's database makes its files theirs.
    if (chown_to_owner) (void)::fchown(fd, db_stat.st_uid, db_stat.st_gid);
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      // The holder before may have removed the file after this kith opened it: then the lock
      // is on a file nobody else will look at, and it starts again.
      struct stat held {
      }, named{};
      if (::fstat(fd, &held) == 0 && ::stat(file.c_str(), &named) == 0 &&
          held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
        fd_ = fd;
        file_ = file;
        return {};
      }
      ::close(fd);
      continue;
    }
    int error = errno;
    ::close(fd);
    if (error != EWOULDBLOCK && error != EINTR) {
      return storage(database,
                     "cannot be locked for writing: " + std::string(std::strerror(error)));
    }
    KITH_TRY(check_cancel());
    if (waited_ms >= timeout_ms) {
      return storage(database, "is locked by another program (waited " +
                                   std::to_string(timeout_ms / 1000) + " s)");
    }
    // Naps as SQLite's busy handler does: short ones first, then 20 ms.
    ::usleep(static_cast<useconds_t>(nap_ms) * 1000);
    waited_ms += nap_ms;
    nap_ms = std::min(nap_ms * 2, 20);
  }
}

void WriterLock::release() {
  if (fd_ < 0) return;
  ::unlink(file_.c_str());  // while still held: a waiter then finds it gone and starts again
  ::close(fd_);             // which lets the flock go
  fd_ = -1;
}

Status Store::Impl::lock_for_writing() {
  if (!shared) return {};
  return writer_lock.acquire(path, kBusyTimeoutMs);
}

namespace {

// Checks the first bytes of an existing file: empty, or an SQLite database.
//
// The descriptor it reads through is never closed. Closing any descriptor of a file drops
// every POSIX lock this process holds on it, SQLite's included: with a connection to the
// database already open in this process (`plan --save` opens a second store), SQLite would
// go on believing it holds its shared lock, another kith closing last would then checkpoint
// and delete the WAL under it, and committed writes were lost (docs/reliability.md).
Status check_header(const fs::path& path, std::uintmax_t size) {
  if (size == 0) return {};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return storage(path, std::string("cannot be read: ") + std::strerror(errno));
  std::array<char, 100> header{};
  ssize_t got = ::pread(fd, header.data(), header.size(), 0);
  static std::vector<int> kept_open;  // one per database opened: a handful per process
  kept_open.push_back(fd);
  if (got < static_cast<ssize_t>(header.size()) ||
      std::string_view(header.data(), kSqliteMagic.size()) != kSqliteMagic) {
    return storage(path, "is not a kith database (not an SQLite file)");
  }
  return {};
}

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

// Brings the schema up to date, one migration per IMMEDIATE transaction. Each step reads the
// level again once it holds the write lock: another kith may have created or migrated the
// database since this one looked, and then there is nothing left to do (and no backup to make).
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
  // An existing database is copied before the first migration touches it (outside the write
  // lock: a backup cannot read through a connection that holds it).
  if (*level > 0 && *level < latest && !impl.missing) {
    auto backup = back_up(db, impl.path, *level);
    if (!backup) return backup.error();
    impl.backup = *backup;
  }
  if (*level < latest) KITH_TRY(impl.lock_for_writing());
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
  impl.level = pragma_int(db, "user_version");
  return {};
}

// A URI naming `path` for sqlite3_open_v2 with SQLITE_OPEN_URI: '%', '?' and '#' escaped.
std::string file_uri(const fs::path& path) {
  std::string uri = "file:";
  for (char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0x0F];
      uri += kHex[static_cast<unsigned char>(c) & 0x0F];
    } else {
      uri += c;
    }
  }
  return uri;
}

// True when this process can create or already write the WAL files of `path`.
bool sidecars_writable(const fs::path& path, const fs::path& folder) {
  if (::access(folder.c_str(), W_OK | X_OK) == 0) return true;
  for (const char* suffix : {"-wal", "-shm"}) {
    if (::access((path.string() + suffix).c_str(), W_OK) != 0) return false;
  }
  return true;
}

// Opens a database file this process may not write. With no WAL content (no -wal file, or
// an empty one) the main file is the whole database, and it is opened as immutable: that
// needs no -shm file, so nothing is created next to a file kith may not write (SQLite would
// create a -shm with the database's mode, and a 0400 -shm left behind makes every later
// write fail even once the database is writable again). Immutable is right for a file
// nobody can write; kith never writes through this connection. A non-empty -wal (a writer
// was killed) must be read through the -shm, which then exists already.
std::unique_ptr<Store::Impl> open_read_only(const fs::path& path) {
  std::error_code ec;
  std::uintmax_t wal_size = fs::file_size(path.string() + "-wal", ec);
  if (!ec && wal_size > 0) {
    try {
      auto impl = std::make_unique<Store::Impl>(path.string(), SQLite::OPEN_READONLY);
      impl->db.execAndGet("SELECT count(*) FROM sqlite_schema");
      return impl;
    } catch (const SQLite::Exception& e) {
      int code = e.getErrorCode();
      if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) throw;
    }
  }
  return std::make_unique<Store::Impl>(file_uri(path) + "?immutable=1",
                                       SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

// The largest page SQLite writes: a write that fails within this of the limit met it.
constexpr std::uintmax_t kLargestPage = 65536;

// True when the process has a file size limit (ulimit -f) and one of the database's files
// is within a page of it: what a failed write means when SQLite cannot say why (a short
// write is SQLITE_FULL with no errno, and the errno it keeps can be overwritten before it is
// read: the JSON reader clears errno).
bool at_file_size_limit(const fs::path& path) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    struct stat st {};
    if (::stat((path.string() + suffix).c_str(), &st) == 0 &&
        static_cast<std::uintmax_t>(st.st_size) + kLargestPage >= limit.rlim_cur) {
      return true;
    }
  }
  return false;
}

}  // namespace

Error storage_error(const SQLite::Exception& e, const fs::path& path, int system_errno) {
  const int code = e.getErrorCode() & 0xff;
  // request_cancel() interrupted the statement; SQLite rolled back what it had done.
  if (code == SQLITE_INTERRUPT) return cancelled_error();
  // A write that ran out of room: SQLite says SQLITE_FULL for ENOSPC and a short write, an
  // I/O error for the others. The transaction is rolled back either way.
  if (code == SQLITE_FULL || code == SQLITE_IOERR) {
    const char* no_room = system_errno == ENOSPC   ? "the disk is full"
                          : system_errno == EDQUOT ? "the disk quota is used up"
                          : system_errno == EFBIG  ? "the file size limit is reached"
                                                   : nullptr;
    if (no_room) {
      return storage(
          path, std::string("cannot grow: ") + no_room + " (" + std::strerror(system_errno) + ")");
    }
    const int extended = e.getExtendedErrorCode();
    bool a_write = code == SQLITE_FULL || extended == SQLITE_IOERR_WRITE ||
                   extended == SQLITE_IOERR_TRUNCATE || extended == SQLITE_IOERR_SHMSIZE;
    if (a_write && at_file_size_limit(path)) {
      return storage(path, "cannot grow: the file size limit is reached");
    }
  }
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return storage(path, "is locked by another program (waited " +
                               std::to_string(kBusyTimeoutMs / 1000) + " s)");
    case SQLITE_CORRUPT: return storage(path, "is damaged (" + std::string(e.what()) + ")");
    case SQLITE_NOTADB: return storage(path, "is not a kith database (not an SQLite file)");
    case SQLITE_FULL: return storage(path, "cannot grow: the disk is full");
    case SQLITE_READONLY: return storage(path, "is read-only");
    case SQLITE_CANTOPEN: return storage(path, "cannot be opened");
    case SQLITE_PERM:
    case SQLITE_AUTH: return storage(path, "cannot be accessed: permission denied");
    case SQLITE_IOERR:
      if (system_errno != 0) {
        return storage(path, std::string("cannot be read or written (I/O error: ") +
                                 std::strerror(system_errno) + ")");
      }
      return storage(path, "cannot be read or written (I/O error)");
    default: return storage(path, "failed: " + std::string(e.what()));
  }
}

Status require_write(const Store::Impl& impl) {
  if (!impl.in_write) return Error{Errc::internal, "store changed outside a transaction"};
  return {};
}

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

}  // namespace

void register_functions(SQLite::Database& db) {
  db.createFunction("kith_after", 2, true, nullptr, sql_after);
  db.createFunction("kith_days", 1, true, nullptr, sql_days);
}

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

std::string new_uuid() {
  static thread_local std::mt19937_64 rng{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }()};
  std::array<unsigned char, 16> b{};
  for (std::size_t i = 0; i < b.size(); i += 8) {
    std::uint64_t r = rng();
    for (std::size_t j = 0; j < 8; ++j) b[i + j] = static_cast<unsigned char>(r >> (8 * j));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0x0F];
  }
  return out;
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

Result<fs::path> default_db_path(const char* xdg_data_home, const char* home) {
  if (xdg_data_home && *xdg_data_home && fs::path(xdg_data_home).is_absolute()) {
    return fs::path(xdg_data_home) / "kith" / "kith.db";
  }
  if (home && *home && fs::path(home).is_absolute()) {
    return fs::path(home) / ".local" / "share" / "kith" / "kith.db";
  }
  return Error{Errc::storage,
               std::string("no place for the database: HOME is ") +
                   (home && *home ? "not an absolute path ('" + std::string(home) + "')"
                                  : std::string("not set")) +
                   "; use --db PATH or set KITH_DB"};
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

bool Store::missing() const { return impl_->missing; }
const std::optional<fs::path>& Store::backup_path() const { return impl_->backup; }
int Store::schema_level() const { return impl_->level; }
namespace {

// Creates the database at `path`, at the latest schema and in WAL mode, unless another kith
// does so first. It is built under a private temporary name and linked into place, so that no
// kith ever opens a half-made database: an empty file being initialised in place is taken for
// a new one by a second kith, and SQLite drops the first one's WAL as that of an empty file.
Status create_database(const fs::path& path) {
  KITH_TRY(make_private_dirs(path.parent_path()));
  fs::path partial = path;
  partial += ".partial-" + std::to_string(::getpid());
  std::error_code ignored;
  const auto remove_partial = [&] {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::remove(partial.string() + suffix, ignored);
    }
  };
  remove_partial();  // a leftover of a killed kith with this pid
  KITH_TRY(create_private_file(partial));
  try {
    Store::Impl impl(partial.string(), SQLite::OPEN_READWRITE);
    impl.path = path;
    Status migrated = migrate(impl, true);
    if (!migrated) {
      remove_partial();
      return migrated;
    }
  } catch (const SQLite::Exception& e) {
    remove_partial();
    return storage_error(e, path);
  }
  // link() fails when the name exists: then another kith created the database first. On a
  // file system without hard links, rename() unless the name exists (a narrower race).
  int linked = ::link(partial.c_str(), path.c_str());
  int error = linked == 0 ? 0 : errno;
  if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
    error = fs::exists(path) ? EEXIST : ::rename(partial.c_str(), path.c_str()) == 0 ? 0 : errno;
  }
  remove_partial();
  if (error != 0 && error != EEXIST) {
    return storage(path, std::string("cannot be created: ") + std::strerror(error));
  }
  return {};
}

}  // namespace

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
  if (missing && access == Access::read) {
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
  if (access == Access::write && !writable) {
    if (!file_writable) return storage(path, "is read-only");
    return storage(path, "cannot be written: its folder '" + folder.string() + "' is not writable");
  }
  std::unique_ptr<Impl> impl;
  try {
    if (writable) {
      impl = std::make_unique<Impl>(path.string(), SQLite::OPEN_READWRITE);
    } else {
      impl = open_read_only(path);
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
    impl.in_write = true;
    struct Reset {
      bool& flag;
      ~Reset() { flag = false; }
    } reset{impl.in_write};
    Quiesce quiesce{impl};
    Status status = body();
    if (!status) return status;  // the transaction's destructor rolls back
    // A cancel requested while the body ran wins over its success: nothing is committed.
    KITH_TRY(check_cancel());
    if (commit) {
      tx.commit();
      quiesce.committed = true;
    }
    return {};
  });
}

}  // namespace

Status Store::write(const std::function<Status()>& body) { return transact(*impl_, body, true); }

Status Store::rehearse(const std::function<Status()>& body) {
  return transact(*impl_, body, false);
}

}  // namespace kith
