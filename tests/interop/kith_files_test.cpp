// Which paths name kith's own files: by name beside the database, by identity anywhere.
#include "interop/kith_files.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

namespace kith {
namespace fs = std::filesystem;
namespace {

std::string kind(KithFile k) {
  switch (k) {
    case KithFile::database: return "database";
    case KithFile::companion: return "companion";
    case KithFile::none: break;
  }
  return "none";
}

// A temporary folder, removed afterwards.
struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "kith-files-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    path = fs::canonical(pattern);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

void touch(const fs::path& path) { std::ofstream(path) << "x"; }

}  // namespace

TEST_CASE("the names kith gives the files beside its database", "[interop][files]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"kith.db", "database"},
      {"kith.db-wal", "companion"},
      {"kith.db-shm", "companion"},
      {"kith.db-journal", "companion"},
      {"kith.db-lock", "companion"},
      {"kith.db.schema-1.bak", "companion"},
      {"kith.db.schema-12.bak.partial-4242", "companion"},
      {"kith.db.partial-4242", "companion"},
      {"kith.db.partial-4242-wal", "companion"},
      {"kith.db.partial-4242-shm", "companion"},
      {"kith.db.bak", "none"},
      {"kith.db-walrus", "none"},
      {"kith.db.schema-x.bak", "none"},
      {"kith.db.schema-1.bak.old", "none"},
      {"kith.db.partial-", "none"},
      {"kith.db.partial-12-log", "none"},
      {"kith.dbx", "none"},
      {"other.db-wal", "none"},
      {"", "none"},
  };
  for (const auto& [name, expected] : cases) {
    CAPTURE(name);
    CHECK(kind(kith_file_name(name, "kith.db")) == expected);
  }
}

TEST_CASE("a path is kith's by identity, however it is spelt", "[interop][files]") {
  Folder folder;
  const fs::path db = folder.path / "kith.db";
  touch(db);
  fs::create_directory(folder.path / "sub");
  fs::create_symlink(db, folder.path / "link.db");
  fs::create_hard_link(db, folder.path / "sub" / "hard.db");
  fs::create_symlink(folder.path / "kith.db-wal", folder.path / "to-wal");
  touch(folder.path / "kith.db.schema-2.bak");
  fs::create_hard_link(folder.path / "kith.db.schema-2.bak", folder.path / "sub" / "old.bak");
  touch(folder.path / "other.json");
  const std::vector<std::pair<fs::path, std::string>> cases = {
      {db, "database"},
      {folder.path / "." / "kith.db", "database"},
      {folder.path / "sub" / ".." / "kith.db", "database"},
      {folder.path / "link.db", "database"},
      {folder.path / "sub" / "hard.db", "database"},
      {folder.path / "kith.db-wal", "companion"},  // not there
      {folder.path / "to-wal", "companion"},       // a link to it
      {folder.path / "sub" / "old.bak", "companion"},
      {folder.path / "other.json", "none"},
      {folder.path / "sub" / "kith.db", "none"},  // another folder: another database's name
      {folder.path / "missing" / "kith.db-wal", "none"},
  };
  for (const auto& [path, expected] : cases) {
    CAPTURE(path);
    CHECK(kind(kith_file(path, db)) == expected);
  }
  // A database named through a link: its files are those beside the link and its target.
  CHECK(kind(kith_file(db, folder.path / "link.db")) == "database");
  CHECK(kind(kith_file(folder.path / "link.db-lock", folder.path / "link.db")) == "companion");
  CHECK(kind(kith_file(folder.path / "kith.db-wal", folder.path / "link.db")) == "companion");
  // A relative path is taken from the current folder.
  fs::path here = fs::current_path();
  fs::current_path(folder.path / "sub");
  CHECK(kind(kith_file("../kith.db", db)) == "database");
  CHECK(kind(kith_file("hard.db", "../kith.db")) == "database");
  fs::current_path(here);
}

TEST_CASE("following links resolves a dangling last link and stops at a loop", "[interop][files]") {
  Folder folder;
  fs::create_symlink("target.json", folder.path / "dangling");
  fs::create_symlink("loop-b", folder.path / "loop-a");
  fs::create_symlink("loop-a", folder.path / "loop-b");
  fs::create_directory(folder.path / "real");
  fs::create_directory_symlink(folder.path / "real", folder.path / "alias");
  auto followed = follow_links(folder.path / "dangling");
  REQUIRE(followed);
  CHECK(*followed == folder.path / "target.json");
  followed = follow_links(folder.path / "alias" / "new.json");
  REQUIRE(followed);
  CHECK(*followed == folder.path / "real" / "new.json");
  auto loop = follow_links(folder.path / "loop-a");
  REQUIRE_FALSE(loop);
  CHECK(loop.error().message == "cannot follow '" + (folder.path / "loop-a").string() +
                                    "': Too many levels of symbolic links");
  CHECK(names_descriptor("/dev/stdout"));
  CHECK(names_descriptor("/proc/self/fd/1"));
  CHECK_FALSE(names_descriptor(folder.path / "dangling"));
}

}  // namespace kith
