// Every input saved for the fuzz targets (seeds, and inputs that once failed) passes the
// targets' properties here too, under the suite's own sanitizers: a failure found once by
// fuzzing stays a test.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "properties.hpp"

namespace kith::fuzz {
namespace fs = std::filesystem;

TEST_CASE("every saved fuzz input keeps its target's properties", "[fuzz]") {
  const fs::path corpus = fs::path(KITH_SOURCE_DIR) / "tests" / "fuzz" / "corpus";
  std::set<std::string> names;
  for (const Target& target : targets()) {
    names.insert(target.name);
    const fs::path folder = corpus / target.name;
    REQUIRE(fs::is_directory(folder));
    int inputs = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      CAPTURE(entry.path().string());
      CHECK(target.properties(bytes.str()) == "");
      ++inputs;
    }
    CAPTURE(target.name);
    CHECK(inputs > 0);
  }
  for (const auto& entry : fs::directory_iterator(corpus)) {
    CAPTURE(entry.path().filename().string());
    CHECK(names.count(entry.path().filename().string()) == 1);  // a corpus with no target
  }
}

}  // namespace kith::fuzz
