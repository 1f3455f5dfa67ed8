// An import's input, opened once and read as often as the import needs, with the same bytes
// every time: a file read in place, or standard input, a pipe, a FIFO or a device copied
// aside first.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "interop/import.hpp"
#include "kith/status.hpp"

namespace kith {

// The file name that means standard input.
inline constexpr std::string_view kStandardInput = "-";

// The format of an import without --format: by the extension of `file` (.vcf and .vcard
// vCard, .csv LinkedIn), else json; standard input ("-") has none, so json.
ImportFormat guess_import_format(std::string_view file);

class ImportInput {
 public:
  // Opens `file` for an import, or standard input when it is "-".
  // - A regular file (standard input redirected from one too, read from where it stands) is
  //   read in place, through the one descriptor opened here and up to the size it has now,
  //   so every pass reads the same bytes even if the file grows or is replaced meanwhile.
  // - Anything else (a pipe, a FIFO, <(...), /dev/stdin, a terminal, a character device) is
  //   read to its end now, 64 KiB at a time, into a file in `spool_folder` that has no name
  //   (O_TMPFILE; else a 0600 file removed at once): memory stays bounded, the import can
  //   read it more than once, and nothing is left behind, whatever happens to kith. Reading
  //   stops after the first NUL byte: no format kith reads accepts one, and the bytes up to
  //   it fail the import the same way (so /dev/zero ends at once).
  // - kith's database and the files it keeps beside it (kith_file) are refused: never an
  //   import, and reading one would close a descriptor of the open database later, which
  //   drops SQLite's locks on it.
  // A caller opens the database only afterwards: no database, transaction or writers' lock
  // is held while the input is still coming.
  // Errors, each naming the input (name()): Errc::bad_file "<name>: cannot read it:
  // <reason>" (missing, a folder, no permission, a read error), "<name>: cannot import it:
  // it is kith's own database" or "...: it is a file kith keeps beside its database",
  // "<name>: cannot copy it to a temporary file in '<folder>': <reason>"; Errc::cancelled
  // when a cancel is requested while it waits or reads (kith/cancel.hpp).
  static Result<ImportInput> open(const std::string& file,
                                  const std::filesystem::path& spool_folder,
                                  const std::filesystem::path& database);

  ImportInput(ImportInput&&) noexcept;
  ImportInput& operator=(ImportInput&&) noexcept;
  ~ImportInput();  // closes what it opened (a copy of standard input's descriptor)

  // How errors and reports name the input: the file as given, or "standard input".
  const std::string& name() const;
  // True when the input was copied into a temporary file (it was not a regular file).
  bool spooled() const;
  // For import_from: each call gives a stream over the input's bytes from its start. A
  // stream ends early, as at the end of the input, once a cancel is requested.
  // REQUIRES: the ImportInput outlives the streams.
  ImportSource source() const;

 private:
  struct Impl;
  explicit ImportInput(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith
