// A vdir, as vdirsyncer's filesystem storage defines it: a folder of items, one per file with
// the storage's extension; hidden files and files ending ".tmp" are not items. kith keeps its
// calendar (calendar_sync.hpp) and its contacts (contacts_sync.hpp) in vdirs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kith/status.hpp"

namespace kith::vdir {

// Errc::bad_file: "cannot WHAT 'PATH': WHY".
Error cannot(std::string_view what, const std::filesystem::path& path, const std::string& why);

// What tells a changed file from an unchanged one without reading it (vdirsyncer's "etag").
struct Stamp {
  std::int64_t mtime_ns = 0;
  std::int64_t size = 0;
  std::int64_t inode = 0;
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

struct Item {
  std::string name;  // the file name in the folder
  Stamp stamp;
};

// Checks the folder `dir` and, when it is missing and `create`, makes it (0700; its parent
// must exist). Returns whether it exists now. Errc::bad_file "cannot create the NOUN folder
// 'DIR': ..." or "cannot sync the NOUN into 'DIR': not a folder".
Result<bool> prepare_folder(const std::filesystem::path& dir, bool create, std::string_view noun);

// The items of `dir` whose names end in `extension` (".ics"), in no particular order: regular
// files, not hidden. Files larger than `max_size` are left out. Errc::bad_file "cannot read the
// NOUN folder 'DIR': ..." when the folder cannot be listed.
Result<std::vector<Item>> list_items(const std::filesystem::path& dir, std::string_view extension,
                                     std::uintmax_t max_size, std::string_view noun);

// The whole file. Errc::bad_file "cannot read 'PATH': ..." when it cannot be read.
Result<std::string> read_item(const std::filesystem::path& path);

// Errc::bad_file "cannot write 'DIR': ..." unless a file can be created in the folder (a
// temporary one, removed again).
Status check_writable(const std::filesystem::path& dir);

// Replaces `path` with `text` atomically: a hidden temporary file in the same folder (never an
// item: hidden, and ending ".tmp"), mode 0600, renamed over it. Not fsynced: whatever a sync
// writes, the next one checks again. Returns the new file's stamp.
Result<Stamp> replace_file(const std::filesystem::path& path, const std::string& text);

// Removes the file; one that is gone already is not an error.
Status remove_item(const std::filesystem::path& path);

}  // namespace kith::vdir
