#include <malloc.h>

#include "cli/app.hpp"
#include "cli/signals.hpp"

int main(int argc, char** argv) {
  // Keep freed memory instead of handing it back to the kernel at once: SQLite frees and
  // reallocates large blocks for each statement, and trimming the heap after each one costs
  // a system call and a TLB flush every time (an import spent two thirds of its time there).
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  // Ctrl-C and SIGTERM cancel cleanly; a file size limit is an error, not a silent death.
  kith::cli::install_signal_handlers();
  return kith::cli::run(argc, argv);
}
