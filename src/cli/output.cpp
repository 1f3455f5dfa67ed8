#include "cli/output.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>

namespace kith::cli {
namespace {

// True when `fd` is a pipe or socket that nobody reads any more.
bool reader_gone(int fd) {
  pollfd p{fd, POLLOUT, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & POLLERR) != 0;
}

}  // namespace

void protect_standard_streams() noexcept {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int null = ::open("/dev/null", O_RDONLY);  // the lowest free number: this one
    if (null != fd && null >= 0) {
      ::dup2(null, fd);
      ::close(null);
    }
  }
  std::signal(SIGPIPE, SIG_IGN);
}

void write_stderr(std::string_view text) noexcept {
  while (!text.empty()) {
    ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

int finish_stdout(int known) noexcept {
  int error = known;
  errno = 0;
  if (std::fflush(stdout) != 0 && error == 0) error = errno != 0 ? errno : EIO;
  if (std::ferror(stdout) && error == 0) error = EIO;
  if (error != 0 && error != EPIPE && reader_gone(STDOUT_FILENO)) error = EPIPE;
  return error;
}

}  // namespace kith::cli
