// Cancelling work in progress: what the CLI's signal handlers (Ctrl-C, SIGTERM) ask for.
//
// The core installs no handler and reads no environment. request_cancel() only sets a
// process-wide flag (a lock-free atomic) and calls sqlite3_interrupt() on the connection of
// every open Store, both async-signal-safe, so a handler may call it. The work in progress
// notices at its next record, statement, commit or blocking read and fails with
// Errc::cancelled (cancelled_error()):
// - Store::write() and Store::rehearse() roll back instead of committing, and refuse to begin;
//   a statement running at the time fails with SQLITE_INTERRUPT, which becomes the same error;
// - waiting for the writers' lock stops;
// - an import stops between records (interop/import.hpp), an export between records.
// Nothing else is done in the handler: the Store then unwinds as after any error, rolling
// back and removing its writers' lock file. Writes committed before the request stay.
//
// A request stays for the life of the process. Thread-safety: any thread or signal handler may
// request; a Store must not be destroyed on another thread while a handler may run (kith's
// CLI is single-threaded).
#pragma once

#include "kith/status.hpp"

namespace kith {

// Asks every running and later piece of work to stop. Async-signal-safe.
void request_cancel() noexcept;

// True once request_cancel() was called (and reset_cancel() was not called since).
bool cancel_requested() noexcept;

// Errc::cancelled, "cancelled; nothing was changed".
Error cancelled_error();

// cancelled_error() when a cancel was requested, else success: for polling between records.
Status check_cancel();

// Forgets a request. For tests, which run many cancellations in one process.
// REQUIRES: no work in progress.
void reset_cancel() noexcept;

}  // namespace kith
