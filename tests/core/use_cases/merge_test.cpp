// kith merge and kith dupes (kith/use_cases/merge.hpp) on in-memory stores: everything of the
// merged contact moves, the summaries follow, the uuid lives on as an alias, undo takes it
// all back, and bad requests change nothing.
#include "kith/use_cases/merge.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/interactions.hpp"
#include "kith/use_cases/journal.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::test {
namespace {

ContactChange with(std::vector<std::string> emails, std::vector<std::string> types = {}) {
  ContactChange c;
  c.emails = std::move(emails);
  c.types = std::move(types);
  return c;
}

}  // namespace

TEST_CASE("merge moves interactions, reminders, lists and introductions to the kept contact",
          "[merge]") {
  Network net;
  auto keep = net.add("Dmitri Ivanov", with({"dmitri@ex.org"}, {"peer"}));
  ContactChange other_change = with({"DMITRI@ex.org", "dima@home.ru"}, {"mentor"});
  other_change.akas = {"Dima"};
  other_change.org = "Yandex";
  other_change.note = "Met at RustConf";
  other_change.birthday = *YearlyDate::parse("1988-04-02");
  auto other = net.add("Дмитрий Иванов", other_change, net.today.plus_days(-30));
  auto ada = net.add("Ada Lovelace");
  ContactChange introduced;
  introduced.met_via = "#" + std::to_string(other);
  auto grace = net.add("Grace Hopper", introduced);
  net.met({other}, net.today.plus_days(-3), Direction::gave, 2);
  net.met({keep, other, ada}, net.today.plus_days(-10));
  net.met({keep}, net.today.plus_days(-20), Direction::received, 1);
  auto promise = net.book(ReminderKind::promise, other, net.today.plus_days(2), "Send the paper");

  auto merged = merge_contacts(net.store(), "Dmitri Ivanov", {"дмитрий"}, false, net.today);
  INFO((merged ? "" : merged.error().message));
  REQUIRE(merged);
  const Contact& kept = merged->after;
  CHECK(kept.id == keep);
  CHECK(kept.name == "Dmitri Ivanov");
  CHECK(kept.akas == std::vector<std::string>{"Dima", "Дмитрий Иванов"});
  CHECK(kept.emails == std::vector<std::string>{"dmitri@ex.org", "dima@home.ru"});
  CHECK(kept.types == std::vector<std::string>{"mentor", "peer"});
  CHECK(kept.org == "Yandex");
  CHECK(kept.note == "Met at RustConf");
  CHECK(kept.birthday == YearlyDate::parse("1988-04-02").value());
  CHECK(kept.added_on == net.today.plus_days(-30));
  CHECK(kept.balance.given == 2);
  CHECK(kept.balance.received == 1);
  CHECK(kept.last_contact == net.today.plus_days(-3));
  REQUIRE(merged->merged.size() == 1);
  CHECK(merged->merged[0].moved.interactions == 2);
  CHECK(merged->merged[0].moved.shared == 1);
  CHECK(merged->merged[0].moved.reminders == 1);
  CHECK(merged->merged[0].moved.introduced == 1);

  CHECK(net.store().contact(other).error().code == Errc::not_found);
  CHECK(net.reminder(promise).contact_id == keep);
  CHECK(net.contact(grace).met_via_id == keep);
  HistoryQuery mine;
  mine.contact_id = keep;
  CHECK(net.store().history(mine)->size() == 3);
  // The shared interaction lists the kept contact once.
  auto shared = net.store().history(mine)->at(1);
  CHECK(shared.people.size() == 2);
  // The merged uuid names the kept contact from now on; so does the merged name.
  CHECK(net.store().contact_id_by_uuid(merged->merged[0].contact.uuid).value() == keep);
  CHECK(net.store().resolve("Дмитрий Иванов")->id == keep);
  CHECK(net.store().resolve("dima")->id == keep);
}

TEST_CASE("undo of a merge brings the merged contact back as it was", "[merge][journal]") {
  Network net;
  auto keep = net.add("Maya Chen", with({"maya@ex.org"}));
  auto other = net.add("Maya Chen-Wu", with({"mcw@ex.org"}, {"sponsor"}));
  net.met({other}, net.today.plus_days(-5), Direction::received, 3);
  const Contact before_keep = net.contact(keep);
  const Contact before_other = net.contact(other);

  REQUIRE(merge_contacts(net.store(), "#" + std::to_string(keep), {"chen-wu"}, false, net.today));
  auto undone = undo_change(net.store(), std::nullopt);
  REQUIRE(undone);
  CHECK(undone->command == "merge");
  CHECK(undone->summary == "merge Maya Chen-Wu (#2) into Maya Chen (#1)");
  Contact keep_after = net.contact(keep);
  Contact other_after = net.contact(other);
  CHECK(keep_after.emails == before_keep.emails);
  CHECK(keep_after.akas.empty());
  CHECK(keep_after.balance.received == 0);
  CHECK(other_after.uuid == before_other.uuid);
  CHECK(other_after.types == before_other.types);
  CHECK(other_after.balance.received == 3);
  CHECK(other_after.last_contact == net.today.plus_days(-5));
  CHECK(net.store().contact_id_by_uuid(before_other.uuid).value() == other);
}

TEST_CASE("a dry run of merge says what would move and changes nothing", "[merge]") {
  Network net;
  auto keep = net.add("Arjun Patel");
  auto other = net.add("A. Patel", with({"arjun@ex.org"}));
  REQUIRE(log_interaction(
      net.store(),
      [] {
        LogRequest r;
        r.people = {"a. patel"};
        r.summary = "Lunch";
        return r;
      }(),
      net.today));
  auto outcome = merge_contacts(net.store(), "arjun patel", {"a. patel"}, true, net.today);
  REQUIRE(outcome);
  CHECK(outcome->dry_run);
  CHECK(outcome->after.emails == std::vector<std::string>{"arjun@ex.org"});
  CHECK(outcome->merged[0].moved.interactions == 1);
  CHECK(net.contact(keep).emails.empty());
  CHECK(net.contact(other).emails == std::vector<std::string>{"arjun@ex.org"});
  CHECK(net.store().last_change().value()->command == "log");
}

TEST_CASE("merge refuses itself, a contact named twice, an archived one and an unknown one",
          "[merge]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Grace Hopper");
  auto gone = net.add("Old Friend");
  REQUIRE(archive_contact(net.store(), "old friend", true, net.today));
  auto refused = [&](std::string keep, std::vector<std::string> others) {
    auto r = merge_contacts(net.store(), keep, others, false, net.today);
    REQUIRE_FALSE(r);
    return r.error();
  };
  CHECK(refused("ada", {"#1"}).message ==
        "cannot merge Ada Lovelace (#1) into itself: '#1' names the contact to keep");
  CHECK(refused("ada", {"grace", "2"}).message == "Grace Hopper (#2) is named twice ('2')");
  CHECK(refused("ada", {"old friend"}).message ==
        "Old Friend (#" + std::to_string(gone) +
            ") is archived: 'kith unarchive' it first to merge it");
  CHECK(refused("ada", {"nobody"}).code == Errc::not_found);
  CHECK(refused("ada", {}).code == Errc::invalid_input);
  CHECK(net.store().resolve("grace"));
}

TEST_CASE("find_duplicates reads active contacts with their emails, phones and other names",
          "[merge][dupes]") {
  Network net;
  net.add("Maya Chen", with({"maya@ex.org"}));
  ContactChange phone;
  phone.phones = {"+1 415 555 0100"};
  phone.emails = {"MAYA@ex.org"};
  net.add("M. Chen", phone);
  ContactChange bob;
  bob.akas = {"Bob Smith"};
  net.add("Robert Smith", bob);
  net.add("Bob Smith");
  net.add("Retired Bob Smith");
  auto pairs = find_duplicates(net.store());
  REQUIRE(pairs);
  REQUIRE(pairs->size() == 2);
  CHECK((*pairs)[0].first_name == "Maya Chen");
  CHECK((*pairs)[0].reasons[0].reason == DupeReason::same_email);
  CHECK((*pairs)[1].reasons[0].reason == DupeReason::other_name);
}

TEST_CASE("add refuses a name that already is a contact's whole name, unless a namesake",
          "[merge][contacts]") {
  Network net;
  net.add("José Núñez");
  ContactChange again;
  again.name = "jose nunez";
  auto refused = add_contact(net.store(), again, net.today);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::invalid_input);
  CHECK(refused.error().message ==
        "'jose nunez' is already a contact: José Núñez (#1); 'kith edit 1' changes them, "
        "'kith add --force' adds a namesake");
  auto namesake = add_contact(net.store(), again, net.today, true);
  REQUIRE(namesake);
  CHECK(namesake->contact.id == 2);
  // Part of a name is no namesake.
  net.add("José");
}

TEST_CASE("a LinkedIn profile set with --linkedin is canonical and belongs to one person",
          "[merge][contacts]") {
  Network net;
  ContactChange maya;
  maya.linkedin = "http://uk.linkedin.com/in/mayachen/?trk=x";
  auto id = net.add("Maya Chen", maya);
  auto ids = net.store().external_ids(id);
  REQUIRE(ids);
  REQUIRE(ids->size() == 1);
  CHECK((*ids)[0].id == "https://www.linkedin.com/in/mayachen");
  ContactChange taken;
  taken.name = "Maya Chen-Wu";
  taken.linkedin = "linkedin.com/in/mayachen";
  auto refused = add_contact(net.store(), taken, net.today);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message ==
        "the LinkedIn profile https://www.linkedin.com/in/mayachen is Maya Chen's (#1): "
        "'kith merge' them if they are one person");
  ContactChange bad;
  bad.linkedin = "https://example.org/in/maya";
  auto invalid = edit_contact(net.store(), "maya", bad, net.today);
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().message ==
        "invalid --linkedin 'https://example.org/in/maya': not a LinkedIn profile URL "
        "(expected https://www.linkedin.com/in/NAME)");
  ContactChange forget;
  forget.no_linkedin = true;
  REQUIRE(edit_contact(net.store(), "maya", forget, net.today));
  CHECK(net.store().external_ids(id)->empty());
  CHECK(edit_contact(net.store(), "maya", forget, net.today).error().message ==
        "Maya Chen has no LinkedIn profile");
}

TEST_CASE("merged_contact keeps the kept fields and takes only what it lacks", "[merge]") {
  Contact keep;
  keep.id = 1;
  keep.name = "Maya Chen";
  keep.org = "Acme";
  keep.learn = "pricing";
  keep.phones = {"+1 415 555 0100"};
  keep.met_via = "Old Friend";
  keep.met_via_id = 2;
  keep.added_on = *Date::parse_iso("2026-01-05");
  Contact other;
  other.id = 2;
  other.name = "maya chen";
  other.akas = {"Maya C."};
  other.org = "Initech";
  other.title = "CTO";
  other.learn = "Pricing";
  other.offer = "intro to design";
  other.phones = {"(415) 555-0100", "+44 20 7946 0000"};
  other.met_via = "Ada";
  other.met_via_id = 3;
  other.added_on = *Date::parse_iso("2026-03-01");
  Contact c = merged_contact(keep, other);
  CHECK(c.name == "Maya Chen");
  CHECK(c.akas == std::vector<std::string>{"Maya C."});  // "maya chen" folds to the name
  CHECK(c.org == "Acme");
  CHECK(c.title == "CTO");
  CHECK(c.learn == "pricing");
  CHECK(c.offer == "intro to design");
  CHECK(c.phones == std::vector<std::string>{"+1 415 555 0100", "+44 20 7946 0000"});
  // Introduced by the contact merged in: now by whoever introduced that one.
  CHECK(c.met_via == "Ada");
  CHECK(c.met_via_id == 3);
  CHECK(c.added_on == keep.added_on);
}

}  // namespace kith::test
