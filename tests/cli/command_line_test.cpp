// End-to-end: the command line is one command, said once, safely. A word left over is an
// error and never a second command; usage errors are one line in kith's words ending with the
// command's help; "--" makes every later word an argument; `kith help X` is `kith X --help`;
// ids are 12 or #12; output that cannot be written is an error, and errors never crash.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;
namespace {

// Ada Lovelace (#1), Grace Hopper (#2), a coffee with Grace, reminder #1 about Grace.
void seed(const Sandbox& box) {
  box.ok({"add", "Ada Lovelace", "--type", "mentor"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor"});
  box.ok({"log", "grace", "Coffee at the yard", "--on", "2026-11-01"});
  box.ok({"remind", "grace", "Send the deck", "--on", "friday"});
}

// The commands `kith --help` lists (the command table), by name.
std::set<std::string> listed_commands(const Sandbox& box) {
  Outcome help = box.raw({"--help"});
  REQUIRE(help.code == 0);
  std::istringstream lines(help.out);
  std::string line;
  bool in_commands = false;
  std::set<std::string> names;
  while (std::getline(lines, line)) {
    if (line == "Commands:") {
      in_commands = true;
    } else if (in_commands && line.rfind("  ", 0) == 0) {
      std::string name = line.substr(2, line.find_first_of(", ", 2) - 2);
      names.insert(name);
    } else if (in_commands) {
      break;
    }
  }
  return names;
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// Refused as a usage error: exit 2, nothing on stdout, one line on stderr that names `word`
// and ends with the help of `command`, and the database as it was.
void check_usage_error(Sandbox& box, const std::vector<std::string>& args, const std::string& word,
                       const std::string& command) {
  std::string before = box.dump();
  Outcome o = box.kith(args);
  INFO("stderr: " << o.err);
  CHECK(o.code == 2);
  CHECK(o.out.empty());
  CHECK(line_count(o.err) == 1);
  CHECK(o.err.rfind("kith: ", 0) == 0);
  CHECK(o.err.find("'" + word + "'") != std::string::npos);
  CHECK(ends_with(o.err, " (see 'kith " + command + " --help')\n"));
  CHECK(box.dump() == before);
}

// Runs `argv` with stdout and stderr as the shell `redirection` sets them ("exec ... >&-").
Outcome run_redirected(const Sandbox& box, const std::vector<std::string>& args,
                       const std::string& redirection) {
  std::vector<std::string> argv = {"/bin/sh",
                                   "-c",
                                   "exec \"$@\" " + redirection,
                                   "sh",
                                   KITH_BINARY,
                                   "--db",
                                   box.db().string(),
                                   "--today",
                                   box.today};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}});
}

// Runs kith with stdout into a pipe that nobody reads any more, as `kith ... | head` once
// head has gone; returns the exit code and stderr.
Outcome run_into_closed_pipe(const Sandbox& box, const std::vector<std::string>& args) {
  int out_pipe[2];
  int err_pipe[2];
  REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
  ::close(out_pipe[0]);  // the reader has gone
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<std::string> argv = {KITH_BINARY, "--db", box.db().string(), "--today", box.today};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  std::string path = "PATH=/usr/bin:/bin";
  std::string locale = "LC_ALL=C";
  char* envp[] = {path.data(), locale.data(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, KITH_BINARY, &actions, nullptr, raw.data(), envp);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  REQUIRE(rc == 0);
  Outcome outcome;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(err_pipe[0], buffer, sizeof buffer)) > 0) {
    outcome.err.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

// A kith JSON export of `n` contacts: enough for a list longer than stdio's buffer.
std::string many_contacts(int n) {
  std::string contacts;
  for (int i = 1; i <= n; ++i) {
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", i);
    if (i > 1) contacts += ",";
    contacts += std::string(R"({"uuid": ")") + uuid + R"(", "name": "Person number )" +
                std::to_string(i) +
                R"(", "added_on": "2026-01-01", "created_at": "2026-01-01T10:00:00.000Z",)"
                R"( "updated_at": "2026-01-01T10:00:00.000Z"})";
  }
  return R"({"format": "kith", "version": 1, "types": [], "contacts": [)" + contacts +
         R"(], "interactions": [], "reminders": []})";
}

struct Leftover {
  std::string command;  // the command whose case this is, as `kith --help` lists it
  std::vector<std::string> args;
  std::string word;  // the word the error must name
  std::string help;  // the error ends with (see 'kith HELP --help')
};

}  // namespace

TEST_CASE("a word left over after any command's arguments is refused, never run as a command",
          "[command-line]") {
  Sandbox box;
  seed(box);
  const std::string file = (box.dir() / "backup.json").string();
  box.ok({"export", "-o", file});
  const std::string out = (box.dir() / "out.json").string();
  // Each command, then another command and its arguments; variadic ones take the words, and
  // the destructive tail then fails as an unknown option.
  const std::vector<Leftover> cases = {
      {"report", {"report", "rm", "ada", "--yes"}, "rm", "report"},
      {"plan", {"plan", "--save", "rm", "ada", "--yes"}, "rm", "plan"},
      {"add", {"add", "Zed", "rm", "ada", "--yes"}, "--yes", "add"},
      {"log", {"log", "grace", "Coffee", "rm", "ada", "--yes"}, "--yes", "log"},
      {"remind",
       {"remind", "grace", "Call", "--on", "friday", "rm", "ada", "--yes"},
       "rm",
       "remind"},
      {"reminders", {"reminders", "grace", "rm", "ada", "--yes"}, "rm", "reminders"},
      {"done", {"done", "1", "rm", "ada", "--yes"}, "rm", "done"},
      {"snooze", {"snooze", "1", "1w", "rm", "ada", "--yes"}, "rm", "snooze"},
      {"amend", {"amend", "1", "--weight", "2", "rm", "ada", "--yes"}, "rm", "amend"},
      {"unlog", {"unlog", "1", "rm", "ada", "--yes"}, "rm", "unlog"},
      {"change", {"change", "1", "--text", "x", "rm", "ada", "--yes"}, "rm", "change"},
      {"cancel", {"cancel", "1", "rm", "ada", "--yes"}, "rm", "cancel"},
      {"dates", {"dates", "rm", "ada", "--yes"}, "rm", "dates"},
      {"list", {"list", "report"}, "report", "list"},
      {"list", {"ls", "rm", "ada", "--yes"}, "rm", "list"},
      {"show", {"show", "ada", "rm", "ada", "--yes"}, "rm", "show"},
      {"edit", {"edit", "ada", "--org", "X", "rm", "ada", "--yes"}, "rm", "edit"},
      {"archive", {"archive", "ada", "rm", "grace", "--yes"}, "rm", "archive"},
      {"unarchive", {"unarchive", "ada", "rm", "grace", "--yes"}, "rm", "unarchive"},
      {"rm", {"rm", "grace", "--yes", "rm", "ada", "--yes"}, "rm", "rm"},
      {"merge", {"merge", "ada", "grace", "--dry-run", "rm", "ada", "--yes"}, "--yes", "merge"},
      {"dupes", {"dupes", "rm", "ada", "--yes"}, "rm", "dupes"},
      {"history", {"history", "rm", "2", "--yes"}, "rm", "history"},
      {"agenda", {"agenda", "grace", "Ask", "rm", "ada", "--yes"}, "rm", "agenda"},
      {"skip", {"skip", "grace", "rm", "ada", "--yes"}, "--yes", "skip"},
      {"goal", {"goal", "1", "rm", "ada", "--yes"}, "rm", "goal"},
      {"goal", {"goal", "done", "1", "rm", "ada", "--yes"}, "rm", "goal done"},
      {"goal", {"goal", "link", "1", "grace", "rm", "ada", "--yes"}, "--yes", "goal link"},
      {"knows", {"knows", "grace", "ada", "rm", "ada", "--yes"}, "rm", "knows"},
      {"path", {"path", "grace", "rm", "ada", "--yes"}, "--yes", "path"},
      {"intro", {"intro", "grace", "ada", "Hello", "rm", "ada", "--yes"}, "--yes", "intro"},
      {"balance", {"balance", "rm", "2", "--yes"}, "rm", "balance"},
      {"reconnect", {"reconnect", "rm", "ada", "--yes"}, "rm", "reconnect"},
      {"review", {"review", "--since", "1m", "rm", "ada", "--yes"}, "rm", "review"},
      {"types", {"types", "list"}, "list", "types"},
      {"types", {"types", "set", "peer", "--weight", "2", "rm", "ada", "--yes"}, "rm", "types set"},
      {"find", {"find", "Coffee", "rm", "ada", "--yes"}, "--yes", "find"},
      {"export", {"export", "-o", out, "rm", "ada", "--yes"}, "rm", "export"},
      {"import", {"import", file, "rm", "ada", "--yes"}, "rm", "import"},
      {"sync", {"sync", "--calendar", out, "rm", "ada", "--yes"}, "rm", "sync"},
      {"sync", {"sync", out, "rm", "ada", "--yes"}, "rm", "sync"},
      {"sync", {"sync", "--contacts", out, "rm", "ada", "--yes"}, "rm", "sync"},
      {"undo", {"undo", "1", "rm", "ada", "--yes"}, "rm", "undo"},
      {"redo", {"redo", "rm", "ada", "--yes"}, "rm", "redo"},
      {"help", {"help", "list", "report"}, "report", "help"},
  };
  for (const Leftover& c : cases) {
    CAPTURE(c.args);
    check_usage_error(box, c.args, c.word, c.help);
  }
  CHECK_FALSE(fs::exists(out));

  // A command added to the table without a case here fails this.
  std::set<std::string> covered;
  for (const Leftover& c : cases) covered.insert(c.command);
  CHECK(covered == listed_commands(box));
}

TEST_CASE("the words that ran a second command before are refused with their own words",
          "[command-line]") {
  Sandbox box;
  seed(box);
  std::string before = box.dump();
  Outcome o = box.kith({"history", "rm", "2", "--yes"});
  CHECK(o.code == 2);
  CHECK(o.err ==
        "kith: unexpected argument 'rm' after 'kith history': kith runs one command at a time "
        "(see 'kith history --help')\n");
  o = box.kith({"list", "report"});
  CHECK(o.code == 2);
  CHECK(o.out.empty());
  CHECK(o.err ==
        "kith: unexpected argument 'report' after 'kith list': kith runs one command at a time "
        "(see 'kith list --help')\n");
  CHECK(box.dump() == before);
}

TEST_CASE("usage errors are one line in kith's words, naming the option or word and the help",
          "[command-line]") {
  Sandbox box;
  seed(box);
  const std::string db = box.db().string();
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      // commands
      {{"lsit"}, "unknown command 'lsit'; did you mean 'list'? (see 'kith --help')"},
      {{"frobnicate"}, "unknown command 'frobnicate' (see 'kith --help')"},
      {{}, "no command given (see 'kith --help')"},
      {{"help", "lgo"}, "unknown command 'lgo'; did you mean 'log'? (see 'kith --help')"},
      {{"help", "nosuch"}, "unknown command 'nosuch' (see 'kith --help')"},
      {{"types", "remove", "peer"},
       "unknown subcommand 'remove' of 'kith types'; it has 'set' and 'add' (see 'kith types "
       "--help')"},
      {{"types", "ad", "friend"},
       "unknown subcommand 'ad' of 'kith types'; did you mean 'add'? (see 'kith types --help')"},
      {{"help", "types", "remove"},
       "unknown subcommand 'remove' of 'kith types'; it has 'set' and 'add' (see 'kith help "
       "--help')"},
      // unknown options
      {{"log", "ada", "Coffee", "--wieght", "2"},
       "unknown option '--wieght' for 'kith log'; did you mean '--weight'? (see 'kith log "
       "--help')"},
      {{"add", "Bob", "--colour", "red"},
       "unknown option '--colour' for 'kith add'; did you mean '--color'? (see 'kith add "
       "--help')"},
      {{"--verbose", "list"}, "unknown option '--verbose' (see 'kith --help')"},
      {{"list", "-x"}, "unknown option '-x' for 'kith list' (see 'kith list --help')"},
      {{"add", "-dash"},
       "unknown option '-dash' for 'kith add'; to give it as an argument, put it after '--' "
       "(see 'kith add --help')"},
      {{"log", "ada", "Coffee", "--wieght=2"},
       "unknown option '--wieght' for 'kith log'; did you mean '--weight'? (see 'kith log "
       "--help')"},
      // missing values
      {{"log", "ada", "Coffee", "--on"}, "--on needs a value (DATE) (see 'kith log --help')"},
      {{"history", "--since"}, "--since needs a value (DATE) (see 'kith history --help')"},
      {{"log", "ada", "Coffee", "--on", "--gave"},
       "--on needs a value (DATE) (see 'kith log --help')"},
      {{"add", "Bob", "--note", "-important"},
       "--note needs a value (TEXT); to give '-important' as its value, write "
       "--note=-important (see 'kith add --help')"},
      {{"log", "ada", "Coffee", "--next", "friday"},
       "--next needs 2 values (DATE TEXT) (see 'kith log --help')"},
      {{"list", "--db"}, "--db needs a value (PATH) (see 'kith --help')"},
      // given twice
      {{"log", "ada", "Coffee", "--on", "yesterday", "--on", "today"},
       "--on given twice; give it once (see 'kith log --help')"},
      {{"--today", "2026-11-01", "--today", "2026-11-02", "list"},
       "--today given twice; give it once (see 'kith --help')"},
      {{"--today", "2026-11-01", "list", "--today=2026-11-02"},
       "--today given twice; give it once (see 'kith --help')"},
      {{"list", "--db", db, "--db", db}, "--db given twice; give it once (see 'kith --help')"},
      {{"--color", "never", "list", "--color", "always"},
       "--color given twice; give it once (see 'kith --help')"},
      {{"add", "Bob", "--org", "A", "--org", "B"},
       "--org given twice; give it once (see 'kith add --help')"},
      // values
      {{"log", "ada", "Coffee", "--weight", "two"},
       "invalid --weight 'two': expected a whole number from 1 to 5 (see 'kith log --help')"},
      {{"plan", "--days", "x"},
       "invalid --days 'x': expected a whole number from 1 to 366 (see 'kith plan --help')"},
      {{"add", "Bob", "--circle", "inner"},
       "invalid --circle 'inner': expected 1, 2 or 3 (see 'kith add --help')"},
      {{"history", "-n", "ten"},
       "invalid --limit 'ten': expected a whole number, 0 (no limit) or more (see 'kith history "
       "--help')"},
      {{"types", "set", "peer", "--weight", "2.5"},
       "invalid --weight '2.5': expected a whole number from 1 to 5 (see 'kith types set "
       "--help')"},
      {{"--color", "sometimes", "list"},
       "invalid --color 'sometimes': expected auto, always or never (see 'kith --help')"},
      // flags given a value
      {{"log", "ada", "Coffee", "--gave=yes"}, "--gave takes no value (see 'kith log --help')"},
      {{"--json=no", "list"}, "--json takes no value (see 'kith --help')"},
      // arguments
      {{"log"}, "missing WHO... SUMMARY (see 'kith log --help')"},
      {{"types", "set"}, "missing TYPE (see 'kith types set --help')"},
      {{"import"}, "missing FILE (see 'kith import --help')"},
      {{"show"}, "missing WHO (see 'kith show --help')"},
      {{"snooze"}, "missing ID (see 'kith snooze --help')"},
      {{"list", "grace"},
       "unexpected argument 'grace': 'kith list' takes no arguments (see 'kith list --help')"},
      {{"show", "grace", "ada"},
       "unexpected argument 'ada': 'kith show' takes WHO (see 'kith show --help')"},
      {{"remind", "ada", "Call", "soon", "--on", "friday"},
       "unexpected argument 'soon': 'kith remind' takes [WHO] TEXT (see 'kith remind --help')"},
      {{"snooze", "1", "1w", "2w"},
       "unexpected argument '2w': 'kith snooze' takes ID [DURATION] (see 'kith snooze --help')"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    std::string before = box.dump();
    Outcome o = box.kith(c.args);
    CHECK(o.code == 2);
    CHECK(o.out.empty());
    CHECK(o.err == "kith: " + c.err + "\n");
    CHECK(box.dump() == before);
  }
}

TEST_CASE("no usage error shows CLI11's words or the code's names for arguments",
          "[command-line]") {
  Sandbox box;
  seed(box);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"log"},
           {"add"},
           {"import"},
           {"types", "set"},
           {"find"},
           {"help", "log", "x", "y"},
           {"log", "ada", "x", "--weight", "99999999999999999999"},
           {"report", "--limit", "-"},
           {"done"},
           {"edit"}}) {
    CAPTURE(args);
    Outcome o = box.kith(args);
    CHECK(o.code == 2);
    for (const char* words : {"required", "Could not convert", "not expected", "At Most", "args",
                              " name ", " who ", "Run with --help", "ParseError"}) {
      CAPTURE(words);
      CHECK(o.err.find(words) == std::string::npos);
    }
  }
}

TEST_CASE("after -- every word is an argument, wherever it stands", "[command-line]") {
  Sandbox box;
  seed(box);
  box.ok({"add", "--", "-dash"});
  CHECK(box.query("SELECT name FROM contacts WHERE id = 3") == "-dash");
  box.ok({"add", "Bob", "--", "--type"});
  CHECK(box.query("SELECT name FROM contacts WHERE id = 4") == "Bob --type");
  box.ok({"--", "add", "-x"});
  CHECK(box.query("SELECT name FROM contacts WHERE id = 5") == "-x");
  box.ok({"log", "ada", "--", "-x"});
  box.ok({"log", "--", "ada", "-y"});
  box.ok({"log", "ada", "--on", "yesterday", "--", "--gave"});
  box.ok({"log", "--weight", "2", "--", "ada", "--weight"});
  CHECK(box.query("SELECT summary || '|' || direction || '|' || weight FROM interactions "
                  "WHERE id > 1 ORDER BY id") ==
        "-x|mutual|1\n-y|mutual|1\n--gave|mutual|1\n--weight|mutual|2");
  box.ok({"remind", "--on", "friday", "--", "-z"});
  CHECK(box.query("SELECT text FROM reminders ORDER BY id DESC LIMIT 1") == "-z");
  CHECK(box.ok({"find", "--", "-dash"}).find("-dash") != std::string::npos);
  CHECK(box.ok({"show", "--", "-dash"}).find("-dash") != std::string::npos);
  CHECK(box.ok({"help", "--", "log"}) == box.ok({"log", "--help"}));
  // "--" ends the options only: the words after it are still counted.
  check_usage_error(box, {"show", "--", "ada", "rm"}, "rm", "show");
  check_usage_error(box, {"list", "--", "-x"}, "-x", "list");
}

TEST_CASE("a value may start with dashes and a digit, or follow '='", "[command-line]") {
  Sandbox box;
  seed(box);
  box.ok({"add", "Eve", "--birthday", "--12-24"});
  CHECK(box.query("SELECT birthday FROM contacts WHERE name = 'Eve'") == "--12-24");
  box.ok({"log", "ada", "Lunch", "--on", "-3d", "--next", "1d", "Call"});
  CHECK(box.query("SELECT day FROM interactions ORDER BY id DESC LIMIT 1") == "2026-11-19");
  Outcome o = box.kith({"log", "ada", "Lunch", "--next", "-1d", "Call"});
  CHECK(o.code == 2);
  CHECK(o.err == "kith: --next 2026-11-21 is in the past (today is 2026-11-22)\n");
  box.ok({"add", "Bob", "--note=-important-", "--org=", "--title", ""});
  CHECK(box.query("SELECT note FROM contacts WHERE name = 'Bob'") == "-important-");
  box.ok({"history", "-n1"});
  box.ok({"reminders", "-a"});
  box.ok({"find", "Lunch", "-n", "3"});
}

TEST_CASE("kith help COMMAND prints exactly what kith COMMAND --help prints", "[command-line]") {
  Sandbox box;  // no database: help never opens one
  std::set<std::string> commands = listed_commands(box);
  CHECK(commands.count("help") == 1);
  CHECK(commands.count("log") == 1);
  for (const std::string& command : commands) {
    CAPTURE(command);
    Outcome help = box.kith({"help", command});
    Outcome flag = box.kith({command, "--help"});
    CHECK(help.code == 0);
    CHECK(flag.code == 0);
    CHECK(help.err.empty());
    CHECK(help.out == flag.out);
    CHECK(help.out.find("Usage: kith " + command) != std::string::npos);
    CHECK(box.kith({command, "-h"}).out == flag.out);
  }
  CHECK(box.kith({"help"}).out == box.kith({"--help"}).out);
  CHECK(box.kith({"help", "types", "set"}).out == box.kith({"types", "set", "--help"}).out);
  CHECK(box.kith({"help", "ls"}).out == box.kith({"list", "--help"}).out);
  CHECK_FALSE(fs::exists(box.db()));
}

TEST_CASE("help names arguments as the usage does, and wins over a mistake", "[command-line]") {
  Sandbox box;
  std::string log = box.ok({"log", "--help"});
  CHECK(log.find("Usage: kith log [OPTIONS] WHO... SUMMARY\n") != std::string::npos);
  CHECK(log.find("args") == std::string::npos);
  CHECK(box.ok({"history", "--help"}).find("Usage: kith history [OPTIONS] [WHO]\n") !=
        std::string::npos);
  CHECK(box.ok({"--help"}).find("Usage: kith [OPTIONS] [COMMAND]\n") != std::string::npos);
  CHECK(box.ok({"log", "ada", "--wieght", "--help"}) == log);
  CHECK(box.ok({"log", "--on", "--help"}) == log);
  CHECK(box.ok({"--version"}).rfind("kith ", 0) == 0);
  CHECK(box.ok({"-V"}) == box.ok({"--version"}));
  CHECK(box.ok({"log", "--version"}) == box.ok({"--version"}));
  CHECK_FALSE(fs::exists(box.db()));
}

TEST_CASE("an id is the same written 12 or #12, and #12 is never a name", "[command-line][who]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"show", "#1"}) == box.ok({"show", "1"}));
  CHECK(box.ok({"show", "#2"}).find("Grace Hopper") != std::string::npos);
  box.ok({"log", "#1", "#2", "Panel prep"});
  CHECK(box.query("SELECT count(*) FROM interaction_people") == "3");
  box.ok({"edit", "#1", "--org", "Analytical Engines"});
  CHECK(box.query("SELECT org FROM contacts WHERE id = 1") == "Analytical Engines");
  box.ok({"done", "#1"});
  box.ok({"add", "#9"});  // a name that looks like an id
  Outcome o = box.kith({"show", "#9"});
  CHECK(o.code == 3);
  CHECK(o.err == "kith: no contact has the id #9\n");
  CHECK(box.ok({"show", "3"}).find("#9") != std::string::npos);
}

TEST_CASE("a number that is one contact's id and another's name is ambiguous",
          "[command-line][who]") {
  Sandbox box;
  seed(box);
  box.ok({"add", "Katherine Johnson"});  // #3
  box.ok({"add", "3"});                  // #4, named "3"
  std::string before = box.dump();
  Outcome o = box.kith({"rm", "3", "--yes"});
  CHECK(o.code == 3);
  CHECK(o.out.empty());
  CHECK(o.err ==
        "kith: '3' matches 2 contacts: Katherine Johnson (#3), 3 (#4); write #3 for the id\n");
  CHECK(box.dump() == before);
  CHECK(box.kith({"show", "3"}).code == 3);
  box.ok({"rm", "#3", "--yes"});
  CHECK(box.query("SELECT group_concat(name, '|') FROM contacts") == "Ada Lovelace|Grace Hopper|3");
  CHECK(box.ok({"show", "3"}).rfind("3  #4", 0) == 0);
}

TEST_CASE("output that cannot be written is exit 4 with one line", "[command-line][output]") {
  Sandbox box;
  seed(box);
  const std::string full = "No space left on device";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"list"},
                                             {"show", "ada"},
                                             {"--help"},
                                             {"log", "--help"},
                                             {"types"},
                                             {"--json", "list"}}) {
    CAPTURE(args);
    std::string before = box.dump();
    Outcome o = run_redirected(box, args, ">/dev/full");
    CHECK(o.code == 4);
    CHECK(o.err == "kith: cannot write the output: " + full + "\n");
    CHECK(box.dump() == before);
  }
  Outcome version = run_process({"/bin/sh", "-c", "exec \"$0\" --version >/dev/full", KITH_BINARY},
                                {{"PATH", "/usr/bin:/bin"}, {"LC_ALL", "C"}});
  CHECK(version.code == 4);
  CHECK(version.err == "kith: cannot write the output: " + full + "\n");

  SECTION("longer than stdio's buffer, the write fails midway") {
    fs::path many = box.dir() / "many.json";
    write_file(many, many_contacts(300));
    box.ok({"import", many.string()});
    Outcome o = run_redirected(box, {"list"}, ">/dev/full");
    CHECK(o.code == 4);
    CHECK(o.err == "kith: cannot write the output: " + full + "\n");
  }
  SECTION("a change is made, and its report cannot be written") {
    Outcome o = run_redirected(box, {"add", "Zed"}, ">/dev/full");
    CHECK(o.code == 4);
    CHECK(o.err == "kith: cannot write the output: " + full + "\n");
    CHECK(box.query("SELECT count(*) FROM contacts WHERE name = 'Zed'") == "1");
  }
  SECTION("a closed stdout") {
    Outcome o = run_redirected(box, {"add", "Zed"}, ">&-");
    CHECK(o.code == 4);
    CHECK(o.err == "kith: cannot write the output: Bad file descriptor\n");
    CHECK(box.query("PRAGMA integrity_check") == "ok");
    CHECK(box.query("SELECT count(*) FROM contacts WHERE name = 'Zed'") == "1");
    CHECK(run_redirected(box, {"report", "--quiet"}, ">&-").code == 0);  // printed nothing
  }
  SECTION("an export to a full stdout") {
    Outcome o = run_redirected(box, {"export"}, ">/dev/full");
    CHECK(o.code == 4);
    CHECK(line_count(o.err) == 1);
  }
}

TEST_CASE("an error message that cannot be written never crashes kith", "[command-line][output]") {
  Sandbox box;
  seed(box);
  for (const std::string& redirection : {"2>/dev/full", "2>&-"}) {
    CAPTURE(redirection);
    CHECK(run_redirected(box, {"show", "nobodyzz"}, redirection).code == 3);
    CHECK(run_redirected(box, {"lsit"}, redirection).code == 2);
    CHECK(run_redirected(box, {"log", "ada", "x", "--weight", "9"}, redirection).code == 2);
    Outcome ok = run_redirected(box, {"list"}, redirection);
    CHECK(ok.code == 0);
    CHECK(ok.out.find("Grace Hopper") != std::string::npos);
    Sandbox fresh;  // the "no database yet" note cannot be written either
    CHECK(run_redirected(fresh, {"list"}, redirection).code == 0);
  }
}

TEST_CASE("a pipe whose reader has gone ends kith quietly with 141", "[command-line][output]") {
  Sandbox box;
  seed(box);
  fs::path many = box.dir() / "many.json";
  write_file(many, many_contacts(300));
  box.ok({"import", many.string()});
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"list"}, {"export"}, {"--json", "list"}, {"show", "grace"}, {"--help"}}) {
    CAPTURE(args);
    Outcome o = run_into_closed_pipe(box, args);
    CHECK(o.code == 141);
    CHECK(o.err.empty());
  }
  // A command that fails before it writes still says why.
  Outcome o = run_into_closed_pipe(box, {"show", "nobodyzz"});
  CHECK(o.code == 3);
  CHECK(o.err == "kith: no contact matches 'nobodyzz'\n");
}

}  // namespace kith::test
