// The writers' lock of a database file (writer_lock.cpp). Internal to the store.
#pragma once

#include <filesystem>

#include "kith/status.hpp"

namespace kith {

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

}  // namespace kith
