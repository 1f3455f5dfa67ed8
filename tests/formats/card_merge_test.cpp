// The three-way merge of a contact kept in a vdir: base (what kith last wrote), the card now,
// and the contact in kith now.
#include "formats/card_merge.hpp"

#include <catch2/catch.hpp>

namespace kith::formats {
namespace {

ContactPatch person() {
  ContactPatch p;
  p.name = "Ada Lovelace";
  p.emails = {"ada@example.org"};
  p.phones = {"+44 7700 900123"};
  p.tags = {"math"};
  p.types = {"mentor", "sponsor"};
  p.org = "Analytical Engines";
  p.note = "Met at the Royal Society";
  p.learn = "Notation";
  p.circle = 2;
  p.every = Duration::parse("3w").value();
  p.dates = {{"anniversary", YearlyDate::parse("2001-06-01").value()},
             {"work anniversary", YearlyDate::parse("2019-03-01").value()}};
  return p;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

TEST_CASE("a field changed on one side only takes that side", "[formats][vdir]") {
  const ContactPatch base = person();
  ContactPatch card = base;
  ContactPatch kith = base;
  card.note = "Moved to Paris";
  kith.org = "Babbage & Co";
  CardMerge m = merge_card(base, card, kith, false);
  CHECK(m.merged.note == "Moved to Paris");
  CHECK(m.merged.org == "Babbage & Co");
  CHECK(m.conflicts.empty());
}

TEST_CASE("the same field edited on both sides goes to the newer edit and is reported",
          "[formats][vdir]") {
  const ContactPatch base = person();
  ContactPatch card = base;
  ContactPatch kith = base;
  card.title = "Countess";
  kith.title = "Analyst";
  SECTION("the card is newer") {
    CardMerge m = merge_card(base, card, kith, true);
    CHECK(m.merged.title == "Countess");
    CHECK(join(m.conflicts) == "title");
  }
  SECTION("kith is newer") {
    CardMerge m = merge_card(base, card, kith, false);
    CHECK(m.merged.title == "Analyst");
    CHECK(join(m.conflicts) == "title");
  }
  SECTION("both made the same edit: no conflict") {
    kith.title = "Countess";
    CardMerge m = merge_card(base, card, kith, false);
    CHECK(m.merged.title == "Countess");
    CHECK(m.conflicts.empty());
  }
}

TEST_CASE("lists merge element by element against the base", "[formats][vdir]") {
  const ContactPatch base = person();
  ContactPatch card = base;
  ContactPatch kith = base;
  card.emails = {"ada@example.org", "ada@phone.example"};     // the phone added one
  kith.emails = {"ada@example.org", "countess@example.org"};  // kith added another
  card.phones = {};                                           // the phone removed the phone
  kith.tags = {"math", "poetry"};
  card.tags = {};  // removed on the phone while kith added one
  CardMerge m = merge_card(base, card, kith, false);
  CHECK(join(m.merged.emails) == "ada@example.org, countess@example.org, ada@phone.example");
  CHECK(m.merged.phones.empty());
  CHECK(join(m.merged.tags) == "poetry");
  CHECK(m.conflicts.empty());
}

TEST_CASE("a card that lost kith's own properties clears none of them", "[formats][vdir]") {
  const ContactPatch base = person();
  ContactPatch card = base;
  card.types.clear();
  card.learn.reset();
  card.circle.reset();
  card.every.reset();
  card.dates = {base.dates.front()};  // the anniversary is vCard's; the other was X-KITH-DATE
  card.note = "Edited on the phone";
  CardMerge m = merge_card(base, card, base, true);
  CHECK(join(m.merged.types) == "mentor, sponsor");
  CHECK(m.merged.learn == "Notation");
  CHECK(m.merged.circle == 2);
  CHECK(m.merged.every == Duration::parse("3w").value());
  CHECK(m.merged.dates.size() == 2);
  CHECK(m.merged.note == "Edited on the phone");
}

TEST_CASE("a standard field removed on the card is cleared, a type removed one by one goes",
          "[formats][vdir]") {
  const ContactPatch base = person();
  ContactPatch card = base;
  card.org.reset();
  card.types = {"mentor"};
  card.dates = {base.dates.back()};  // the anniversary removed
  CardMerge m = merge_card(base, card, base, false);
  CHECK_FALSE(m.merged.org);
  CHECK(join(m.merged.types) == "mentor");
  REQUIRE(m.merged.dates.size() == 1);
  CHECK(m.merged.dates.front().label == "work anniversary");
}

TEST_CASE("assign sets the contact's card fields exactly and says whether anything changed",
          "[formats][vdir]") {
  Contact c;
  c.name = "Ada Lovelace";
  c.org = "Old";
  c.emails = {"old@example.org"};
  c.archived = false;
  ContactPatch p = person();
  CHECK(assign(p, c));
  CHECK(c.org == "Analytical Engines");
  CHECK(join(c.emails) == "ada@example.org");
  CHECK(join(c.types) == "mentor, sponsor");
  CHECK_FALSE(assign(p, c));
  p.note.reset();
  CHECK(assign(p, c));
  CHECK(c.note.empty());
}

}  // namespace kith::formats
