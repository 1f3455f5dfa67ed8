// The database file: checking it before trusting it, creating it and its folder privately,
// and opening one this process may not write.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

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

}  // namespace

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
// nobody can write; kith never writes through this connection. A non-empty -wal holds
// committed changes the main file lacks: it must be read through the -shm, and when SQLite
// cannot open or create one the database is refused, never read as it was before them.
Result<std::unique_ptr<Store::Impl>> open_read_only(const fs::path& path) {
  std::error_code ec;
  const std::string wal = path.string() + "-wal";
  std::uintmax_t wal_size = fs::file_size(wal, ec);
  if (!ec && wal_size > 0) {
    try {
      auto impl = std::make_unique<Store::Impl>(path.string(), SQLite::OPEN_READONLY);
      impl->db.execAndGet("SELECT count(*) FROM sqlite_schema");
      return impl;
    } catch (const SQLite::Exception& e) {
      int code = e.getErrorCode();
      if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) throw;
      fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
      return storage(path, "cannot be read as it is: its latest changes are in '" + wal +
                               "', which SQLite reads only through a '-shm' file it cannot "
                               "create (the folder '" +
                               folder.string() + "' is not writable)");
    }
  }
  return std::make_unique<Store::Impl>(file_uri(path) + "?immutable=1",
                                       SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

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

}  // namespace kith
