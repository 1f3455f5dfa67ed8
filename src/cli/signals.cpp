#include "cli/signals.hpp"

#include <csignal>

#include "kith/cancel.hpp"

namespace kith::cli {
namespace {

volatile std::sig_atomic_t received = 0;

void on_cancel_signal(int signal) {
  if (received == 0) received = signal;
  kith::request_cancel();  // async-signal-safe
}

void handle(int signal) {
  struct sigaction old {};
  if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) return;
  struct sigaction action {};
  action.sa_handler = on_cancel_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the next one is the default: it ends kith
  ::sigaction(signal, &action, nullptr);
}

}  // namespace

void install_signal_handlers() {
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) handle(signal);
  std::signal(SIGXFSZ, SIG_IGN);
}

int cancelled_exit_code() { return 128 + (received != 0 ? static_cast<int>(received) : SIGINT); }

}  // namespace kith::cli
