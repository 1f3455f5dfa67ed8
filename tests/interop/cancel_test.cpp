// Cancelling: a request (what Ctrl-C makes) stops writes before they commit and imports
// between records, and the database is as it was.
#include "kith/cancel.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>

#include "interop/import.hpp"
#include "kith/store.hpp"
#include "write_for_test.hpp"

namespace kith {
namespace {

// Forgets the request at the end of a test, whatever happens in it.
struct ResetCancel {
  ~ResetCancel() { reset_cancel(); }
};

Store empty_store() {
  auto store = Store::in_memory();
  REQUIRE(store);
  return std::move(*store);
}

std::int64_t contacts(Store& store) {
  auto all = store.contacts({});
  REQUIRE(all);
  return static_cast<std::int64_t>(all->size());
}

Contact person(const std::string& name) {
  Contact c;
  c.name = name;
  c.added_on = *Date::parse_iso("2026-11-22");
  return c;
}

// A kith JSON document of `n` contacts.
std::string document(int n) {
  std::string doc = R"({"format":"kith","version":1,"contacts":[)";
  for (int i = 0; i < n; ++i) {
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "%08x-0000-4000-8000-%012x", i, i);
    doc += std::string(i ? "," : "") + R"({"uuid":")" + uuid + R"(","name":"P)" +
           std::to_string(i) +
           R"(","added_on":"2026-01-01","created_at":"2026-01-01T00:00:00.000Z",)"
           R"("updated_at":"2026-01-01T00:00:00.000Z"})";
  }
  return doc + "]}";
}

ImportSource from(const std::string& bytes) {
  return [&bytes]() -> Result<std::unique_ptr<std::istream>> {
    return std::unique_ptr<std::istream>(std::make_unique<std::istringstream>(bytes));
  };
}

}  // namespace

TEST_CASE("a cancel requested during a write rolls it back instead of committing",
          "[interop][cancel]") {
  ResetCancel reset;
  Store store = empty_store();
  Status status = write_for_test(store, [&]() -> Status {
    auto id = store.add_contact(person("Ada"));
    if (!id) return id.error();
    request_cancel();
    return {};
  });
  REQUIRE_FALSE(status);
  CHECK(status.error().code == Errc::cancelled);
  CHECK(status.error().message == "cancelled; nothing was changed");
  reset_cancel();
  CHECK(contacts(store) == 0);
}

TEST_CASE("once a cancel is requested, no write begins and a rehearsal says so",
          "[interop][cancel]") {
  ResetCancel reset;
  Store store = empty_store();
  request_cancel();
  CHECK(cancel_requested());
  bool ran = false;
  Status status = write_for_test(store, [&]() -> Status {
    ran = true;
    return {};
  });
  CHECK(status.error().code == Errc::cancelled);
  CHECK_FALSE(ran);
  CHECK(store.rehearse([] { return Status(); }).error().code == Errc::cancelled);
  reset_cancel();
  CHECK_FALSE(cancel_requested());
  CHECK(write_for_test(store, [] { return Status(); }));
}

TEST_CASE("an import stops between records on a cancel, importing nothing", "[interop][cancel]") {
  ResetCancel reset;
  Store store = empty_store();
  const std::string doc = document(2500);  // a bulk load: progress after 1,000 records
  ImportOptions options;
  options.progress = [](std::uint64_t records, std::uint64_t) {
    if (records == kProgressEvery) request_cancel();
  };
  auto report = import_from(store, "big.json", from(doc), options);
  REQUIRE_FALSE(report);
  CHECK(report.error().code == Errc::cancelled);
  CHECK(report.error().message == "cancelled; nothing was changed");
  reset_cancel();
  CHECK(contacts(store) == 0);

  options.progress = nullptr;  // and without a cancel, the same import works
  report = import_from(store, "big.json", from(doc), options);
  REQUIRE(report);
  CHECK(report->contacts.added == 2500);
}

TEST_CASE("a vCard import stops between cards on a cancel", "[interop][cancel]") {
  ResetCancel reset;
  Store store = empty_store();
  std::string cards;
  for (int i = 0; i < 1500; ++i) {
    cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) + "\r\nEND:VCARD\r\n";
  }
  ImportOptions options;
  options.format = ImportFormat::vcard;
  options.dry_run = true;
  options.progress = [](std::uint64_t records, std::uint64_t) {
    if (records == kProgressEvery) request_cancel();
  };
  auto report = import_from(store, "cards.vcf", from(cards), options);
  REQUIRE_FALSE(report);
  CHECK(report.error().code == Errc::cancelled);
  reset_cancel();
  CHECK(contacts(store) == 0);
}

}  // namespace kith
