#include "interop/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <string>

#include "interop/kith_files.hpp"
#include "kith/cancel.hpp"

namespace kith {
namespace fs = std::filesystem;
namespace {

// A stream buffer that writes to a file descriptor and remembers the first error.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int overflow(int c) override {
    if (!drain()) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      ssize_t n = ::write(fd_, data, left);
      if (n < 0) {
        if (errno == EINTR && !cancel_requested()) continue;
        error_ = errno;
        break;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 64 * 1024> buffer_{};
};

Error cannot_write(const fs::path& target, int error) {
  // A file size limit (ulimit -f, with SIGXFSZ ignored as kith does) says "File too large".
  std::string reason =
      error == EFBIG ? "the file size limit is reached (" + std::string(std::strerror(error)) + ")"
                     : std::strerror(error);
  return {Errc::bad_file, "cannot write '" + target.string() + "': " + reason};
}

// Opens a FIFO, device or terminal for writing, waiting for a FIFO's reader until a cancel.
Result<int> open_directly(const fs::path& target, int flags) {
  for (;;) {
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | flags);
    if (fd >= 0) return fd;
    if (errno != EINTR) return cannot_write(target, errno);
    if (cancel_requested()) return cancelled_error();
  }
}

}  // namespace

struct OutputFile::Impl {
  fs::path target;     // as given, for messages
  fs::path replaced;   // the file the rename replaces (target with its links followed)
  fs::path temporary;  // empty when writing directly
  int fd = -1;
  bool committed = false;
  std::unique_ptr<FdBuffer> buffer;
  std::unique_ptr<std::ostream> stream;
};

OutputFile::OutputFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

OutputFile::~OutputFile() {
  if (impl_->fd >= 0) ::close(impl_->fd);
  if (!impl_->committed && !impl_->temporary.empty()) ::unlink(impl_->temporary.c_str());
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const fs::path& target,
                                                     const fs::path& database) {
  switch (kith_file(target, database)) {
    case KithFile::database:
      return invalid_input("cannot write '" + target.string() + "': it is kith's own database");
    case KithFile::companion:
      return invalid_input("cannot write '" + target.string() +
                           "': it is a file kith keeps beside its database '" + database.string() +
                           "'");
    case KithFile::none: break;
  }
  auto impl = std::make_unique<Impl>();
  impl->target = target;
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) return cannot_write(target, errno);  // ELOOP, EACCES...
  if (exists && S_ISDIR(st.st_mode)) return cannot_write(target, EISDIR);
  if (exists && (S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode))) {
    return Error{Errc::bad_file, "cannot write '" + target.string() + "': it is a " +
                                     (S_ISBLK(st.st_mode) ? "block device" : "socket") +
                                     ", not a file, FIFO or terminal"};
  }
  auto followed = follow_links(target);
  if (!followed) return cannot_write(target, ELOOP);
  // Writing directly: whatever is not a regular file, and a regular file named through a
  // descriptor (/dev/stdout redirected to a file: replacing that file by its name would miss
  // the descriptor, and an append would lose what the file held).
  bool direct = exists && (!S_ISREG(st.st_mode) || names_descriptor(target));
  if (direct) {
    // A regular file behind a descriptor was opened by a shell's `>` (empty) or `>>`: what
    // kith writes goes after what it holds, never over it.
    auto fd = open_directly(target, S_ISREG(st.st_mode) ? O_APPEND : 0);
    if (!fd) return fd.error();
    impl->fd = *fd;
  } else {
    impl->replaced = *followed;
    fs::path folder = followed->parent_path();
    std::string pattern = (folder / ("." + followed->filename().string() + ".XXXXXX")).string();
    int fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // mode 0600
    if (fd < 0) return cannot_write(target, errno);
    impl->temporary = pattern;
    impl->fd = fd;
  }
  impl->buffer = std::make_unique<FdBuffer>(impl->fd);
  impl->stream = std::make_unique<std::ostream>(impl->buffer.get());
  return std::unique_ptr<OutputFile>(new OutputFile(std::move(impl)));
}

std::ostream& OutputFile::stream() { return *impl_->stream; }

Status OutputFile::commit() {
  Impl& f = *impl_;
  f.stream->flush();
  if (f.buffer->error() != 0) return cannot_write(f.target, f.buffer->error());
  if (!*f.stream) return cannot_write(f.target, EIO);
  const bool atomic = !f.temporary.empty();
  if (atomic && ::fsync(f.fd) != 0) return cannot_write(f.target, errno);
  int fd = f.fd;
  f.fd = -1;
  if (::close(fd) != 0 && errno != EINTR) return cannot_write(f.target, errno);
  if (!atomic) {
    f.committed = true;
    return {};
  }
  if (::rename(f.temporary.c_str(), f.replaced.c_str()) != 0) return cannot_write(f.target, errno);
  f.committed = true;
  int dir = ::open(f.replaced.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // the rename itself reaches the disk
    ::close(dir);
  }
  return {};
}

}  // namespace kith
