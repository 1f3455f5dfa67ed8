// The one place where SQLite's errors become kith's: by result code and the system's errno.
#include <cerrno>
#include <cstring>
#include <string>

#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

Error storage_error(const SQLite::Exception& e, const fs::path& path, int system_errno) {
  // A write that ran out of room: SQLite says SQLITE_FULL for ENOSPC and an I/O error for
  // the others. The transaction is rolled back either way.
  const char* no_room = system_errno == ENOSPC   ? "the disk is full"
                        : system_errno == EDQUOT ? "the disk quota is used up"
                        : system_errno == EFBIG  ? "the file size limit is reached"
                                                 : nullptr;
  if (no_room) {
    return storage(
        path, std::string("cannot grow: ") + no_room + " (" + std::strerror(system_errno) + ")");
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
