// End-to-end: kith in a hostile environment. Folders and files it may not write, damaged
// files, a full disk. Each fault gives exit 5 (or works, for reads that can), one line on
// stderr, no crash, and a database exactly as it was.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

constexpr uid_t kNobody = 65534;

// The names in the sandbox folder, sorted, joined by spaces.
std::string files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

// Runs kith on the sandbox's database as a user that file permissions apply to: the current
// one, or nobody when the tests run as root (root ignores permissions). Files the test
// creates are handed to that user with give_away().
Outcome as_user(const Sandbox& box, std::vector<std::string> args) {
  std::vector<std::string> argv;
  if (::geteuid() == 0) {
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  argv.push_back(KITH_BINARY);
  argv.insert(argv.end(), {"--db", box.db().string(), "--today", box.today});
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {{"PATH", "/usr/bin:/bin"}});
}

void give_away(const fs::path& path) {
  if (::geteuid() == 0) REQUIRE(::chown(path.c_str(), kNobody, kNobody) == 0);
}

void set_mode(const fs::path& path, mode_t mode) { REQUIRE(::chmod(path.c_str(), mode) == 0); }

void check_failed_cleanly(const Outcome& o, int code, const std::string& names) {
  INFO("stderr: " << o.err);
  CHECK(o.code == code);
  CHECK(o.out.empty());
  CHECK(line_count(o.err) == 1);
  CHECK(o.err.find(names) != std::string::npos);
}

// A database of 12 people with long notes, so that its tables span several pages.
void seed_pages(const Sandbox& box) {
  for (int i = 1; i <= 12; ++i) {
    box.ok({"add", "Person " + std::to_string(i), "--type", "peer", "--note",
            std::string(1000, 'n') + std::to_string(i)});
  }
  box.ok({"log", "person 1", "person 2", "Lunch", "--on", "2026-11-20", "--gave"});
  box.ok({"remind", "person 3", "Send the paper", "--on", "friday"});
}

// Commands that read and write every kind of record.
const std::vector<std::vector<std::string>> kEveryKind = {
    {"list"},
    {"show", "person 2"},
    {"report"},
    {"history"},
    {"find", "nnn*"},
    {"add", "Newcomer"},
    {"log", "person 3", "Coffee"},
    {"remind", "person 4", "Call", "--on", "friday"},
    {"done", "1"},
    {"edit", "person 5", "--org", "Acme"},
    {"rm", "person 6", "--yes"},
};

}  // namespace

TEST_CASE("a database whose folder is not writable can be read but not written", "[faults]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  give_away(box.dir());
  give_away(box.db());
  set_mode(box.dir(), 0500);
  std::string bytes = read_file(box.db());

  Outcome list = as_user(box, {"list"});
  INFO(list.err);
  CHECK(list.code == 0);
  CHECK(list.out.find("Ada") != std::string::npos);
  check_failed_cleanly(
      as_user(box, {"add", "Grace"}), 5,
      "cannot be written: its folder '" + box.dir().string() + "' is not writable");
  set_mode(box.dir(), 0700);
  CHECK(read_file(box.db()) == bytes);
  CHECK(files_in(box.dir()) == "kith.db");
}

TEST_CASE(
    "a read-only database can be read, leaves nothing behind, and takes writes again "
    "once writable",
    "[faults]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  give_away(box.dir());
  give_away(box.db());
  set_mode(box.db(), 0400);
  std::string bytes = read_file(box.db());

  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"report"}, {"find", "ada"}}) {
    CAPTURE(args);
    Outcome o = as_user(box, args);
    INFO(o.err);
    CHECK(o.code == 0);
  }
  check_failed_cleanly(as_user(box, {"add", "Grace"}), 5, "is read-only");
  CHECK(read_file(box.db()) == bytes);
  // SQLite would leave a 0400 -shm here, and every later write would fail.
  CHECK(files_in(box.dir()) == "kith.db");

  set_mode(box.db(), 0600);
  Outcome add = as_user(box, {"add", "Grace"});
  INFO(add.err);
  CHECK(add.code == 0);
}

// With committed changes in its -wal, no -shm and a folder it may not write, kith used to read
// the database as immutable, which ignores the WAL: it showed the state from before the last
// commit, and exited 0 (found by an outside campaign).
TEST_CASE("a database whose latest changes kith cannot read is refused, never shown stale",
          "[faults]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  fs::path copy_dir = box.dir() / "copy";
  fs::create_directory(copy_dir);
  {
    // A connection of the test's own keeps kith from checkpointing when it closes, so that
    // Grace stays in the -wal, committed.
    SQLite::Database keeper(box.db().string(), SQLite::OPEN_READONLY);
    keeper.exec("BEGIN");
    keeper.execAndGet("SELECT count(*) FROM contacts");
    keeper.exec("COMMIT");
    box.ok({"add", "Grace"});
    REQUIRE(fs::file_size(box.db().string() + "-wal") > 0);
    fs::copy_file(box.db(), copy_dir / "kith.db");
    fs::copy_file(box.db().string() + "-wal", copy_dir / "kith.db-wal");
  }
  for (const auto& entry : fs::directory_iterator(copy_dir)) give_away(entry.path());
  give_away(box.dir());
  give_away(copy_dir);
  set_mode(copy_dir, 0500);
  std::vector<std::string> argv;
  if (::geteuid() == 0) {
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  argv.insert(argv.end(),
              {KITH_BINARY, "--db", (copy_dir / "kith.db").string(), "--today", box.today, "list"});
  Outcome list = run_process(argv, {{"PATH", "/usr/bin:/bin"}});
  set_mode(copy_dir, 0700);
  INFO("stdout: " << list.out);
  if (list.code == 0) {
    CHECK(list.out.find("Grace") != std::string::npos);  // the committed state, or nothing
  } else {
    check_failed_cleanly(list, 5, "its latest changes are in");
  }
  CHECK(files_in(copy_dir) == "kith.db kith.db-wal");
}

TEST_CASE("a database in a folder kith may not enter is an error, not a missing database",
          "[faults]") {
  Sandbox box;
  box.ok({"add", "Ada"});
  give_away(box.dir());
  give_away(box.db());
  set_mode(box.dir(), 0000);
  // Saying "no database yet" here would make a cron report print nothing, silently.
  for (auto args : std::vector<std::vector<std::string>>{{"list"}, {"report"}, {"add", "X"}}) {
    CAPTURE(args);
    check_failed_cleanly(as_user(box, args), 5, "cannot be accessed: Permission denied");
  }
  set_mode(box.dir(), 0700);
  CHECK(box.query("SELECT name FROM contacts") == "Ada");
}

TEST_CASE("a truncated or damaged database is refused by every command and left untouched",
          "[faults]") {
  Sandbox box;
  seed_pages(box);
  const std::string good = read_file(box.db());
  const auto page = [&](const char* table) {
    return std::stoul(
        box.query(std::string("SELECT rootpage FROM sqlite_schema WHERE name = '") + table + "'"));
  };
  const std::size_t page_size = std::stoul(box.query("PRAGMA page_size"));
  // Bytes that are no valid b-tree page, the same every run.
  const auto scribble = [](std::string bytes, std::size_t at, std::size_t length) {
    for (std::size_t i = 0; i < length && at + i < bytes.size(); ++i) {
      bytes[at + i] = static_cast<char>((i * 37 + 11) % 256);
    }
    return bytes;
  };
  struct Damage {
    std::string label;
    std::string bytes;
    std::vector<std::vector<std::string>> commands;  // the commands that must notice
  };
  // Damage to one table is noticed by the commands that read it; history, find and done do
  // not read the per-person summary, and report reads only its due index when nobody is due
  // (they may then work, rightly).
  std::vector<std::vector<std::string>> reading_summary;
  for (const auto& args : kEveryKind) {
    if (args[0] != "history" && args[0] != "find" && args[0] != "done" && args[0] != "report") {
      reading_summary.push_back(args);
    }
  }
  const std::vector<Damage> damaged = {
      {"cut in half", good.substr(0, good.size() / 2), kEveryKind},
      {"schema page scribbled over", scribble(good, 100, page_size - 100), kEveryKind},
      {"contacts page scribbled over",
       scribble(good, (page("contacts") - 1) * page_size, page_size), kEveryKind},
      {"summary page scribbled over",
       scribble(good, (page("contact_stats") - 1) * page_size, page_size), reading_summary},
  };
  for (const auto& damage : damaged) {
    CAPTURE(damage.label);
    {
      std::ofstream out(box.db(), std::ios::binary | std::ios::trunc);
      out << damage.bytes;
    }
    for (const auto& args : damage.commands) {
      CAPTURE(args);
      check_failed_cleanly(box.kith(args), 5, "is damaged");
    }
    CHECK(read_file(box.db()) == damage.bytes);
    CHECK(files_in(box.dir()) == "kith.db");
  }
}

// The disk filling up is simulated with a file size limit (RLIMIT_FSIZE, through prlimit):
// no mount needed, no root. Writes past the limit fail with EFBIG, as they would with ENOSPC.
TEST_CASE("a write that runs out of room fails cleanly and leaves the database as it was",
          "[faults]") {
  if (!fs::exists("/usr/bin/prlimit")) {
    WARN("skipped: /usr/bin/prlimit (util-linux) is missing");
    return;
  }
  Sandbox box;
  seed_pages(box);
  const std::string before = box.dump();
  const std::string big(60 * 1024, 'z');
  // 16 KiB is room for the WAL's first few pages, not for a transaction of 60 KiB.
  auto limited = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = {"/bin/sh",
                                     "-c",
                                     "trap '' XFSZ; exec /usr/bin/prlimit --fsize=16384 -- \"$@\"",
                                     "sh",
                                     KITH_BINARY,
                                     "--db",
                                     box.db().string(),
                                     "--today",
                                     box.today};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {{"PATH", "/usr/bin:/bin"}});
  };
  for (auto args : std::vector<std::vector<std::string>>{
           {"add", "Newcomer", "--note", big},
           {"log", "person 1", "person 2", "person 3", big, "--gave"},
           {"remind", "person 4", big, "--on", "friday"},
           {"edit", "person 5", "--learn", big}}) {
    CAPTURE(args[0]);
    check_failed_cleanly(limited(args), 5, "cannot grow: the file size limit is reached");
    CHECK(box.dump() == before);
  }
  CHECK(box.query("PRAGMA integrity_check") == "ok");
  box.ok({"add", "Newcomer", "--note", big});
  CHECK(box.query("SELECT count(*) FROM contacts") == "13");
}

// A file size limit (ulimit -f) without the shell ignoring SIGXFSZ for kith: kith ignores it
// itself and says what happened, for every kind of write.
TEST_CASE("a file size limit is an error kith names, never a silent death", "[faults]") {
  if (!fs::exists("/usr/bin/prlimit")) {
    WARN("skipped: /usr/bin/prlimit (util-linux) is missing");
    return;
  }
  Sandbox box;
  seed_pages(box);
  const std::string before = box.dump();
  auto limited = [&](const std::string& size, std::vector<std::string> args) {
    std::vector<std::string> argv = {
        "/usr/bin/prlimit", "--fsize=" + size, "--",     KITH_BINARY, "--db",
        box.db().string(),  "--today",         box.today};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {{"PATH", "/usr/bin:/bin"}});
  };
  // An import of 300 people with notes of 1 KiB: a bulk load, which spills pages as it goes.
  std::string doc = box.ok({"export"});
  json all = json::parse(doc);
  json contact = all["contacts"][0];
  for (int i = 0; i < 300; ++i) {
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "%08x-0000-4000-8000-%012x", i, i);
    contact["uuid"] = uuid;
    contact["name"] = "Imported " + std::to_string(i);
    all["contacts"].push_back(contact);
  }
  fs::path file = box.dir() / "many.json";
  write_file(file, all.dump());
  const std::vector<std::pair<std::string, std::vector<std::string>>> writes = {
      {"16384", {"add", "Newcomer", "--note", std::string(60 * 1024, 'z')}},
      {"16384", {"log", "person 1", "person 2", std::string(60 * 1024, 'z')}},
      {"300000", {"import", file.string()}},
  };
  for (const auto& [size, args] : writes) {
    CAPTURE(args[0]);
    check_failed_cleanly(
        limited(size, args), 5,
        "database '" + box.db().string() + "' cannot grow: the file size limit is reached");
    CHECK(box.dump() == before);
  }
  CHECK(box.query("PRAGMA integrity_check") == "ok");
  box.ok({"import", file.string()});

  // The export's own file (now 330 KB): an exit-4 line naming it, and no part of it left
  // behind. 48 KiB is room for SQLite's -shm (32 KiB), not for the export.
  fs::path out = box.dir() / "out.json";
  check_failed_cleanly(
      limited("49152", {"export", "-o", out.string()}), 4,
      "cannot write '" + out.string() + "': the file size limit is reached (File too large)");
  CHECK_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(box.dir())) {
    CHECK(entry.path().filename().string().rfind(".out.json", 0) != 0);
  }
}

TEST_CASE("an export that fails partway says the output is incomplete, and -o leaves nothing",
          "[faults]") {
  Sandbox box;
  seed_pages(box);
  std::string bytes = read_file(box.db());
  const std::size_t page_size = std::stoul(box.query("PRAGMA page_size"));
  const std::size_t contacts =
      std::stoul(box.query("SELECT rootpage FROM sqlite_schema WHERE name = 'contacts'"));
  // The contacts table scribbled over: the export writes its header and the types first.
  for (std::size_t i = 0; i < page_size; ++i) {
    bytes[(contacts - 1) * page_size + i] = static_cast<char>((i * 37 + 11) % 256);
  }
  write_file(box.db(), bytes);
  Outcome o = box.kith({"export"});
  INFO(o.err);
  CHECK(o.code == 5);
  CHECK_FALSE(o.out.empty());
  CHECK(line_count(o.err) == 1);
  CHECK(o.err.rfind(
            "kith: the export is incomplete: database '" + box.db().string() + "' is damaged", 0) ==
        0);

  fs::path out = box.dir() / "backup.json";
  o = box.kith({"export", "-o", out.string()});
  check_failed_cleanly(o, 5, "database '" + box.db().string() + "' is damaged");
  CHECK(o.err.find("incomplete") == std::string::npos);  // there is no part of it anywhere
  CHECK(files_in(box.dir()) == "kith.db");
  CHECK(read_file(box.db()) == bytes);
}

TEST_CASE("odd but usable HOME and XDG_DATA_HOME values place the database as documented",
          "[faults]") {
  Sandbox box;
  fs::path home = box.dir() / "home with spaces ü";
  box.env = {{"HOME", home.string()}, {"XDG_DATA_HOME", ""}};
  CHECK(box.raw({"--today", "2026-11-22", "add", "A"}).code == 0);
  CHECK(fs::exists(home / ".local" / "share" / "kith" / "kith.db"));

  fs::path xdg = box.dir() / "xdg";
  box.env = {{"HOME", "relative"}, {"XDG_DATA_HOME", xdg.string() + "/"}};
  CHECK(box.raw({"--today", "2026-11-22", "add", "B"}).code == 0);
  CHECK(fs::exists(xdg / "kith" / "kith.db"));

  // KITH_DB set but empty counts as unset, like the XDG variables.
  box.env = {{"HOME", home.string()}, {"KITH_DB", ""}};
  Outcome o = box.raw({"--today", "2026-11-22", "list"});
  CHECK(o.code == 0);
  CHECK(o.out.find("A") != std::string::npos);
}

}  // namespace kith::test
