// The file an export writes (-o FILE): a regular file replaced atomically, or a FIFO, a device
// or a terminal written directly, as a shell's redirection would; never one of kith's own
// files.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "kith/status.hpp"

namespace kith {

class OutputFile {
 public:
  // Opens `target` for writing, refusing the files of the database at `database` (kith_file:
  // the database, its -wal, -shm, -journal, -lock and backups, by identity, however spelt):
  // - a regular file, or a name that does not exist yet: writes go to a temporary file with
  //   mode 0600 (".NAME.XXXXXX") in the folder of the file `target` names once its symbolic
  //   links are followed, and commit() renames it over that file: readers see the old file or
  //   the whole new one, never a part, and a symlink stays a symlink, its target replaced;
  // - a FIFO, a character device or a terminal (/dev/stdout and /dev/fd/N too): opened and
  //   written directly (a FIFO waits for its reader); nothing is ever renamed over it;
  // - a regular file named through a descriptor (/dev/stdout redirected to a file): written
  //   directly, appended to (after a shell's `>` it is empty; after `>>`, kept).
  // Errors: Errc::invalid_input "cannot write 'T': it is kith's own database" or "cannot write
  // 'T': it is a file kith keeps beside its database 'DB'" (nothing is created);
  // Errc::bad_file "cannot write 'T': <reason>" (no such folder, no permission, a folder, a
  // block device or socket, links that loop); Errc::cancelled when a cancel is requested
  // while it waits for a FIFO's reader.
  static Result<std::unique_ptr<OutputFile>> open(const std::filesystem::path& target,
                                                  const std::filesystem::path& database);

  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Where to write the contents.
  std::ostream& stream();

  // Flushes. A file written atomically is then fsynced and renamed over its target (then the
  // folder is fsynced); the target ends with mode 0600: exports hold private data.
  // Errc::bad_file "cannot write 'T': <reason>" on failure (a full disk: "No space left on
  // device"; a file size limit: "the file size limit is reached"); a regular target is then
  // unchanged and the temporary file removed (what went into a FIFO or device stays sent).
  Status commit();

 private:
  struct Impl;
  explicit OutputFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith
