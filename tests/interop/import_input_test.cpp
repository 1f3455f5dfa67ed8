// An import's input: read once, the same bytes on every pass, from files, FIFOs and standard
// input, with nothing left behind.
#include "interop/import_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "kith/cancel.hpp"

namespace kith {
namespace fs = std::filesystem;
namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "kith-input-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    path = fs::canonical(pattern);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  bool empty() const { return fs::is_empty(path); }
};

// What one pass over the input reads.
std::string pass(const ImportInput& input) {
  auto stream = input.source()();
  REQUIRE(stream);
  std::ostringstream bytes;
  bytes << (*stream)->rdbuf();
  return bytes.str();
}

void write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    REQUIRE(n > 0);
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

TEST_CASE("the import format follows the extension, and standard input is json",
          "[interop][input]") {
  CHECK(guess_import_format("contacts.vcf") == ImportFormat::vcard);
  CHECK(guess_import_format("contacts.vcard") == ImportFormat::vcard);
  CHECK(guess_import_format("Connections.csv") == ImportFormat::linkedin);
  CHECK(guess_import_format("backup.json") == ImportFormat::json);
  CHECK(guess_import_format("backup") == ImportFormat::json);
  CHECK(guess_import_format("-") == ImportFormat::json);
}

TEST_CASE("a file is read in place, every pass the bytes it had when opened", "[interop][input]") {
  Folder folder;
  Folder spool;
  fs::path file = folder.path / "in.json";
  std::ofstream(file) << "first bytes";
  auto input = ImportInput::open(file.string(), spool.path, folder.path / "kith.db");
  REQUIRE(input);
  CHECK_FALSE(input->spooled());
  CHECK(input->name() == file.string());
  std::ofstream(file, std::ios::app) << " and more";
  CHECK(pass(*input) == "first bytes");
  CHECK(pass(*input) == "first bytes");
  CHECK(spool.empty());
}

TEST_CASE("a FIFO is read to its end once, into a file with no name", "[interop][input]") {
  Folder folder;
  Folder spool;
  fs::path fifo = folder.path / "in.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += "line " + std::to_string(i) + "\n";  // 200 KB
  std::thread writer([&] {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    write_all(fd, bytes);
    ::close(fd);
  });
  auto input = ImportInput::open(fifo.string(), spool.path, folder.path / "kith.db");
  writer.join();
  REQUIRE(input);
  CHECK(input->spooled());
  CHECK(spool.empty());  // no name, ever
  CHECK(pass(*input) == bytes);
  CHECK(pass(*input) == bytes);
}

TEST_CASE("standard input is read from a pipe once, or in place from a file", "[interop][input]") {
  Folder folder;
  Folder spool;
  int saved = ::dup(STDIN_FILENO);
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  ::dup2(ends[0], STDIN_FILENO);
  ::close(ends[0]);
  write_all(ends[1], "{\"from\": \"a pipe\"}");
  ::close(ends[1]);
  auto piped = ImportInput::open("-", spool.path, folder.path / "kith.db");

  fs::path file = folder.path / "stdin.json";
  std::ofstream(file) << "skipped|the rest";
  int fd = ::open(file.c_str(), O_RDONLY);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  ::lseek(STDIN_FILENO, 8, SEEK_SET);  // a shell that read part of it already
  auto redirected = ImportInput::open("-", spool.path, folder.path / "kith.db");
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);

  REQUIRE(piped);
  CHECK(piped->name() == "standard input");
  CHECK(piped->spooled());
  CHECK(pass(*piped) == "{\"from\": \"a pipe\"}");
  REQUIRE(redirected);
  CHECK_FALSE(redirected->spooled());
  CHECK(pass(*redirected) == "the rest");
  CHECK(pass(*redirected) == "the rest");
}

TEST_CASE("copying stops after a NUL byte, which no format accepts", "[interop][input]") {
  Folder spool;
  auto input = ImportInput::open("/dev/zero", spool.path, spool.path / "kith.db");
  REQUIRE(input);
  std::string bytes = pass(*input);
  CHECK(!bytes.empty());
  CHECK(bytes.size() <= 64 * 1024);
}

TEST_CASE("an input that is kith's, a folder or missing is refused, naming it",
          "[interop][input]") {
  Folder folder;
  fs::path db = folder.path / "kith.db";
  std::ofstream(db) << "SQLite format 3";
  std::ofstream(folder.path / "kith.db-wal") << "wal";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {db.string(), ": cannot import it: it is kith's own database"},
      {(folder.path / "kith.db-wal").string(),
       ": cannot import it: it is a file kith keeps beside its database"},
      {folder.path.string(), ": cannot read it: it is a folder"},
      {(folder.path / "missing.json").string(), ": cannot read it: No such file or directory"},
  };
  for (const auto& [file, problem] : cases) {
    CAPTURE(file);
    auto input = ImportInput::open(file, folder.path, db);
    REQUIRE_FALSE(input);
    CHECK(input.error().code == Errc::bad_file);
    CHECK(input.error().message == file + problem);
  }
  auto input = ImportInput::open("x.json", folder.path / "no such folder", db);
  CHECK_FALSE(input);  // a missing file, before any spool
}

TEST_CASE("a cancel stops the wait for more input", "[interop][input]") {
  Folder folder;
  fs::path fifo = folder.path / "in.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  int writer = -1;
  std::thread opener([&] { writer = ::open(fifo.c_str(), O_WRONLY); });
  std::thread canceller([&] {
    opener.join();
    write_all(writer, "{\"format\":");  // then nothing more, and no end
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    request_cancel();
  });
  auto input = ImportInput::open(fifo.string(), folder.path, folder.path / "kith.db");
  canceller.join();
  ::close(writer);
  reset_cancel();
  REQUIRE_FALSE(input);
  CHECK(input.error().code == Errc::cancelled);
  CHECK(input.error().message == "cancelled; nothing was changed");
  CHECK(fs::exists(fifo));
  CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}

}  // namespace kith
