// The signals kith handles: Ctrl-C, SIGTERM and SIGHUP cancel the command cleanly (its
// transaction rolled back, the writers' lock file removed: kith/cancel.hpp), and a file size
// limit is an error, not a silent death.
#pragma once

namespace kith::cli {

// Installs kith's handlers; called once by main() before anything else runs.
// - SIGINT, SIGTERM, SIGHUP: the first one asks the core to cancel (kith::request_cancel())
//   and is remembered for the exit code; the command then fails with "cancelled; nothing was
//   changed". The handler is then the default again, so a second one ends kith outright
//   (SQLite's WAL keeps the database safe). A signal ignored when kith started (nohup, a
//   background job of a script) stays ignored.
// - SIGXFSZ is ignored: a write past a file size limit (ulimit -f) then fails with EFBIG,
//   which the store and the export report, instead of killing kith without a word.
// Handlers do not restart interrupted calls (no SA_RESTART), so a read waiting on a pipe or a
// FIFO returns and notices.
void install_signal_handlers();

// The exit code of a cancelled command: 128 + the number of the signal that cancelled it
// (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), 130 when no signal did.
int cancelled_exit_code();

}  // namespace kith::cli
