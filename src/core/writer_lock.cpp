// The writers' lock: an flock on PATH-lock held from a kith's first write to its connection's end.
#include "writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "kith/cancel.hpp"
#include "store_impl.hpp"

namespace kith {
namespace fs = std::filesystem;

Status WriterLock::acquire(const fs::path& database, int timeout_ms) {
  if (held()) return {};
  // Beside the file itself, however its path is spelled (through a symlink, or with ./ and
  // ..): two spellings of one database must take one lock. SQLite resolves symlinks the same
  // way for its -wal and -shm.
  std::error_code ec;
  fs::path real = fs::canonical(database, ec);
  fs::path file = ec ? database : real;
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

}  // namespace kith
