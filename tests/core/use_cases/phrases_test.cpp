// How the use cases name records in their notes for the journal (src/core/use_cases/phrases).
#include "core/use_cases/phrases.hpp"

#include <catch2/catch.hpp>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;

TEST_CASE("a note quotes free text on one line and cuts a long one", "[use_cases][phrases]") {
  CHECK(phrases::quoted(" Sent him the savings ") == "'Sent him the savings'");
  CHECK(phrases::quoted("two\nlines\tand a tab") == "'two lines and a tab'");
  std::string cut = phrases::quoted(std::string(200, 'x'));
  CHECK(cut == "'" + std::string(59, 'x') + "…'");
}

TEST_CASE("a note names an interaction by its channel, people and day", "[use_cases][phrases]") {
  Interaction i;
  i.day = day("2026-11-22");
  i.channel = Channel::coffee;
  i.people = {{1, "José Núñez"}};
  CHECK(phrases::interaction(i) == "the coffee with José Núñez on 2026-11-22");
  i.channel.reset();
  i.people.push_back({2, "Ada Lovelace"});
  i.people.push_back({3, "Grace Hopper"});
  CHECK(phrases::interaction(i) ==
        "the interaction with José Núñez, Ada Lovelace and Grace Hopper on 2026-11-22");
}

TEST_CASE("a note names a reminder by its kind, id, person and text", "[use_cases][phrases]") {
  Reminder r;
  r.id = 7;
  r.text = "Send the deck";
  CHECK(phrases::reminder(r) == "reminder #7 'Send the deck'");
  r.kind = ReminderKind::promise;
  r.contact_id = 1;
  r.contact_name = "José Núñez";
  CHECK(phrases::reminder(r) == "promise #7 to José Núñez 'Send the deck'");
  r.kind = ReminderKind::followup;
  CHECK(phrases::reminder(r) == "follow-up #7 about José Núñez 'Send the deck'");
}

}  // namespace
}  // namespace kith
