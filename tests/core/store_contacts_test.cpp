// Store::resolve on an in-memory database: ids written 12 or #12, names, and the number that
// is both an id and a name.
#include <catch2/catch.hpp>

#include "core/fixtures.hpp"
#include "kith/store.hpp"
#include "write_for_test.hpp"

namespace kith {
namespace {

// A store holding these contacts, with ids 1, 2, 3... in this order.
Store store_with(const std::vector<std::string>& names) {
  auto store = Store::in_memory();
  REQUIRE(store);
  Status added = write_for_test(*store, [&]() -> Status {
    for (const auto& name : names) {
      Contact c;
      c.name = name;
      c.added_on = test::day("2026-01-01");
      auto id = store->add_contact(c);
      if (!id) return id.error();
    }
    return {};
  });
  REQUIRE(added);
  return std::move(*store);
}

// "name (#id)" for a resolved contact, or "code: message" for an error.
std::string resolved(Store& store, std::string_view who) {
  auto found = store.resolve(who);
  if (!found) {
    const char* code = found.error().code == Errc::not_found   ? "not_found"
                       : found.error().code == Errc::ambiguous ? "ambiguous"
                                                               : "other";
    return std::string(code) + ": " + found.error().message;
  }
  return found->name + " (#" + std::to_string(found->id) + ")";
}

}  // namespace

TEST_CASE("an id is found written as 12 or as #12", "[store][who]") {
  Store store = store_with({"Ada Lovelace", "Grace Hopper"});
  CHECK(resolved(store, "2") == "Grace Hopper (#2)");
  CHECK(resolved(store, "#2") == "Grace Hopper (#2)");
  CHECK(resolved(store, " #1 ") == "Ada Lovelace (#1)");
}

TEST_CASE("#N is always an id and never matches a name", "[store][who]") {
  Store store = store_with({"Ada Lovelace", "#7", "Room 9"});
  CHECK(resolved(store, "#7") == "not_found: no contact has the id #7");
  CHECK(resolved(store, "#9") == "not_found: no contact has the id #9");
  CHECK(resolved(store, "#0") == "not_found: no contact has the id #0");
  CHECK(resolved(store, "#99999999999999999999") ==
        "not_found: no contact has the id #99999999999999999999");
  CHECK(resolved(store, "#2") == "#7 (#2)");
}

TEST_CASE("a bare number that is an id and another contact's name is ambiguous", "[store][who]") {
  Store store = store_with({"Ada Lovelace", "Grace Hopper", "Katherine Johnson", "1"});
  CHECK(resolved(store, "1") ==
        "ambiguous: '1' matches 2 contacts: Ada Lovelace (#1), 1 (#4); write #1 for the id");
  CHECK(resolved(store, "#1") == "Ada Lovelace (#1)");
  CHECK(resolved(store, "#4") == "1 (#4)");
}

TEST_CASE("a bare number that is only an id, or only a name, is that contact", "[store][who]") {
  Store store = store_with({"Ada Lovelace", "2", "Room 101", "7"});
  CHECK(resolved(store, "2") == "2 (#2)");             // its own id and its own name: one contact
  CHECK(resolved(store, "1") == "Ada Lovelace (#1)");  // the id wins over a part of a name
  CHECK(resolved(store, "7") == "7 (#4)");             // no contact #7: the name
  CHECK(resolved(store, "101") == "Room 101 (#3)");
  CHECK(resolved(store, "99") == "not_found: no contact matches '99'");
  CHECK(resolved(store, "5") == "not_found: no contact matches '5'");
  CHECK(resolved(store, "0") == "Room 101 (#3)");  // no id is 0: a part of a name
}

}  // namespace kith
