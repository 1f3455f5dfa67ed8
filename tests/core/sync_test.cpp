// The rules of device-to-device sync (kith/sync.hpp), and the store's merge of incoming records:
// whatever order the same records arrive in, every store ends the same.
#include "kith/sync.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <random>

#include "kith/store.hpp"

namespace kith::test {

TEST_CASE("tick moves past both the last clock value and the wall clock", "[sync][core]") {
  CHECK(tick(0, 1000) == clock_at(1000));
  CHECK(tick(clock_at(1000), 1000) == clock_at(1000) + 1);
  // A wall clock that runs behind what the device has seen: order still follows the device.
  CHECK(tick(clock_at(5000), 1000) == clock_at(5000) + 1);
  CHECK(wall_of(tick(0, 123456)) == 123456);
}

TEST_CASE("wins is a total order over stamps then values", "[sync][core][property]") {
  std::mt19937 rng(7);
  auto random_value = [&]() -> SyncValue {
    SyncValue v;
    if (rng() % 3 != 0) v.value = std::string(1, static_cast<char>('a' + rng() % 3));
    v.stamp = {static_cast<std::int64_t>(rng() % 3),
               std::string(1, static_cast<char>('x' + rng() % 2))};
    return v;
  };
  for (int i = 0; i < 2000; ++i) {
    const SyncValue a = random_value();
    const SyncValue b = random_value();
    const SyncValue c = random_value();
    // Exactly one of: a beats b, b beats a, they are the same.
    CHECK(int(wins(a, b)) + int(wins(b, a)) + int(a == b) == 1);
    if (wins(a, b) && wins(b, c)) CHECK(wins(a, c));
  }
}

TEST_CASE("merge_field reports a conflict only for a change of this device the sender had not seen",
          "[sync][core]") {
  const Stamp before{clock_at(100), "aaaa"};
  const Stamp mine{clock_at(200), "self"};
  const Stamp theirs{clock_at(300), "other"};
  const SyncValue local{"CTO", mine};
  const SyncValue incoming{"VP", theirs};

  // The sender changed it from an older state: both changed it. The later one wins.
  FieldMerge m = merge_field(local, incoming, before, "self");
  CHECK(m.take);
  CHECK(m.conflict);
  // The sender had seen this device's change, then changed the field again: no conflict.
  m = merge_field(local, incoming, mine, "self");
  CHECK(m.take);
  CHECK_FALSE(m.conflict);
  // The sender did not change the field (no base): no conflict, and an older value loses.
  m = merge_field(local, SyncValue{"VP", before}, std::nullopt, "self");
  CHECK_FALSE(m.take);
  CHECK_FALSE(m.conflict);
  // Both changed it to the same value: they agree.
  m = merge_field(local, SyncValue{"CTO", theirs}, before, "self");
  CHECK_FALSE(m.conflict);
  // The local value came from a third device: not this device's conflict to report.
  m = merge_field(SyncValue{"CTO", {clock_at(200), "third"}}, incoming, before, "self");
  CHECK(m.take);
  CHECK_FALSE(m.conflict);
}

namespace {

const char* const kUuid = "0b9f5b2e-8f5e-4d7e-9a53-2f1d2f0c0a01";

// A version of one contact as some device sent it: random values and stamps.
SyncRecord random_version(std::mt19937& rng, int n) {
  SyncRecord r;
  r.kind = SyncKind::contact;
  r.uuid = kUuid;
  auto stamp = [&] {
    return Stamp{clock_at(static_cast<std::int64_t>(rng() % 4)),
                 std::string(1, static_cast<char>('a' + rng() % 3))};
  };
  auto text = [&](const char* prefix) { return std::string(prefix) + std::to_string(rng() % 3); };
  r.fields["name"] = {text("Name "), stamp()};
  r.fields["every"] = {rng() % 2 ? std::optional<std::string>("2w") : std::nullopt, stamp()};
  for (const char* f : {"org", "title", "met_via", "learn", "offer", "note"})
    r.fields[f] = {text(f), stamp()};
  r.fields["birthday"] = {std::nullopt, {}};
  r.fields["circle"] = {std::to_string(1 + rng() % 3), stamp()};
  r.fields["introducer"] = {std::nullopt, {}};
  r.fields["added_on"] = {"2026-12-0" + std::to_string(1 + rng() % 3), stamp()};
  r.fields["archived"] = {rng() % 2 ? "1" : "0", stamp()};
  // A field added after the first sync format: versions from an older kith leave it out.
  if (n % 2 == 0) r.fields["target"] = {rng() % 2 ? "1" : "0", stamp()};
  for (const char* tag : {"vip", "climbing", "work"}) {
    if (rng() % 2) {
      r.sets["tags"][tag] = {rng() % 2 ? std::optional<std::string>("") : std::nullopt, stamp()};
    }
  }
  for (const char* type : {"mentor", "peer"}) {
    if (rng() % 2) {
      r.sets["types"][type] = {rng() % 2 ? std::optional<std::string>("") : std::nullopt, stamp()};
    }
  }
  r.sets["dates"]["met"] = {"2020-0" + std::to_string(1 + n % 9) + "-01", stamp()};
  return r;
}

Store fresh() {
  auto store = Store::in_memory();
  REQUIRE(store);
  return std::move(*store);
}

}  // namespace

TEST_CASE("a store ends the same whatever order the same records arrive in",
          "[sync][core][property]") {
  std::mt19937 rng(GENERATE(11u, 12u, 13u, 14u, 15u));
  std::vector<SyncRecord> versions;
  for (int i = 0; i < 6; ++i) versions.push_back(random_version(rng, i));

  auto end_state = [&](std::vector<SyncRecord> order) {
    Store store = fresh();
    REQUIRE(store
                .write([&]() -> Status {
                  for (const SyncRecord& r : order) {
                    auto applied = store.apply_sync_record(r, "self");
                    if (!applied) return applied.error();
                  }
                  store.note_change({"sync", "test", Date{}});
                  return {};
                })
                .ok());
    auto record = store.sync_record(SyncKind::contact, kUuid);
    REQUIRE(record);
    REQUIRE(*record);
    return std::move(**record);
  };

  const SyncRecord first = end_state(versions);
  for (int shuffle = 0; shuffle < 4; ++shuffle) {
    std::shuffle(versions.begin(), versions.end(), rng);
    const SyncRecord other = end_state(versions);
    CHECK(other.fields == first.fields);
    CHECK(other.sets == first.sets);
  }
  // Each field holds the winner of all versions that carry it.
  for (const auto& [name, v] : first.fields) {
    std::optional<SyncValue> best;
    for (const SyncRecord& r : versions) {
      auto it = r.fields.find(name);
      if (it != r.fields.end() && (!best || wins(it->second, *best))) best = it->second;
    }
    REQUIRE(best);
    CHECK(v.value == best->value);
  }
}

}  // namespace kith::test
