// Test helpers for the formats: fixture files and short renderings of parsed values, so that
// a failing assertion reads like a sentence.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kith::test {

// The bytes of tests/formats/fixtures/NAME.
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(KITH_SOURCE_DIR) / "tests" / "formats" / "fixtures" / name,
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string fixture_path(const std::string& name) {
  return (std::filesystem::path(KITH_SOURCE_DIR) / "tests" / "formats" / "fixtures" / name)
      .string();
}

}  // namespace kith::test
