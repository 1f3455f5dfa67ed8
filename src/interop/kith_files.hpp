// The files kith keeps beside its database, and telling whether a path names one of them: an
// export must never be written over them, and an import never reads them.
#pragma once

#include <filesystem>
#include <string_view>

#include "kith/status.hpp"

namespace kith {

enum class KithFile {
  none,       // not one of kith's files
  database,   // the database itself
  companion,  // beside it: DB-wal, DB-shm, DB-journal, DB-lock, DB.schema-N.bak, and the
              // temporary files kith makes on the way (DB.partial-PID[-wal|-shm|-journal],
              // DB.schema-N.bak.partial-PID)
};

// Which of kith's files the name `file` is beside a database named `database` (file names
// only, no folders): kith_file's rule for names.
KithFile kith_file_name(std::string_view file, std::string_view database);

// Which of kith's files `path` is, for the database at `database` (which need not exist),
// compared by identity, never by spelling:
// - by name: `path` with every symbolic link followed (a dangling last one too) and ".", ".."
//   and repeated slashes resolved is the database's path or a companion's, with the
//   database's path taken both as given and with its links followed (SQLite keeps -wal and
//   -shm beside the file a link points to; kith keeps its lock beside the link). So
//   "./kith.db", "dir/../kith.db" and a link to a -wal that does not exist yet are caught;
// - by identity: a `path` that exists is the same file (device and inode, following links)
//   as the database or a companion that exists, which catches hard links elsewhere too.
// Never fails: what cannot be examined is not kith's.
KithFile kith_file(const std::filesystem::path& path, const std::filesystem::path& database);

// `path` made absolute with every symbolic link in it followed, the last one too even when
// what it points to does not exist, and ".", ".." and repeated slashes resolved: the file a
// write to `path` creates or replaces. The last component need not exist. Errc::bad_file
// "cannot follow 'PATH': <reason>" when the links loop (more than 40) or cannot be read.
Result<std::filesystem::path> follow_links(const std::filesystem::path& path);

// True when `path` names an open descriptor rather than a file by its path: it is, or its
// links lead through, /proc (/dev/stdout, /dev/fd/3 and /proc/self/fd/3 all do). Writing
// there must go through the descriptor's file as it is, never replace a file by name.
bool names_descriptor(const std::filesystem::path& path);

}  // namespace kith
