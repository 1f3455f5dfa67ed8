#include "interop/kith_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <vector>

namespace kith {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxLinks = 40;  // as the kernel's ELOOP

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Removes `prefix` from the front of `text`; false when it is not there.
bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

struct Identity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const Identity&) const = default;
};

std::optional<Identity> identity(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return Identity{st.st_dev, st.st_ino};
}

// The database's path as given (its folder resolved) and with its links followed.
std::vector<fs::path> database_paths(const fs::path& database) {
  std::vector<fs::path> paths;
  std::error_code ec;
  fs::path absolute = fs::absolute(database, ec);
  if (ec || absolute.filename().empty()) return paths;
  fs::path folder = fs::weakly_canonical(absolute.parent_path(), ec);
  if (!ec) paths.push_back(folder / absolute.filename());
  if (auto followed = follow_links(database);
      followed && (paths.empty() || *followed != paths.front())) {
    paths.push_back(*followed);
  }
  return paths;
}

}  // namespace

KithFile kith_file_name(std::string_view file, std::string_view database) {
  if (database.empty()) return KithFile::none;
  std::string_view rest = file;
  if (!consume(rest, database)) return KithFile::none;
  if (rest.empty()) return KithFile::database;
  if (rest == "-wal" || rest == "-shm" || rest == "-journal" || rest == "-lock") {
    return KithFile::companion;
  }
  if (consume(rest, ".schema-")) {  // N.bak, N.bak.partial-PID
    std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos || !all_digits(rest.substr(0, dot))) return KithFile::none;
    rest.remove_prefix(dot);
    if (!consume(rest, ".bak")) return KithFile::none;
    if (rest.empty()) return KithFile::companion;
    return consume(rest, ".partial-") && all_digits(rest) ? KithFile::companion : KithFile::none;
  }
  if (consume(rest, ".partial-")) {  // PID, PID-wal, PID-shm, PID-journal
    std::size_t dash = rest.find('-');
    std::string_view pid = rest.substr(0, dash);
    std::string_view suffix = dash == std::string_view::npos ? "" : rest.substr(dash);
    if (all_digits(pid) &&
        (suffix.empty() || suffix == "-wal" || suffix == "-shm" || suffix == "-journal")) {
      return KithFile::companion;
    }
  }
  return KithFile::none;
}

namespace {

// follow_links, and through `via_proc` whether a link on the way lies in /proc.
Result<fs::path> walk_links(const fs::path& path, bool& via_proc) {
  via_proc = false;
  auto failed = [&](int error) {
    return Error{Errc::bad_file, "cannot follow '" + path.string() + "': " + std::strerror(error)};
  };
  std::error_code ec;
  fs::path current = fs::absolute(path, ec);
  if (ec) return failed(ec.value());
  for (int links = 0; links <= kMaxLinks; ++links) {
    fs::path name = current.filename();
    if (name.empty() || name == "." || name == "..") {
      fs::path resolved = fs::weakly_canonical(current, ec);
      if (ec) return failed(ec.value());
      return resolved;
    }
    fs::path folder = fs::weakly_canonical(current.parent_path(), ec);
    if (ec) return failed(ec.value());
    fs::path here = folder / name;
    struct stat st {};
    if (::lstat(here.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return here;
    via_proc = via_proc || here.string().rfind("/proc/", 0) == 0;
    std::array<char, PATH_MAX> target{};
    ssize_t length = ::readlink(here.c_str(), target.data(), target.size());
    if (length < 0) return failed(errno);
    fs::path next(std::string(target.data(), static_cast<std::size_t>(length)));
    current = next.is_absolute() ? next : folder / next;
  }
  return failed(ELOOP);
}

}  // namespace

Result<fs::path> follow_links(const fs::path& path) {
  bool via_proc = false;
  return walk_links(path, via_proc);
}

bool names_descriptor(const fs::path& path) {
  bool via_proc = false;
  auto followed = walk_links(path, via_proc);
  return via_proc || (followed && followed->string().rfind("/proc/", 0) == 0);
}

KithFile kith_file(const fs::path& path, const fs::path& database) {
  std::vector<fs::path> databases = database_paths(database);
  if (auto followed = follow_links(path)) {
    for (const fs::path& db : databases) {
      if (followed->parent_path() != db.parent_path()) continue;
      KithFile kind = kith_file_name(followed->filename().string(), db.filename().string());
      if (kind != KithFile::none) return kind;
    }
  }
  auto id = identity(path);
  if (!id) return KithFile::none;
  for (const fs::path& db : databases) {
    std::error_code ec;
    for (fs::directory_iterator it(db.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      KithFile kind = kith_file_name(name, db.filename().string());
      if (kind != KithFile::none && identity(it->path()) == id) return kind;
    }
  }
  return KithFile::none;
}

}  // namespace kith
