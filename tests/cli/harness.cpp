#include "cli/harness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace kith::test {
namespace fs = std::filesystem;

Outcome run_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env) {
  int out_pipe[2];
  int err_pipe[2];
  // Close-on-exec, so that a process spawned by another thread does not hold these open.
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);

  Outcome outcome;
  std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
  int open_fds = 2;
  std::array<char, 65536> buffer{};
  while (open_fds > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) break;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? outcome.out : outcome.err).append(buffer.data(), static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
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

Outcome Sandbox::raw(std::vector<std::string> args) const {
  std::vector<std::string> argv{KITH_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> environment{{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}};
  if (const char* asan = std::getenv("ASAN_OPTIONS")) environment["ASAN_OPTIONS"] = asan;
  if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) environment["UBSAN_OPTIONS"] = ubsan;
  for (const auto& [k, v] : env) environment[k] = v;
  return run_process(argv, environment);
}

Outcome Sandbox::kith(std::vector<std::string> args) const {
  // A global option may be given once: one the arguments give is not added.
  auto given = [&](const std::string& option) {
    auto end = std::find(args.begin(), args.end(), "--");
    return std::any_of(args.begin(), end, [&](const std::string& arg) {
      return arg == option || arg.rfind(option + "=", 0) == 0;
    });
  };
  std::vector<std::string> all;
  if (!given("--db")) all.insert(all.end(), {"--db", db_.string()});
  if (!given("--today")) all.insert(all.end(), {"--today", today});
  all.insert(all.end(), args.begin(), args.end());
  return raw(all);
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
