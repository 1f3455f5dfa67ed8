// kith's standard streams: output that cannot be written is an error, never lost in silence,
// and writing an error message never fails in turn.
#pragma once

#include <string_view>

namespace kith::cli {

// The exit status when stdout is a pipe whose reader has gone (`kith export | head`): kith
// stops quietly with the status of a process ended by SIGPIPE, as cat and grep do.
constexpr int kExitPipeClosed = 141;

// Makes sure descriptors 0, 1 and 2 are open, so that no file kith opens (the database, an
// export, the writers' lock) takes their number and receives output meant for the terminal: a
// closed one becomes /dev/null opened read-only, where writing still fails as it would have.
// Ignores SIGPIPE, so that a closed pipe shows as a failed write (EPIPE) that kith handles, not
// as a sudden death midway through a command.
void protect_standard_streams() noexcept;

// Writes `text` to stderr with write(2): no buffer, no exception; a failure is ignored, as
// there is nowhere left to report it.
void write_stderr(std::string_view text) noexcept;

// Flushes stdout. Returns 0 when all that was written to it arrived, else the error number of
// the failed write: `known` when the caller saw it already (a write that threw), EPIPE when the
// reader of a pipe has gone, else what the flush reported (EIO when nothing says more).
int finish_stdout(int known) noexcept;

}  // namespace kith::cli
