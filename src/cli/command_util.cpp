#include "cli/command_util.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "cli/render.hpp"
#include "kith/text.hpp"

namespace kith::cli {

CLI::Validator whole_number(const std::string& option, const std::string& expected) {
  return CLI::Validator(
      [option, expected](std::string& value) -> std::string {
        std::string_view text = trim(value);
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        int number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
          return fmt::format("invalid {} '{}': expected {}", option, value, expected);
        }
        value = std::to_string(number);
        return {};
      },
      "", "whole number");
}

CLI::Validator one_of(const std::string& option, std::vector<std::string> values) {
  std::string list;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) list += i + 1 == values.size() ? " or " : ", ";
    list += values[i];
  }
  return CLI::Validator(
      [option, values, list](std::string& value) -> std::string {
        if (std::find(values.begin(), values.end(), value) != values.end()) return {};
        return fmt::format("invalid {} '{}': expected {}", option, value, list);
      },
      "", "one of");
}

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

Result<std::int64_t> record_id(std::string_view text, std::string_view what,
                               std::string_view listed_by) {
  if (auto id = parse_id(text)) return *id;
  return invalid_input(fmt::format("invalid {} id '{}': expected a number like 4 (see '{}')", what,
                                   printable(text), listed_by));
}

std::string join_words(const std::vector<std::string>& words) { return join(words, " "); }

}  // namespace kith::cli
