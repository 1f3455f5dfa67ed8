#include "kith/interaction.hpp"

#include <array>
#include <cctype>

#include "kith/text.hpp"

namespace kith {
namespace {

constexpr std::array<std::string_view, 10> kChannelNames = {
    "call", "video", "email", "message", "coffee", "meal", "meeting", "event", "social", "other"};

}  // namespace

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::gave: return "gave";
    case Direction::received: return "received";
    case Direction::mutual: break;
  }
  return "mutual";
}

Result<Direction> parse_direction(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "mutual") return Direction::mutual;
  if (t == "gave") return Direction::gave;
  if (t == "received") return Direction::received;
  return invalid_input("invalid direction '" + std::string(text) +
                       "': expected gave, received or mutual");
}

std::string_view to_string(Channel channel) {
  return kChannelNames[static_cast<std::size_t>(channel)];
}

Result<Channel> parse_channel(std::string_view text) {
  std::string t = ascii_lower(text);
  for (std::size_t i = 0; i < kChannelNames.size(); ++i) {
    if (kChannelNames[i] == t) return static_cast<Channel>(i);
  }
  std::string known;
  for (auto name : kChannelNames) {
    if (!known.empty()) known += ", ";
    known += name;
  }
  return invalid_input("invalid channel '" + std::string(text) + "': expected one of " + known);
}

}  // namespace kith
