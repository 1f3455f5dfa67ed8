// Opening, creating, checking and migrating the database; transactions; error mapping.
#include <SQLiteCpp/Backup.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include "core/schema.hpp"
#include "core/store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

Error storage(const fs::path& path, std::string_view reason) {
  return {Errc::storage, "database '" + path.string() + "' " + std::string(reason)};
}

// Creates the missing folders of `dir` with mode 0700 (existing ones are left alone), adding
// each one it creates to `created`, outermost first.
Status make_private_dirs(const fs::path& dir, std::vector<fs::path>& created) {
  if (dir.empty() || fs::exists(dir)) return {};
  KITH_TRY(make_private_dirs(dir.parent_path(), created));
  if (::mkdir(dir.c_str(), 0700) != 0) {
    if (errno == EEXIST) return {};
    return Error{Errc::storage,
                 "cannot create folder '" + dir.string() + "': " + std::strerror(errno)};
  }
  ::chmod(dir.c_str(), 0700);  // mkdir's mode is filtered by the umask; this is not
  created.push_back(dir);
  return {};
}

// Creates an empty file with mode 0600, so SQLite's -wal and -shm files inherit that mode,
// and the folders it needs (recorded in `created`).
Status create_private_file(const fs::path& path, std::vector<fs::path>& created) {
  KITH_TRY(make_private_dirs(path.parent_path(), created));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return {};  // another kith created it first: fine
    return storage(path, std::string("cannot be created: ") + std::strerror(errno));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  return {};
}

// Checks the first bytes of an existing file: empty, or an SQLite database.
Status check_header(const fs::path& path, std::uintmax_t size) {
  if (size == 0) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return storage(path, std::string("cannot be read: ") + std::strerror(errno));
  std::array<char, 100> header{};
  in.read(header.data(), header.size());
  if (in.gcount() < static_cast<std::streamsize>(header.size()) ||
      std::string_view(header.data(), kSqliteMagic.size()) != kSqliteMagic) {
    return storage(path, "is not a kith database (not an SQLite file)");
  }
  return {};
}

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

// Copies the database aside before a migration changes it: PATH.schema-N.bak, mode 0600.
Result<fs::path> back_up(SQLite::Database& db, const fs::path& path, int level) {
  fs::path target = path;
  target += ".schema-" + std::to_string(level) + ".bak";
  std::error_code ignored;
  fs::remove(target, ignored);
  std::vector<fs::path> folders;  // none: the database's folder exists
  KITH_TRY(create_private_file(target, folders));
  SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE);
  SQLite::Backup backup(copy, db);
  backup.executeStep();  // all pages at once
  return target;
}

Status migrate(Store::Impl& impl, bool writable) {
  SQLite::Database& db = impl.db;
  const int latest = Store::latest_schema_level();
  int app_id = pragma_int(db, "application_id");
  int level = pragma_int(db, "user_version");
  if (app_id != kApplicationId) {
    int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    if (app_id != 0 || level != 0 || objects != 0) {
      return storage(impl.path, "is not a kith database (it belongs to another application)");
    }
  }
  if (level > latest) {
    return storage(impl.path, "was written by a newer kith (schema " + std::to_string(level) +
                                  "; this kith knows up to " + std::to_string(latest) +
                                  "): upgrade kith");
  }
  if (level < latest) {
    if (!writable) {
      return storage(impl.path, "needs an upgrade to schema " + std::to_string(latest) +
                                    " but is read-only");
    }
    if (level > 0 && !impl.missing) {
      auto backup = back_up(db, impl.path, level);
      if (!backup) return backup.error();
      impl.backup = *backup;
    }
  }
  if (writable && !impl.missing) {
    std::string mode = db.execAndGet("PRAGMA journal_mode").getString();
    if (mode != "wal") db.exec("PRAGMA journal_mode = WAL");
  }
  for (const Migration& m : migrations()) {
    if (m.level <= level) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(std::string(m.sql));
    db.exec("PRAGMA user_version = " + std::to_string(m.level));
    tx.commit();
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

// Opens a database file this process may not write. A WAL database needs its -shm file,
// which cannot be created when the folder is not writable either: then the file is opened
// as immutable, which is right for a file nobody can write (a writer elsewhere would not be
// seen, and kith never writes through this connection).
std::unique_ptr<Store::Impl> open_read_only(const fs::path& path) {
  try {
    auto impl = std::make_unique<Store::Impl>(path.string(), SQLite::OPEN_READONLY);
    impl->db.execAndGet("SELECT count(*) FROM sqlite_schema");
    return impl;
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode();
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) throw;
  }
  return std::make_unique<Store::Impl>(file_uri(path) + "?immutable=1",
                                       SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

}  // namespace

Error storage_error(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return storage(path, "is locked by another program (waited " +
                               std::to_string(kBusyTimeoutMs / 1000) + " s)");
    case SQLITE_CORRUPT:
      return storage(path, "is damaged (" + std::string(e.what()) + ")");
    case SQLITE_NOTADB:
      return storage(path, "is not a kith database (not an SQLite file)");
    case SQLITE_FULL:
      return storage(path, "cannot grow: the disk is full");
    case SQLITE_READONLY:
      return storage(path, "is read-only");
    case SQLITE_CANTOPEN:
      return storage(path, "cannot be opened");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return storage(path, "cannot be accessed: permission denied");
    case SQLITE_IOERR:
      return storage(path, "cannot be read or written (I/O error)");
    default:
      return storage(path, "failed: " + std::string(e.what()));
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

Store::Impl::Cleanup::~Cleanup() {
  if (!armed) return;
  std::error_code ignored;
  std::string base = path.string();
  for (const char* suffix : {"-wal", "-shm", ""}) fs::remove(base + suffix, ignored);
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) ::rmdir(it->c_str());
}

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
               "no place for the database: HOME is not set; use --db PATH or set KITH_DB"};
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

bool Store::missing() const { return impl_->missing; }
const std::optional<fs::path>& Store::backup_path() const { return impl_->backup; }
int Store::schema_level() const { return impl_->level; }
int Store::latest_schema_level() { return static_cast<int>(migrations().size()); }

Result<Store> Store::open(const fs::path& path, Access access) {
  std::error_code ec;
  auto status = fs::status(path, ec);
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
  std::vector<fs::path> folders;
  if (!exists) {
    KITH_TRY(create_private_file(path, folders));
  } else if (size == 0 && access == Access::write) {
    ::chmod(path.c_str(), 0600);  // an empty file becomes a database of private notes
  }
  bool created = !exists;

  bool writable = ::access(path.c_str(), W_OK) == 0;
  if (access == Access::write && !writable) return storage(path, "is read-only");
  try {
    std::unique_ptr<Impl> impl;
    if (writable) {
      impl = std::make_unique<Impl>(path.string(), SQLite::OPEN_READWRITE);
    } else {
      impl = open_read_only(path);
    }
    impl->path = path;
    impl->cleanup.path = path;
    impl->cleanup.folders = folders;
    impl->cleanup.armed = created;
    impl->db.setBusyTimeout(kBusyTimeoutMs);
    impl->db.exec("PRAGMA foreign_keys = ON");
    impl->db.exec("PRAGMA secure_delete = ON");
    impl->db.exec("PRAGMA synchronous = FULL");
    // A page cache of up to 16 MB (SQLite's default is 2 MB): large writes such as an import
    // otherwise spill pages to the WAL and read them back many times over. It is filled
    // only by what a command reads, so small commands stay small.
    impl->db.exec("PRAGMA cache_size = -16384");
    KITH_TRY(migrate(*impl, writable));
    return Store(std::move(impl));
  } catch (const SQLite::Exception& e) {
    if (created) {
      std::error_code ignored;
      fs::remove(path, ignored);
      for (auto it = folders.rbegin(); it != folders.rend(); ++it) ::rmdir(it->c_str());
    }
    return storage_error(e, path);
  }
}

namespace {

// Runs `body` in one IMMEDIATE transaction; commits when it succeeds and `commit` is set.
Status transact(Store::Impl& impl, const std::function<Status()>& body, bool commit) {
  if (impl.in_write) return Error{Errc::internal, "nested Store::write"};
  return guarded(impl, [&]() -> Status {
    SQLite::Transaction tx(impl.db, SQLite::TransactionBehavior::IMMEDIATE);
    impl.in_write = true;
    struct Reset {
      bool& flag;
      ~Reset() { flag = false; }
    } reset{impl.in_write};
    Status status = body();
    if (!status || !commit) return status;  // the transaction's destructor rolls back
    tx.commit();
    impl.cleanup.armed = false;
    return {};
  });
}

}  // namespace

Status Store::write(const std::function<Status()>& body) { return transact(*impl_, body, true); }

Status Store::rehearse(const std::function<Status()>& body) {
  return transact(*impl_, body, false);
}

}  // namespace kith
