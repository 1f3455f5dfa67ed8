// The rules of device-to-device sync (kith/sync.hpp).
#include "kith/sync.hpp"

#include <algorithm>
#include <array>

namespace kith {

std::int64_t tick(std::int64_t last, std::int64_t wall_ms) {
  return std::max(last + 1, clock_at(wall_ms));
}

namespace {
constexpr std::array<std::pair<SyncKind, std::string_view>, 6> kKinds = {{
    {SyncKind::type, "type"},
    {SyncKind::contact, "contact"},
    {SyncKind::interaction, "interaction"},
    {SyncKind::reminder, "reminder"},
    {SyncKind::goal, "goal"},
    {SyncKind::link, "link"},
}};
}  // namespace

std::string_view to_string(SyncKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "contact";
}

std::optional<SyncKind> parse_sync_kind(std::string_view text) {
  for (const auto& [k, name] : kKinds)
    if (name == text) return k;
  return std::nullopt;
}

bool wins(const SyncValue& a, const SyncValue& b) {
  if (a.stamp != b.stamp) return a.stamp > b.stamp;
  return a.value > b.value;  // nullopt is the least
}

FieldMerge merge_field(const SyncValue& local, const SyncValue& incoming,
                       const std::optional<Stamp>& base, std::string_view self) {
  FieldMerge out;
  out.take = wins(incoming, local);
  // The sender changed the field from a stamp older than this device's own change: it had not
  // seen it. Equal values agree, whatever the stamps.
  out.conflict =
      base && local.stamp.device == self && *base < local.stamp && local.value != incoming.value;
  return out;
}

}  // namespace kith
