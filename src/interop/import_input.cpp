#include "interop/import_input.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <vector>

#include "interop/kith_files.hpp"
#include "kith/cancel.hpp"

namespace kith {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kChunk = 64 * 1024;
// How long a wait for input may go without looking for a cancel (a signal that arrives just
// before poll() would otherwise go unnoticed until the input moves).
constexpr int kPollMs = 200;

// Reads bytes [begin, end) of a descriptor with pread(), so that any number of these read
// one descriptor independently. Ends early once a cancel is requested.
class RangeBuffer : public std::streambuf {
 public:
  RangeBuffer(int fd, off_t begin, off_t end) : fd_(fd), at_(begin), end_(end), buffer_(kChunk) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (at_ >= end_ || cancel_requested()) return traits_type::eof();
    auto want = static_cast<std::size_t>(std::min<off_t>(end_ - at_, kChunk));
    ssize_t got = 0;
    do {
      got = ::pread(fd_, buffer_.data(), want, at_);
    } while (got < 0 && errno == EINTR && !cancel_requested());
    if (got <= 0) return traits_type::eof();  // an error reads as a cut-off file
    at_ += got;
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  int fd_;
  off_t at_;
  off_t end_;
  std::vector<char> buffer_;
};

class RangeStream : public std::istream {
 public:
  RangeStream(int fd, off_t begin, off_t end) : std::istream(nullptr), buffer_(fd, begin, end) {
    rdbuf(&buffer_);
  }

 private:
  RangeBuffer buffer_;
};

Error cannot_read(const std::string& name, int error) {
  return {Errc::bad_file, name + ": cannot read it: " + std::strerror(error)};
}

// A file without a name in `folder`, mode 0600: it disappears when closed.
Result<int> anonymous_file(const fs::path& folder, const std::string& name) {
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  // No O_TMPFILE on this file system: a named file, removed at once.
  std::string pattern = (folder / ".kith-import-XXXXXX").string();
  fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // mode 0600
  if (fd < 0) {
    return Error{Errc::bad_file, name + ": cannot copy it to a temporary file in '" +
                                     folder.string() + "': " + std::strerror(errno)};
  }
  ::unlink(pattern.c_str());
  return fd;
}

// Writes all of `data` to `fd`.
int write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return 0;
}

// Copies `from` to its end (or its first NUL byte) into a new anonymous file; returns the
// file, its size through `size`.
Result<int> spool(int from, const fs::path& folder, const std::string& name, off_t& size) {
  auto file = anonymous_file(folder, name);
  if (!file) return file.error();
  int fd = *file;
  auto fail = [&](Error e) -> Result<int> {
    ::close(fd);
    return e;
  };
  std::vector<char> buffer(kChunk);
  size = 0;
  for (;;) {
    if (cancel_requested()) return fail(cancelled_error());
    pollfd ready{from, POLLIN, 0};
    int polled = ::poll(&ready, 1, kPollMs);
    if (polled == 0 || (polled < 0 && errno == EINTR)) continue;
    ssize_t got = ::read(from, buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return fail(cannot_read(name, errno));
    }
    if (got == 0) break;
    auto bytes = static_cast<std::size_t>(got);
    if (int error = write_all(fd, buffer.data(), bytes); error != 0) {
      return fail({Errc::bad_file, name + ": cannot copy it to a temporary file in '" +
                                       folder.string() + "': " + std::strerror(error)});
    }
    size += got;
    if (std::memchr(buffer.data(), '\0', bytes)) break;
  }
  return fd;
}

// Opens `path` for reading, waiting (for a FIFO's writer) until a cancel is requested.
Result<int> open_for_reading(const std::string& path, const std::string& name) {
  for (;;) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd >= 0) return fd;
    if (errno != EINTR) return cannot_read(name, errno);
    if (cancel_requested()) return cancelled_error();
  }
}

}  // namespace

ImportFormat guess_import_format(std::string_view file) {
  std::string ext = fs::path(file).extension().string();
  if (ext == ".vcf" || ext == ".vcard") return ImportFormat::vcard;
  if (ext == ".csv") return ImportFormat::linkedin;
  return ImportFormat::json;
}

struct ImportInput::Impl {
  std::string name;
  int fd = -1;
  bool spooled = false;
  off_t begin = 0;
  off_t end = 0;

  ~Impl() {
    if (fd >= 0) ::close(fd);
  }
};

ImportInput::ImportInput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ImportInput::ImportInput(ImportInput&&) noexcept = default;
ImportInput& ImportInput::operator=(ImportInput&&) noexcept = default;
ImportInput::~ImportInput() = default;

const std::string& ImportInput::name() const { return impl_->name; }
bool ImportInput::spooled() const { return impl_->spooled; }

ImportSource ImportInput::source() const {
  const Impl* impl = impl_.get();
  return [impl]() -> Result<std::unique_ptr<std::istream>> {
    return std::unique_ptr<std::istream>(
        std::make_unique<RangeStream>(impl->fd, impl->begin, impl->end));
  };
}

Result<ImportInput> ImportInput::open(const std::string& file, const fs::path& spool_folder,
                                      const fs::path& database) {
  auto impl = std::make_unique<Impl>();
  const bool standard_input = file == kStandardInput;
  impl->name = standard_input ? "standard input" : file;
  // Standard input redirected from a file is that file.
  const fs::path path = standard_input ? fs::path("/proc/self/fd/0") : fs::path(file);
  switch (kith_file(path, database)) {
    case KithFile::database:
      return Error{Errc::bad_file, impl->name + ": cannot import it: it is kith's own database"};
    case KithFile::companion:
      return Error{Errc::bad_file,
                   impl->name + ": cannot import it: it is a file kith keeps beside its database"};
    case KithFile::none: break;
  }
  if (standard_input) {
    // A descriptor of its own: standard input may be redirected elsewhere meanwhile.
    impl->fd = ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
    if (impl->fd < 0) return cannot_read(impl->name, errno);
  } else {
    auto fd = open_for_reading(file, impl->name);
    if (!fd) return fd.error();
    impl->fd = *fd;
  }
  struct stat st {};
  if (::fstat(impl->fd, &st) != 0) return cannot_read(impl->name, errno);
  if (S_ISDIR(st.st_mode)) {
    return Error{Errc::bad_file, impl->name + ": cannot read it: it is a folder"};
  }
  if (S_ISREG(st.st_mode)) {
    off_t at = standard_input ? ::lseek(impl->fd, 0, SEEK_CUR) : 0;
    impl->begin = at < 0 ? 0 : std::min(at, st.st_size);
    impl->end = st.st_size;
    return ImportInput(std::move(impl));
  }
  off_t size = 0;
  auto copy = spool(impl->fd, spool_folder, impl->name, size);
  if (!copy) return copy.error();
  ::close(impl->fd);
  impl->fd = *copy;
  impl->spooled = true;
  impl->begin = 0;
  impl->end = size;
  return ImportInput(std::move(impl));
}

}  // namespace kith
