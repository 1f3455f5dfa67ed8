// Writing an output file atomically: readers of the path see the old file or the whole new
// one, never a part, even when kith is interrupted or the disk fills up.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "kith/status.hpp"

namespace kith::cli {

class AtomicFile {
 public:
  // Creates a temporary file with mode 0600 in the target's folder (".NAME.XXXXXX").
  // Errc::bad_file naming the target when it cannot (no such folder, no permission, the
  // target is a folder).
  static Result<std::unique_ptr<AtomicFile>> create(const std::filesystem::path& target);

  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write the contents.
  std::ostream& stream();

  // Flushes, fsyncs, and renames the temporary file over the target (then fsyncs the
  // folder). The target ends with mode 0600: exports hold private data. Errc::bad_file
  // naming the target and the reason (a full disk) on failure; the target is unchanged.
  Status commit();

 private:
  struct Impl;
  explicit AtomicFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith::cli
