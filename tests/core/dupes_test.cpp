// kith dupes' rule (kith/dupes.hpp): which pairs look like one person, and why. Pure.
#include "kith/dupes.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "kith/text.hpp"

namespace kith::test {
namespace {

DupeCandidate person(std::int64_t id, const std::string& name, std::vector<std::string> emails = {},
                     std::vector<std::string> phones = {}, std::vector<std::string> akas = {}) {
  DupeCandidate c;
  c.id = id;
  c.name = {name, fold_for_match(name)};
  c.emails = std::move(emails);
  c.phones = std::move(phones);
  for (const std::string& aka : akas) c.akas.push_back({aka, fold_for_match(aka)});
  return c;
}

// Each pair as "#1 #2: reason detail, reason", strongest first.
std::vector<std::string> pairs(const std::vector<DupeCandidate>& people) {
  std::vector<std::string> out;
  for (const DupePair& p : find_dupes(people)) {
    std::string line = "#" + std::to_string(p.first) + " #" + std::to_string(p.second) + ":";
    for (std::size_t i = 0; i < p.reasons.size(); ++i) {
      line += (i ? ", " : " ") + std::string(to_string(p.reasons[i].reason));
      if (!p.reasons[i].detail.empty()) line += " " + p.reasons[i].detail;
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("dupes pairs people sharing an email ignoring case, or a phone by its digits",
          "[dupes]") {
  auto found = pairs({person(1, "Maya Chen", {"Maya@Example.org"}),
                      person(2, "M. Chen-Wu", {"maya@example.org"}),
                      person(3, "Sam Okafor", {}, {"+44 7700 900123"}),
                      person(4, "Samuel O.", {}, {"07700 900123"}), person(5, "Lee", {}, {"12345"}),
                      person(6, "Lee Too", {}, {"12345"})});
  CHECK(found == std::vector<std::string>{"#1 #2: same email Maya@Example.org",
                                          "#3 #4: same phone +44 7700 900123"});
}

TEST_CASE("dupes finds the same name across case, accents, order and script", "[dupes]") {
  auto found = pairs({person(1, "José Núñez"), person(2, "jose nunez"), person(3, "Ivanov Dmitri"),
                      person(4, "Dmitri Ivanov"), person(5, "Дмитрий Иванов"),
                      person(6, "Ελένη Παππά"), person(7, "Eleni Pappa")});
  CHECK(found == std::vector<std::string>{
                     "#1 #2: same name",
                     "#3 #5: name in another script",
                     "#4 #5: name in another script",
                     "#6 #7: name in another script",
                     "#3 #4: name in another order",
                 });
}

TEST_CASE("dupes finds initials and other names, and says nothing of different people", "[dupes]") {
  auto found = pairs({person(1, "Arjun Patel"), person(2, "A. Patel"), person(3, "Priya Patel"),
                      person(4, "Robert Smith", {}, {}, {"Bob Smith"}), person(5, "Bob Smith"),
                      person(6, "Ada Lovelace"), person(7, "Grace Hopper")});
  CHECK(found == std::vector<std::string>{"#4 #5: other name Bob Smith", "#1 #2: initials"});
}

TEST_CASE("dupes lists a pair once with every reason, the strongest first", "[dupes]") {
  auto found = pairs({person(1, "Maya Chen", {"maya@ex.org"}, {"+1 415 555 0100"}),
                      person(2, "Maya Chen", {"MAYA@ex.org"}, {"(415) 555-0100"})});
  CHECK(found == std::vector<std::string>{
                     "#1 #2: same email maya@ex.org, same phone +1 415 555 0100, same name"});
}

TEST_CASE("a value shared by more than kMaxSharing contacts pairs no one", "[dupes]") {
  std::vector<DupeCandidate> people;
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(kMaxSharing) + 1; ++id) {
    people.push_back(person(id, "Person " + std::to_string(id), {"team@ex.org"}));
  }
  CHECK(pairs(people).empty());
  people.pop_back();
  CHECK(pairs(people).size() == kMaxSharing * (kMaxSharing - 1) / 2);
}

TEST_CASE("dupes is symmetric: the order people come in changes nothing", "[dupes][property]") {
  std::vector<std::string> names = {
      "Maya Chen",     "maya chen",   "Chen Maya", "M. Chen", "Дмитрий Иванов", "Dmitriy Ivanov",
      "Dmitri Ivanov", "Arjun Patel", "A. Patel",  "Eleni",   "Ελένη"};
  std::vector<DupeCandidate> people;
  for (std::size_t i = 0; i < names.size(); ++i) {
    people.push_back(person(static_cast<std::int64_t>(i + 1), names[i],
                            {i % 3 == 0 ? "x@ex.org" : "y" + std::to_string(i) + "@ex.org"}));
  }
  const auto expected = pairs(people);
  CHECK(!expected.empty());
  std::mt19937 random(17);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(people.begin(), people.end(), random);
    CHECK(pairs(people) == expected);
  }
}

TEST_CASE("written_in_latin tells Latin names from names in other scripts", "[dupes]") {
  CHECK(written_in_latin("José Núñez"));
  CHECK(written_in_latin("Nguyễn Thị Minh"));
  CHECK(written_in_latin("O'Neil-Smith 3rd"));
  CHECK_FALSE(written_in_latin("Дмитрий"));
  CHECK_FALSE(written_in_latin("Ελένη"));
  CHECK_FALSE(written_in_latin("王小明"));
}

}  // namespace kith::test
