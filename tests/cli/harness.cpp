#include "cli/harness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace kith::test {
namespace fs = std::filesystem;

namespace {

// Spawns `argv` with `env`, stdin from `stdin_fd` (or /dev/null when -1), stdout and stderr
// to the given descriptors. Every signal starts at its default, none blocked.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            int stdin_fd, int stdout_fd, int stderr_fd, const std::vector<int>& to_close) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_fd < 0) {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  } else {
    posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  for (int fd : to_close) posix_spawn_file_actions_addclose(&actions, fd);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t all;
  sigset_t none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, &attributes, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);
  return pid;
}

int code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

Outcome run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::string* input) {
  int out_pipe[2];
  int err_pipe[2];
  int in_pipe[2] = {-1, -1};
  // Close-on-exec, so that a process spawned by another thread does not hold these open.
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0 ||
      (input && ::pipe2(in_pipe, O_CLOEXEC) != 0)) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<int> fds = {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]};
  if (input) fds.insert(fds.end(), {in_pipe[0], in_pipe[1]});
  pid_t pid = spawn(argv, env, in_pipe[0], out_pipe[1], err_pipe[1], fds);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  std::thread feeder;
  if (input) {
    ::close(in_pipe[0]);
    // A writer of its own, so that a child that reads while it writes never deadlocks; a
    // child that stops reading makes write() fail with EPIPE (MSG_NOSIGNAL is for sockets:
    // SIGPIPE is blocked in this thread and the pending one taken back).
    feeder = std::thread([fd = in_pipe[1], input] {
      sigset_t pipe_signal;
      sigemptyset(&pipe_signal);
      sigaddset(&pipe_signal, SIGPIPE);
      pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
      const char* data = input->data();
      std::size_t left = input->size();
      while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0) {
          if (errno == EINTR) continue;
          break;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
      }
      ::close(fd);
      timespec none{0, 0};
      sigtimedwait(&pipe_signal, nullptr, &none);
    });
  }

  Outcome outcome;
  std::array<pollfd, 2> polled{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
  int open_fds = 2;
  std::array<char, 65536> buffer{};
  while (open_fds > 0) {
    if (::poll(polled.data(), polled.size(), -1) < 0) break;
    for (std::size_t i = 0; i < polled.size(); ++i) {
      if (polled[i].fd < 0 || !(polled[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(polled[i].fd, buffer.data(), buffer.size());
      if (n <= 0) {
        ::close(polled[i].fd);
        polled[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? outcome.out : outcome.err).append(buffer.data(), static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  if (feeder.joinable()) feeder.join();
  outcome.code = code_of(status);
  outcome.max_rss_kib = usage.ru_maxrss;
  return outcome;
}

// A file with no name, for a background process's output.
int anonymous_file() {
  int fd = ::open(fs::temp_directory_path().c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string pattern = (fs::temp_directory_path() / "kith-test-out-XXXXXX").string();
  fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot make a temporary file");
  ::unlink(pattern.c_str());
  return fd;
}

std::string contents(int fd) {
  std::string out;
  std::array<char, 65536> buffer{};
  off_t at = 0;
  for (;;) {
    ssize_t n = ::pread(fd, buffer.data(), buffer.size(), at);
    if (n <= 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
    at += n;
  }
  return out;
}

}  // namespace

Outcome run_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env) {
  return run(argv, env, nullptr);
}

Outcome run_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env, const std::string& input) {
  return run(argv, env, &input);
}

Background::Background(const std::vector<std::string>& argv,
                       const std::map<std::string, std::string>& env)
    : out_(anonymous_file()), err_(anonymous_file()) {
  pid_ = spawn(argv, env, -1, out_, err_, {});
}

Background::~Background() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ::close(out_);
  ::close(err_);
}

bool Background::running() {
  if (reaped_) return false;
  rusage usage{};
  if (::wait4(pid_, &status_, WNOHANG, &usage) == pid_) {
    reaped_ = true;
    max_rss_kib_ = usage.ru_maxrss;
  }
  return !reaped_;
}

void Background::signal(int number) const {
  if (!reaped_) ::kill(pid_, number);
}

Outcome Background::wait(double seconds) {
  if (!eventually([&] { return !running(); }, seconds)) {
    ::kill(pid_, SIGKILL);
    rusage usage{};
    ::wait4(pid_, &status_, 0, &usage);
    reaped_ = true;
  }
  Outcome outcome;
  outcome.code = code_of(status_);
  outcome.out = contents(out_);
  outcome.err = contents(err_);
  outcome.max_rss_kib = max_rss_kib_;
  return outcome;
}

bool eventually(const std::function<bool()>& condition, double seconds) {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::microseconds(static_cast<std::int64_t>(seconds * 1e6));
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

int line_count(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

Sandbox::Sandbox() {
  std::string pattern = (fs::temp_directory_path() / "kith-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  db_ = dir_ / "kith.db";
}

Sandbox::~Sandbox() {
  std::error_code ignored;
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(dir_, ignored);
}

std::map<std::string, std::string> Sandbox::environment() const {
  std::map<std::string, std::string> environment{{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}};
  if (const char* asan = std::getenv("ASAN_OPTIONS")) environment["ASAN_OPTIONS"] = asan;
  if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) environment["UBSAN_OPTIONS"] = ubsan;
  for (const auto& [k, v] : env) environment[k] = v;
  return environment;
}

std::vector<std::string> Sandbox::argv(std::vector<std::string> args) const {
  // A global option may be given once: one the arguments give is not added.
  auto given = [&](const std::string& option) {
    auto end = std::find(args.begin(), args.end(), "--");
    return std::any_of(args.begin(), end, [&](const std::string& arg) {
      return arg == option || arg.rfind(option + "=", 0) == 0;
    });
  };
  std::vector<std::string> all{KITH_BINARY};
  if (!given("--db")) all.insert(all.end(), {"--db", db_.string()});
  if (!given("--today")) all.insert(all.end(), {"--today", today});
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

Outcome Sandbox::raw(std::vector<std::string> args) const {
  std::vector<std::string> argv{KITH_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, environment());
}

Outcome Sandbox::kith(std::vector<std::string> args) const {
  return run_process(argv(std::move(args)), environment());
}

Outcome Sandbox::kith_with_input(std::vector<std::string> args, const std::string& input) const {
  return run_process(argv(std::move(args)), environment(), input);
}

std::string Sandbox::ok(std::vector<std::string> args) const {
  Outcome o = kith(args);
  INFO("kith stderr: " << o.err);
  REQUIRE(o.code == 0);
  return o.out;
}

std::vector<Outcome> Sandbox::kith_at_once(
    const std::vector<std::vector<std::string>>& runs) const {
  std::vector<Outcome> outcomes(runs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    threads.emplace_back([this, &runs, &outcomes, i] { outcomes[i] = kith(runs[i]); });
  }
  for (auto& thread : threads) thread.join();
  return outcomes;
}

std::string Sandbox::query(const std::string& sql) const {
  SQLite::Database db(db_.string(), SQLite::OPEN_READONLY);
  SQLite::Statement st(db, sql);
  std::string out;
  while (st.executeStep()) {
    if (!out.empty()) out += '\n';
    for (int i = 0; i < st.getColumnCount(); ++i) {
      if (i) out += '|';
      auto column = st.getColumn(i);
      out += column.isNull() ? "NULL" : column.getString();
    }
  }
  return out;
}

std::string Sandbox::dump() const {
  if (!fs::exists(db_)) return "(no database)";
  SQLite::Database db(db_.string(), SQLite::OPEN_READONLY);
  std::string out = "user_version=" + db.execAndGet("PRAGMA user_version").getString() + "\n";
  SQLite::Statement tables(db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
  for (const auto& name : names) {
    out += "[" + name + "]\n";
    SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\"");
    std::vector<std::string> lines;
    while (rows.executeStep()) {
      std::string line;
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        if (i) line += '|';
        auto column = rows.getColumn(i);
        line += column.isNull() ? "NULL" : column.getString();
      }
      lines.push_back(line + '\n');
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& line : lines) out += line;
  }
  return out;
}

}  // namespace kith::test
