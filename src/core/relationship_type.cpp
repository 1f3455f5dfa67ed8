#include "kith/relationship_type.hpp"

#include <cctype>

#include "kith/text.hpp"

namespace kith {

Result<std::string> normalize_type_name(std::string_view text) {
  std::string_view t = trim(text);
  auto bad = [&] {
    return invalid_input("invalid type name '" + std::string(is_valid_utf8(t) ? t : "?") +
                         "': use a letter, then letters, digits, '-' or '_' (at most 32)");
  };
  if (t.empty() || t.size() > 32 || !std::isalpha(static_cast<unsigned char>(t.front()))) {
    return bad();
  }
  for (char c : t) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return bad();
  }
  return ascii_lower(t);
}

Status check_weight(int weight, std::string_view what) {
  if (weight < kMinWeight || weight > kMaxWeight) {
    return invalid_input("invalid " + std::string(what) + " " + std::to_string(weight) +
                         ": expected " + std::to_string(kMinWeight) + " to " +
                         std::to_string(kMaxWeight));
  }
  return {};
}

}  // namespace kith
