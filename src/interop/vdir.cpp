#include "interop/vdir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace kith::vdir {

namespace fs = std::filesystem;

namespace {

Stamp stamp_of(const struct stat& st) {
  return {static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
          static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_ino)};
}

}  // namespace

Error cannot(std::string_view what, const fs::path& path, const std::string& why) {
  return Error{Errc::bad_file, "cannot " + std::string(what) + " '" + path.string() + "': " + why};
}

Result<bool> prepare_folder(const fs::path& dir, bool create, std::string_view noun) {
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (!exists && create) {
    if (!fs::create_directory(dir, ec) || ec) {
      return cannot("create the " + std::string(noun) + " folder", dir,
                    ec ? ec.message() : "it exists");
    }
    ::chmod(dir.c_str(), 0700);
    return true;
  }
  if (exists && !fs::is_directory(dir, ec)) {
    return cannot("sync the " + std::string(noun) + " into", dir, "not a folder");
  }
  return exists;
}

Result<std::vector<Item>> list_items(const fs::path& dir, std::string_view extension,
                                     std::uintmax_t max_size, std::string_view noun) {
  const std::string what = "read the " + std::string(noun) + " folder";
  std::vector<Item> items;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return cannot(what, dir, ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return cannot(what, dir, ec.message());
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    if (name.starts_with(".") || !name.ends_with(extension)) continue;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (static_cast<std::uintmax_t>(st.st_size) > max_size) continue;
    items.push_back({std::move(name), stamp_of(st)});
  }
  return items;
}

Result<std::string> read_item(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return cannot("read", path, std::strerror(errno));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return cannot("read", path, "read error");
  return text;
}

Status check_writable(const fs::path& dir) {
  fs::path probe = dir / ".kith-probe.tmp";
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return cannot("write", dir, std::strerror(errno));
  ::close(fd);
  ::unlink(probe.c_str());
  return {};
}

Result<Stamp> replace_file(const fs::path& path, const std::string& text) {
  fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp");
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return cannot("write", path, std::strerror(errno));
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return cannot("write", path, std::strerror(error));
  };
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(errno);
    done += static_cast<std::size_t>(n);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(errno);
  if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return cannot("write", path, std::strerror(error));
  }
  return stamp_of(st);
}

Status remove_item(const fs::path& path) {
  std::error_code ec;
  if (!fs::remove(path, ec) && ec) return cannot("remove", path, ec.message());
  return {};
}

}  // namespace kith::vdir
