// The file an export writes: replaced atomically when regular, written directly when a FIFO
// or a device, never one of kith's own.
#include "interop/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace kith {
namespace fs = std::filesystem;
namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "kith-output-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    path = fs::canonical(pattern);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string names(const fs::path& dir) {
  std::vector<std::string> all;
  for (const auto& entry : fs::directory_iterator(dir)) {
    all.push_back(entry.path().filename().string());
  }
  std::sort(all.begin(), all.end());
  std::string out;
  for (const auto& n : all) out += (out.empty() ? "" : " ") + n;
  return out;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("a regular file is replaced only on commit, with mode 0600", "[interop][output]") {
  Folder folder;
  fs::path target = folder.path / "out.json";
  std::ofstream(target) << "old";
  ::chmod(target.c_str(), 0644);
  {
    auto file = OutputFile::open(target, folder.path / "kith.db");
    REQUIRE(file);
    (*file)->stream() << "new";
    CHECK(contents(target) == "old");
    CHECK(names(folder.path).size() > std::string("out.json").size());  // the temporary file
  }  // not committed: the temporary file goes, the old file stays
  CHECK(names(folder.path) == "out.json");
  CHECK(contents(target) == "old");

  auto file = OutputFile::open(target, folder.path / "kith.db");
  REQUIRE(file);
  (*file)->stream() << "new";
  REQUIRE((*file)->commit());
  CHECK(contents(target) == "new");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(names(folder.path) == "out.json");
}

TEST_CASE("kith's own files are refused as invalid input, and nothing is created",
          "[interop][output]") {
  Folder folder;
  fs::path db = folder.path / "kith.db";
  std::ofstream(db) << "SQLite format 3";
  auto file = OutputFile::open(db, db);
  REQUIRE_FALSE(file);
  CHECK(file.error().code == Errc::invalid_input);
  CHECK(file.error().message == "cannot write '" + db.string() + "': it is kith's own database");
  file = OutputFile::open(folder.path / "kith.db-wal", db);
  REQUIRE_FALSE(file);
  CHECK(file.error().message == "cannot write '" + (folder.path / "kith.db-wal").string() +
                                    "': it is a file kith keeps beside its database '" +
                                    db.string() + "'");
  CHECK(names(folder.path) == "kith.db");
}

TEST_CASE("a device is written directly and a failed write names the reason", "[interop][output]") {
  Folder folder;
  auto null_device = OutputFile::open("/dev/null", folder.path / "kith.db");
  REQUIRE(null_device);
  (*null_device)->stream() << "nothing";
  CHECK((*null_device)->commit());
  auto full = OutputFile::open("/dev/full", folder.path / "kith.db");
  REQUIRE(full);
  (*full)->stream() << std::string(100'000, 'x');
  auto committed = (*full)->commit();
  REQUIRE_FALSE(committed);
  CHECK(committed.error().code == Errc::bad_file);
  CHECK(committed.error().message == "cannot write '/dev/full': No space left on device");
  auto folder_target = OutputFile::open(folder.path, folder.path / "kith.db");
  REQUIRE_FALSE(folder_target);
  CHECK(folder_target.error().message ==
        "cannot write '" + folder.path.string() + "': Is a directory");
  CHECK(names(folder.path).empty());
}

}  // namespace kith
