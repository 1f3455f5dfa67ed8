// One libFuzzer target: checks the properties of the target named KITH_FUZZ_TARGET (see
// properties.hpp) on every input, and aborts, so that libFuzzer saves the input, when one
// fails.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "properties.hpp"

namespace {

kith::fuzz::Target find_target() {
  for (const auto& target : kith::fuzz::targets()) {
    if (std::strcmp(target.name, KITH_FUZZ_TARGET) == 0) return target;
  }
  std::fprintf(stderr, "no fuzz target named %s\n", KITH_FUZZ_TARGET);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kith::fuzz::Target target = find_target();
  std::string failure = target.properties({reinterpret_cast<const char*>(data), size});
  if (!failure.empty()) {
    std::fprintf(stderr, "%s: property failed: %s\n", target.name, failure.c_str());
    std::abort();
  }
  return 0;
}
