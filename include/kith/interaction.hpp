// Interactions: what happened with whom, and which way value flowed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// Which way value flowed. Frozen: stored in the database as "mutual", "gave", "received".
enum class Direction { mutual, gave, received };
std::string_view to_string(Direction direction);
Result<Direction> parse_direction(std::string_view text);

// How it happened. Frozen: stored in the database under these names.
enum class Channel { call, video, email, message, coffee, meal, meeting, event, social, other };
std::string_view to_string(Channel channel);
// Case-insensitive; invalid_input listing the channels otherwise.
Result<Channel> parse_channel(std::string_view text);

inline constexpr int kDefaultInteractionWeight = 1;

struct Participant {
  std::int64_t id = 0;
  std::string name;
};

struct Interaction {
  std::int64_t id = 0;
  std::string uuid;
  Date day;
  std::string summary;
  std::optional<Channel> channel;
  Direction direction = Direction::mutual;
  int weight = kDefaultInteractionWeight;  // 1..5, how much value flowed
  std::vector<Participant> people;         // in the order given
  std::string created_at;
};

}  // namespace kith
