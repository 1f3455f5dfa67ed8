// End-to-end: kith sync --calendar DIR keeps one .ics file per event in a vdir, rewrites only
// what changed, removes kith's events whose source is gone, and leaves other files alone.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("sync --calendar writes one event per file and only what changed", "[sync]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace", "--birthday", "1990-12-10"});
  box.ok({"remind", "ada", "Send the paper", "--on", "friday", "--promise"});
  box.ok({"remind", "Water the plants", "--on", "today", "--every", "1w"});
  const fs::path cal = box.dir() / "calendar";
  const std::string ada = box.query("SELECT uuid FROM contacts");
  const std::string paper = box.query("SELECT uuid FROM reminders WHERE id = 1");

  CHECK(box.ok({"sync", "--calendar", cal.string(), "--dry-run"}) ==
        "Dry run: calendar " + cal.string() +
            ": 3 events to write, 0 removed, 0 unchanged; nothing was written.\n");
  CHECK_FALSE(fs::exists(cal));
  CHECK(box.ok({"sync", "--calendar", cal.string()}) ==
        "Calendar " + cal.string() + ": 3 events written, 0 removed, 0 unchanged.\n");
  struct stat folder {};
  REQUIRE(::stat(cal.c_str(), &folder) == 0);
  CHECK((folder.st_mode & 0777) == 0700);
  const std::string birthday = ada + "-birthday@kith.ics";
  REQUIRE(fs::exists(cal / birthday));
  const std::string text = read_all(cal / birthday);
  CHECK(text.find("BEGIN:VCALENDAR\r\n") == 0);
  CHECK(text.find("UID:" + ada + "-birthday@kith\r\n") != std::string::npos);
  CHECK(text.find("RRULE:FREQ=YEARLY") != std::string::npos);
  const auto written = fs::last_write_time(cal / birthday);

  // Nothing changed: nothing is rewritten, whatever the clock says.
  box.env["SOURCE_DATE_EPOCH"] = "1900000000";
  CHECK(box.ok({"sync", "--calendar", cal.string()}) ==
        "Calendar " + cal.string() + ": 0 events written, 0 removed, 3 unchanged.\n");
  CHECK(fs::last_write_time(cal / birthday) == written);

  // A file vdirsyncer named, and a file that is not kith's: the first is updated in place,
  // the second never touched.
  fs::rename(cal / (paper + "@kith.ics"), cal / "server-name.ics");
  const std::string foreign =
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:lunch@phone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  std::ofstream(cal / "lunch.ics", std::ios::binary) << foreign;
  box.ok({"change", "1", "--text", "Send the paper and the slides"});
  CHECK(box.ok({"sync", "--calendar", cal.string()}) ==
        "Calendar " + cal.string() + ": 1 event written, 0 removed, 2 unchanged.\n");
  CHECK(read_all(cal / "server-name.ics").find("Send the paper and the slides") !=
        std::string::npos);

  // Done, cancelled or deleted: gone from the calendar.
  box.ok({"done", "1"});
  box.ok({"rm", "ada", "--yes"});
  json report = json::parse(box.ok({"--json", "sync", "--calendar", cal.string()}));
  CHECK(report["removed"] == 2);
  CHECK(report["unchanged"] == 1);
  CHECK(files_in(cal).size() == 2);
  CHECK(read_all(cal / "lunch.ics") == foreign);
  CHECK(box.query("SELECT count(*) FROM journal WHERE command = 'sync'") == "0");
}

TEST_CASE("sync --calendar into something that is no folder is one error naming it",
          "[sync][errors]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace", "--birthday", "1990-12-10"});
  const fs::path file = box.dir() / "plain";
  std::ofstream(file) << "x";
  Outcome o = box.kith({"sync", "--calendar", file.string()});
  CHECK(o.code == 4);
  CHECK(o.err == "kith: cannot sync the calendar into '" + file.string() + "': not a folder\n");
  Outcome missing = box.kith({"sync", "--calendar", (box.dir() / "no" / "cal").string()});
  CHECK(missing.code == 4);
  CHECK(missing.err.rfind("kith: cannot create the calendar folder '", 0) == 0);
  Outcome bare = box.kith({"sync"});
  CHECK(bare.code == 2);
  CHECK(bare.err.rfind(
            "kith: kith sync needs a folder: give one of DIR, --contacts DIR and --calendar DIR",
            0) == 0);
}

}  // namespace kith::test
