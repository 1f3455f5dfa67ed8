// End-to-end: kith among files that are not plain files, pipes and signals. Exports never
// replace the database, a FIFO or a device; imports read pipes, FIFOs and standard input
// once, without holding the database while they wait; Ctrl-C and SIGTERM cancel cleanly.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"
#include "formats/fixtures.hpp"

namespace kith::test {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The names in a folder, sorted, joined by spaces.
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

bool names_a_fifo(const fs::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool names_a_character_device(const fs::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

// A database with a few records of every kind.
void seed(Sandbox& box) {
  box.env["SOURCE_DATE_EPOCH"] = "1795381391";
  box.ok({"import", fixture_path("network.json")});
}

// A uuid made from a number, the same every run.
std::string uuid(int kind, int n) {
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4000-8000-%012x", n, kind, n);
  return text;
}

// A kith JSON document of `people` contacts and `talks` interactions, each with two people:
// large enough that importing it takes a while.
std::string large_export(int people, int talks) {
  const std::string stamp =
      "\"created_at\":\"2026-01-01T00:00:00.000Z\","
      "\"updated_at\":\"2026-01-01T00:00:00.000Z\"";
  std::string doc = "{\"format\":\"kith\",\"version\":1,\"types\":[],\"contacts\":[\n";
  for (int i = 0; i < people; ++i) {
    doc += (i ? ",\n" : "") + std::string("{\"uuid\":\"") + uuid(1, i) + "\",\"name\":\"Person " +
           std::to_string(i) + "\",\"added_on\":\"2026-01-01\",\"note\":\"Met at conference " +
           std::to_string(i % 97) + "\"," + stamp + "}";
  }
  doc += "],\"interactions\":[\n";
  for (int i = 0; i < talks; ++i) {
    doc += (i ? ",\n" : "") + std::string("{\"uuid\":\"") + uuid(2, i) +
           "\",\"day\":\"2026-02-01\",\"summary\":\"Talked about topic " + std::to_string(i) +
           "\",\"people\":[\"" + uuid(1, i % people) + "\",\"" + uuid(1, (i * 7 + 1) % people) +
           "\"]," + stamp + "}";
  }
  return doc + "],\"reminders\":[]}\n";
}

}  // namespace

// --- export -o: the database and the files beside it, FIFOs, devices, links -------------------

TEST_CASE("export -o into a FIFO writes through it and leaves it a FIFO", "[pipes]") {
  Sandbox box;
  seed(box);
  fs::path fifo = box.dir() / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A reader that is already there (non-blocking, so that nothing waits if kith never opens
  // the FIFO): kith's open finds it, and the export fits in the pipe's buffer.
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  Outcome o = box.kith({"export", "-o", fifo.string(), "--format", "vcard"});
  std::string got(1 << 16, '\0');
  ssize_t n = ::read(reader, got.data(), got.size());
  ::close(reader);
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(names_a_fifo(fifo));
  got.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  CHECK(got == box.ok({"export", "--format", "vcard"}));
  CHECK(files_in(box.dir()) == "kith.db out.fifo");
}

TEST_CASE("export -o into a character device writes to it, and a failed write is an error",
          "[pipes]") {
  Sandbox box;
  seed(box);
  // As root, device nodes of our own (kith once renamed its file over /dev/full); else the
  // system's, which nobody else may replace.
  fs::path null_device = "/dev/null";
  fs::path full_device = "/dev/full";
  if (::geteuid() == 0) {
    null_device = box.dir() / "null";
    full_device = box.dir() / "full";
    int usable = -1;
    if (::mknod(null_device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0 ||
        ::mknod(full_device.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0 ||
        (usable = ::open(full_device.c_str(), O_WRONLY)) < 0) {
      WARN("skipped: cannot make device nodes here");
      return;
    }
    ::close(usable);
  }
  Outcome o = box.kith({"export", "-o", null_device.string()});
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(names_a_character_device(null_device));

  o = box.kith({"export", "-o", full_device.string()});
  CHECK(o.code == 4);
  CHECK(o.out.empty());
  CHECK(o.err == "kith: cannot write '" + full_device.string() + "': No space left on device\n");
  CHECK(names_a_character_device(full_device));
  for (const auto& entry : fs::directory_iterator(box.dir())) {
    CHECK(entry.path().filename().string().rfind(".", 0) != 0);  // no temporary file left
  }
}

TEST_CASE("export -o /dev/fd/1 writes to standard output as it is", "[pipes]") {
  Sandbox box;
  seed(box);
  Outcome o = box.kith({"export", "-o", "/dev/fd/1", "--format", "csv"});
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(o.out.rfind(box.ok({"export", "--format", "csv"}), 0) == 0);  // then the summary line
}

TEST_CASE("export -o through a symlink replaces its target atomically and keeps the link",
          "[pipes]") {
  Sandbox box;
  seed(box);
  fs::create_directory(box.dir() / "real");
  fs::path target = box.dir() / "real" / "backup.json";
  write_file(target, "old");
  fs::path link = box.dir() / "backup.json";
  fs::create_symlink("real/backup.json", link);
  box.ok({"export", "-o", link.string()});
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == "real/backup.json");
  CHECK(read_file(target) == box.ok({"export"}));
  CHECK(mode_of(target) == 0600);
  CHECK(files_in(box.dir() / "real") == "backup.json");

  // A link to a file that does not exist yet: the file is made where it points.
  fs::path dangling = box.dir() / "new.vcf";
  fs::create_symlink("real/new.vcf", dangling);
  box.ok({"export", "-o", dangling.string()});
  CHECK(fs::is_symlink(dangling));
  CHECK(read_file(box.dir() / "real" / "new.vcf") == box.ok({"export", "--format", "vcard"}));
  CHECK(files_in(box.dir() / "real") == "backup.json new.vcf");
}

// --- import: pipes, FIFOs and standard input ----------------------------------------------------

TEST_CASE("an import reads a pipe once: <(cat file), cat file | kith import /dev/stdin",
          "[pipes]") {
  Sandbox source;
  seed(source);
  const std::string doc = source.ok({"export"});
  fs::path file = source.dir() / "export.json";
  write_file(file, doc);

  Sandbox process_substitution;
  process_substitution.env["SOURCE_DATE_EPOCH"] = "1795381391";
  Outcome o = run_process({"/bin/bash", "-c", "\"$0\" --db \"$1\" import <(cat \"$2\")",
                           KITH_BINARY, process_substitution.db().string(), file.string()},
                          process_substitution.environment());
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(process_substitution.ok({"export"}) == doc);

  Sandbox piped;
  piped.env["SOURCE_DATE_EPOCH"] = "1795381391";
  o = run_process({"/bin/sh", "-c", "cat \"$2\" | \"$0\" --db \"$1\" import /dev/stdin",
                   KITH_BINARY, piped.db().string(), file.string()},
                  piped.environment());
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(piped.ok({"export"}) == doc);
}

TEST_CASE("import - reads standard input: json by default, any format with --format, dry runs",
          "[pipes]") {
  Sandbox source;
  seed(source);
  const std::string doc = source.ok({"export"});
  Sandbox box;
  box.env["SOURCE_DATE_EPOCH"] = "1795381391";
  box.env["TMPDIR"] = (box.dir() / "tmp").string();
  fs::create_directory(box.dir() / "tmp");

  Outcome dry = box.kith_with_input({"import", "-", "--dry-run"}, doc);
  INFO(dry.err);
  CHECK(dry.code == 0);
  CHECK(dry.out.rfind("Dry run: would import standard input (json); nothing was written.\n", 0) ==
        0);
  CHECK_FALSE(fs::exists(box.db()));

  // Sections out of kith's order take more than one pass over the input.
  json shuffled = json::parse(doc);
  json reordered = {{"reminders", shuffled["reminders"]},
                    {"interactions", shuffled["interactions"]},
                    {"contacts", shuffled["contacts"]},
                    {"types", shuffled["types"]},
                    {"version", 1},
                    {"format", "kith"}};
  Outcome o = box.kith_with_input({"--json", "import", "-"}, reordered.dump());
  INFO(o.err);
  REQUIRE(o.code == 0);
  json report = json::parse(o.out);
  CHECK(report["file"] == "-");
  CHECK(report["format"] == "json");
  CHECK(report["contacts"]["added"] == 4);
  CHECK(box.ok({"export"}) == doc);

  o = box.kith_with_input({"import", "-", "--format", "vcard"},
                          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Katherine Johnson\r\nEND:VCARD\r\n");
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(o.out.rfind("Imported standard input (vcard).\n", 0) == 0);
  CHECK(box.query("SELECT count(*) FROM contacts WHERE name = 'Katherine Johnson'") == "1");

  o = box.kith_with_input({"import", "-"},
                          "{\"format\": \"kith\", \"version\": 1, \"contacts\": [");
  CHECK(o.code == 4);
  CHECK(o.err ==
        "kith: standard input: not valid JSON at line 1, column 47: unexpected end of input; "
        "expected '[', '{', or a literal\n");
  // The copy of standard input had no name and is gone.
  CHECK(files_in(box.dir() / "tmp").empty());
}

TEST_CASE("an import from standard input holds no more of it in memory than from a file",
          "[pipes]") {
  // 320 contacts with notes of 60 KiB: a 19 MB document of few records.
  const std::string note(60 * 1024, 'n');
  std::string doc = "{\"format\":\"kith\",\"version\":1,\"contacts\":[\n";
  for (int i = 0; i < 320; ++i) {
    doc += (i ? ",\n" : "") + std::string("{\"uuid\":\"") + uuid(1, i) + "\",\"name\":\"P" +
           std::to_string(i) + "\",\"added_on\":\"2026-01-01\",\"note\":\"" + note +
           "\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":"
           "\"2026-01-01T00:00:00.000Z\"}";
  }
  doc += "]}\n";
  Sandbox from_file;
  fs::path file = from_file.dir() / "big.json";
  write_file(file, doc);
  Outcome read_file_outcome = from_file.kith({"import", file.string()});
  REQUIRE(read_file_outcome.code == 0);
  Sandbox from_stdin;
  Outcome read_stdin = from_stdin.kith_with_input({"import", "-"}, doc);
  INFO(read_stdin.err);
  REQUIRE(read_stdin.code == 0);
  CHECK(from_stdin.query("SELECT count(*) FROM contacts") == "320");
  CAPTURE(read_file_outcome.max_rss_kib, read_stdin.max_rss_kib);
  CHECK(read_stdin.max_rss_kib <
        read_file_outcome.max_rss_kib + static_cast<long>(doc.size() / 1024 / 4));
}

TEST_CASE("an import waiting on a FIFO holds no lock: other writers go on meanwhile", "[pipes]") {
  Sandbox source;
  seed(source);
  const std::string doc = source.ok({"export"});
  Sandbox box;
  box.ok({"add", "Early Bird"});
  fs::path fifo = box.dir() / "in.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Background import(box.argv({"import", fifo.string()}), box.environment());
  // Once kith waits on the FIFO, a writer's non-blocking open succeeds: the writer end.
  int writer = -1;
  REQUIRE(eventually([&] {
    writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    return writer >= 0;
  }));
  Outcome add = box.kith({"add", "Meanwhile"});
  CHECK(add.err.empty());
  CHECK(add.code == 0);
  CHECK(import.running());
  ::fcntl(writer, F_SETFL, 0);  // blocking again: write the whole document
  CHECK(::write(writer, doc.data(), doc.size()) == static_cast<ssize_t>(doc.size()));
  ::close(writer);
  Outcome o = import.wait(30);
  INFO(o.err);
  CHECK(o.code == 0);
  CHECK(box.query("SELECT count(*) FROM contacts") == "6");
}

TEST_CASE("an import of /dev/zero ends at once as a bad file", "[pipes]") {
  Sandbox box;
  Background import(box.argv({"import", "/dev/zero", "--format", "vcard"}), box.environment());
  Outcome o = import.wait(20);
  CHECK(o.code == 4);
  CHECK(o.err == "kith: /dev/zero: line 1: binary data (a NUL byte), not a vCard\n");
}

// --- Ctrl-C and SIGTERM ---------------------------------------------------------------------

TEST_CASE("Ctrl-C or SIGTERM during an import rolls it back, removes the lock and says so",
          "[signals]") {
  // Large enough to be importing still when the signal comes, whatever the machine.
  const std::string doc = large_export(30'000, 60'000);
  for (int signal : {SIGINT, SIGTERM}) {
    CAPTURE(signal);
    Sandbox box;
    box.ok({"add", "Ada Lovelace", "--note", "kept"});
    const std::string before = box.dump();
    fs::path file = box.dir() / "large.json";
    write_file(file, doc);
    fs::path lock = box.db().string() + "-lock";
    Background import(box.argv({"import", file.string()}), box.environment());
    // The writers' lock file exists while the import's transaction is open.
    REQUIRE(eventually([&] { return fs::exists(lock) || !import.running(); }));
    import.signal(signal);
    Outcome o = import.wait(60);
    CHECK(o.code == 128 + signal);
    CHECK(o.err == "kith: cancelled; nothing was changed\n");
    CHECK(o.out.empty());
    CHECK_FALSE(fs::exists(lock));
    CHECK(box.dump() == before);
    CHECK(box.query("PRAGMA integrity_check") == "ok");
    box.ok({"add", "Grace Hopper"});  // and the next write works
  }
}

TEST_CASE("Ctrl-C while an import waits for its input cancels it", "[signals]") {
  Sandbox box;
  box.ok({"add", "Ada Lovelace"});
  const std::string before = box.dump();
  fs::path fifo = box.dir() / "in.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Background import(box.argv({"import", fifo.string()}), box.environment());
  int writer = -1;
  REQUIRE(eventually([&] {
    writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    return writer >= 0;
  }));
  import.signal(SIGINT);
  Outcome o = import.wait(30);
  ::close(writer);
  CHECK(o.code == 130);
  CHECK(o.err == "kith: cancelled; nothing was changed\n");
  CHECK(box.dump() == before);
  CHECK_FALSE(fs::exists(box.db().string() + "-lock"));
}

}  // namespace kith::test
