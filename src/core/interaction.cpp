#include "kith/interaction.hpp"

#include <array>
#include <cctype>

namespace kith {
namespace {

constexpr std::array<std::string_view, 10> kChannelNames = {
    "call", "video", "email", "message", "coffee", "meal", "meeting", "event", "social", "other"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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
  std::string t = lower(text);
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
  std::string t = lower(text);
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

const std::vector<Channel>& all_channels() {
  static const std::vector<Channel> all = [] {
    std::vector<Channel> out;
    for (std::size_t i = 0; i < kChannelNames.size(); ++i) out.push_back(static_cast<Channel>(i));
    return out;
  }();
  return all;
}

std::int64_t signed_weight(Direction direction, int weight) {
  switch (direction) {
    case Direction::gave: return weight;
    case Direction::received: return -weight;
    case Direction::mutual: break;
  }
  return 0;
}

}  // namespace kith
