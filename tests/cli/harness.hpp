// End-to-end test harness: runs the real kith binary on a temporary database with a fixed
// today, and reads the database back for assertions.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace kith::test {

struct Outcome {
  int code = -1;  // the exit code, or 128 + the signal that ended the process
  std::string out;
  std::string err;
  long max_rss_kib = 0;  // the most memory the process (and what it waited for) held
};

// A temporary folder with a database path in it, removed afterwards. Every run uses
// --db <it> and --today 2026-11-22 unless the arguments give their own (kith takes a global
// option once), and a minimal environment (no HOME, no XDG, no NO_COLOR, no KITH_*), plus
// `env`.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& db() const { return db_; }

  // kith --db DB --today TODAY args... (each unless `args` has it before any "--")
  Outcome kith(std::vector<std::string> args) const;
  // kith with exactly these arguments (no --db, no --today added).
  Outcome raw(std::vector<std::string> args) const;
  // kith --db DB --today TODAY args..., reading `input` on its standard input (a pipe).
  Outcome kith_with_input(std::vector<std::string> args, const std::string& input) const;
  // The command line and the environment kith(args) runs with: for Background and shells.
  std::vector<std::string> argv(std::vector<std::string> args) const;
  std::map<std::string, std::string> environment() const;
  // Runs kith, failing the test (with its stderr) unless it exits 0.
  std::string ok(std::vector<std::string> args) const;
  // Runs kith once per argument list (each with --db and --today), all at the same time;
  // the outcomes in the same order.
  std::vector<Outcome> kith_at_once(const std::vector<std::vector<std::string>>& runs) const;

  // Extra environment variables for every run.
  std::map<std::string, std::string> env;
  std::string today = "2026-11-22";

  // Every row of every table, in a stable order, as text: equal before and after a command
  // that must change nothing. Timestamps are included: an unchanged database is unchanged.
  std::string dump() const;
  // The result of one SQL query, rows joined by '\n' and columns by '|'.
  std::string query(const std::string& sql) const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path db_;
};

// Runs `argv` with `env` as the whole environment and stdin from /dev/null. The child starts
// with every signal at its default and none blocked, whatever the tests' own process does.
Outcome run_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env);
// The same with `input` on its standard input, through a pipe written as the child reads.
Outcome run_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env, const std::string& input);

// A process running in the background (stdin from /dev/null, stdout and stderr collected in
// files), for tests that signal it or make it wait. Killed (SIGKILL) and reaped when
// destroyed while still running.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  pid_t pid() const { return pid_; }
  // True until it has ended (then it is reaped).
  bool running();
  void signal(int number) const;
  // Waits for its end, killing it after `seconds` (then code is 128 + SIGKILL).
  Outcome wait(double seconds = 60);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  long max_rss_kib_ = 0;
};

// Checks `condition` every millisecond until it holds (true) or `seconds` pass (false).
bool eventually(const std::function<bool()>& condition, double seconds = 30);

// The bytes of a file ("" when it cannot be read), and writing them.
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// The number of lines in `text`.
int line_count(const std::string& text);

// A file's permission bits (failing the test when it does not exist).
unsigned mode_of(const std::filesystem::path& path);

}  // namespace kith::test
