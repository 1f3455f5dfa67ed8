#include "cli/command_util.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "cli/render.hpp"

namespace kith::cli {

void note_missing(Context& ctx, const Store& store) {
  if (store.missing()) ctx.database_missing = true;
}

std::string now_timestamp() {
  using namespace std::chrono;
  std::int64_t ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && seconds >= 0) ms = seconds * 1000;
  }
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, ms % 1000);
}

std::string join_words(const std::vector<std::string>& words) { return join(words, " "); }

}  // namespace kith::cli
