// End-to-end: kith among signals. Ctrl-C and SIGTERM cancel cleanly.
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;

namespace {

// A uuid made from a number, the same every run.
std::string uuid(int kind, int n) {
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4000-8000-%012x", n, kind, n);
  return text;
}

// A kith JSON document of `people` contacts and `talks` interactions, each with two people:
// large enough that importing it takes a while.
std::string large_export(int people, int talks) {
  const std::string stamp =
      "\"created_at\":\"2026-01-01T00:00:00.000Z\","
      "\"updated_at\":\"2026-01-01T00:00:00.000Z\"";
  std::string doc = "{\"format\":\"kith\",\"version\":1,\"types\":[],\"contacts\":[\n";
  for (int i = 0; i < people; ++i) {
    doc += (i ? ",\n" : "") + std::string("{\"uuid\":\"") + uuid(1, i) + "\",\"name\":\"Person " +
           std::to_string(i) + "\",\"added_on\":\"2026-01-01\",\"note\":\"Met at conference " +
           std::to_string(i % 97) + "\"," + stamp + "}";
  }
  doc += "],\"interactions\":[\n";
  for (int i = 0; i < talks; ++i) {
    doc += (i ? ",\n" : "") + std::string("{\"uuid\":\"") + uuid(2, i) +
           "\",\"day\":\"2026-02-01\",\"summary\":\"Talked about topic " + std::to_string(i) +
           "\",\"people\":[\"" + uuid(1, i % people) + "\",\"" + uuid(1, (i * 7 + 1) % people) +
           "\"]," + stamp + "}";
  }
  return doc + "],\"reminders\":[]}\n";
}

}  // namespace

// --- Ctrl-C and SIGTERM ---------------------------------------------------------------------

TEST_CASE("Ctrl-C or SIGTERM during an import rolls it back, removes the lock and says so",
          "[signals]") {
  // Large enough to be importing still when the signal comes, whatever the machine.
  const std::string doc = large_export(30'000, 60'000);
  for (int signal : {SIGINT, SIGTERM}) {
    CAPTURE(signal);
    Sandbox box;
    box.ok({"add", "Ada Lovelace", "--note", "kept"});
    const std::string before = box.dump();
    fs::path file = box.dir() / "large.json";
    write_file(file, doc);
    fs::path lock = box.db().string() + "-lock";
    Background import(box.argv({"import", file.string()}), box.environment());
    // The writers' lock file exists while the import's transaction is open.
    REQUIRE(eventually([&] { return fs::exists(lock) || !import.running(); }));
    import.signal(signal);
    Outcome o = import.wait(60);
    CHECK(o.code == 128 + signal);
    CHECK(o.err == "kith: cancelled; nothing was changed\n");
    CHECK(o.out.empty());
    CHECK_FALSE(fs::exists(lock));
    CHECK(box.dump() == before);
    CHECK(box.query("PRAGMA integrity_check") == "ok");
    box.ok({"add", "Grace Hopper"});  // and the next write works
  }
}

}  // namespace kith::test
