// The one place where SQLite's errors become kith's: by result code and the system's errno.
#include <sys/resource.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "kith/cancel.hpp"
#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

namespace {

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

}  // namespace kith
