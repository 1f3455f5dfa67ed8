#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <string>

namespace kith::cli {
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
        if (errno == EINTR) continue;
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
  return {Errc::bad_file, "cannot write '" + target.string() + "': " + std::strerror(error)};
}

}  // namespace

struct AtomicFile::Impl {
  fs::path target;
  fs::path temporary;
  int fd = -1;
  bool committed = false;
  std::unique_ptr<FdBuffer> buffer;
  std::unique_ptr<std::ostream> stream;
};

AtomicFile::AtomicFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

AtomicFile::~AtomicFile() {
  if (impl_->fd >= 0) ::close(impl_->fd);
  if (!impl_->committed) ::unlink(impl_->temporary.c_str());
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::create(const fs::path& target) {
  std::error_code ec;
  if (fs::is_directory(target, ec)) return cannot_write(target, EISDIR);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());  // mode 0600
  if (fd < 0) return cannot_write(target, errno);
  auto impl = std::make_unique<Impl>();
  impl->target = target;
  impl->temporary = pattern;
  impl->fd = fd;
  impl->buffer = std::make_unique<FdBuffer>(fd);
  impl->stream = std::make_unique<std::ostream>(impl->buffer.get());
  return std::unique_ptr<AtomicFile>(new AtomicFile(std::move(impl)));
}

std::ostream& AtomicFile::stream() { return *impl_->stream; }

Status AtomicFile::commit() {
  Impl& f = *impl_;
  f.stream->flush();
  if (f.buffer->error() != 0) return cannot_write(f.target, f.buffer->error());
  if (!*f.stream) return cannot_write(f.target, EIO);
  if (::fsync(f.fd) != 0) return cannot_write(f.target, errno);
  int fd = f.fd;
  f.fd = -1;
  if (::close(fd) != 0) return cannot_write(f.target, errno);
  if (::rename(f.temporary.c_str(), f.target.c_str()) != 0) return cannot_write(f.target, errno);
  f.committed = true;
  fs::path folder = f.target.parent_path().empty() ? fs::path(".") : f.target.parent_path();
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // the rename itself reaches the disk
    ::close(dir);
  }
  return {};
}

}  // namespace kith::cli
