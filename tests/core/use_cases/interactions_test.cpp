// Logging an interaction (kith log) against an in-memory store.
#include "kith/use_cases/interactions.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"

namespace kith {
namespace {

using test::day;
using test::every;
using test::Network;
using test::outcome;

LogRequest with(std::vector<std::string> people, std::string summary = "Coffee") {
  LogRequest request;
  request.people = std::move(people);
  request.summary = std::move(summary);
  return request;
}

ContactChange typed(std::string type) {
  ContactChange change;
  change.types = {std::move(type)};
  return change;
}

}  // namespace

TEST_CASE("logging records one interaction, once per person even when named twice",
          "[use_cases][log]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  net.add("Grace Hopper", typed("sponsor"));
  LogRequest request = with({"grace", "ada", "Ada Lovelace"}, "  Panel prep over lunch ");
  request.on = day("2026-11-20");
  request.via = Channel::meal;
  request.gave = true;
  request.weight = 3;
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  const Interaction& i = logged->interaction;
  CHECK(i.id == 1);
  CHECK(i.uuid.size() == 36);  // as stored
  CHECK(i.day == day("2026-11-20"));
  CHECK(i.summary == "Panel prep over lunch");
  CHECK(i.channel == Channel::meal);
  CHECK(i.direction == Direction::gave);
  CHECK(i.weight == 3);
  REQUIRE(i.people.size() == 2);
  CHECK(i.people[0].name == "Grace Hopper");  // in the order named
  CHECK(i.people[1].name == "Ada Lovelace");
  auto history = net.store().history({});
  REQUIRE(history);
  REQUIRE(history->size() == 1);
  CHECK(history->front().people.size() == 2);
}

TEST_CASE("a log without --on is today's, mutual, of weight 1", "[use_cases][log]") {
  Network net;
  net.add("Ada");
  auto logged = log_interaction(net.store(), with({"ada"}), net.today);
  REQUIRE(logged);
  CHECK(logged->interaction.day == net.today);
  CHECK(logged->interaction.direction == Direction::mutual);
  CHECK(logged->interaction.weight == 1);
  CHECK_FALSE(logged->interaction.channel);
}

TEST_CASE("after a log each person's next check-in is one cadence after it", "[use_cases][log]") {
  Network net;
  net.add("Ada", typed("mentor"), day("2026-06-01"));     // 6 weeks
  net.add("Grace", typed("sponsor"), day("2026-06-01"));  // 4 weeks
  net.add("Bob", {}, day("2026-06-01"));                  // never due
  LogRequest request = with({"ada", "grace", "bob"});
  request.on = day("2026-11-20");
  request.received = true;
  request.weight = 2;
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  REQUIRE(logged->people.size() == 3);
  CHECK(logged->people[0].due.next == day("2027-01-01"));
  CHECK(logged->people[1].due.next == day("2026-12-18"));
  CHECK_FALSE(logged->people[2].due.next);
  for (const auto& p : logged->people) {
    CAPTURE(p.contact.name);
    CHECK(p.contact.last_contact == day("2026-11-20"));
    CHECK(p.contact.balance.received == 2);
  }
}

TEST_CASE("a log long ago leaves the person still overdue", "[use_cases][log]") {
  Network net;
  net.add("Grace", typed("manager"), day("2026-01-01"));
  LogRequest request = with({"grace"});
  request.on = day("2026-10-01");
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  CHECK(logged->people[0].due.next == day("2026-10-15"));
  CHECK(logged->people[0].due.overdue());
}

TEST_CASE("logging with someone completes the outreach booked for them within a week",
          "[use_cases][log]") {
  Network net;
  std::int64_t ada = net.add("Ada");
  std::int64_t grace = net.add("Grace");
  struct Booking {
    std::int64_t who;
    std::string due;
    bool fulfilled;
  };
  const std::vector<Booking> bookings = {
      {ada, "2026-11-18", true},     // overdue booking: done
      {ada, "2026-11-22", true},     // today
      {ada, "2026-11-29", true},     // a week on: the last day it counts
      {ada, "2026-11-30", false},    // more than a week on
      {grace, "2026-11-23", false},  // someone else's
  };
  std::vector<std::int64_t> ids;
  for (const Booking& b : bookings) ids.push_back(net.book(ReminderKind::plan, b.who, day(b.due)));
  std::int64_t promise = net.book(ReminderKind::promise, ada, day("2026-11-23"));

  auto logged = log_interaction(net.store(), with({"ada"}), net.today);
  REQUIRE(logged);
  CHECK(logged->plans_done == 3);
  for (std::size_t i = 0; i < bookings.size(); ++i) {
    CAPTURE(bookings[i].due, bookings[i].who);
    Reminder r = net.reminder(ids[i]);
    CHECK(r.done_on.has_value() == bookings[i].fulfilled);
    if (bookings[i].fulfilled) CHECK(r.done_on == net.today);
  }
  CHECK_FALSE(net.reminder(promise).done_on);  // only booked outreach is fulfilled
}

TEST_CASE("outreach is completed from the day the interaction happened", "[use_cases][log]") {
  Network net;
  std::int64_t ada = net.add("Ada");
  std::int64_t booked = net.book(ReminderKind::plan, ada, day("2026-11-20"));
  LogRequest request = with({"ada"});
  request.on = day("2026-11-10");  // more than a week before the booking
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  CHECK(logged->plans_done == 0);
  CHECK_FALSE(net.reminder(booked).done_on);
}

TEST_CASE("a follow-up is recorded about the first person named, and returned as stored",
          "[use_cases][log]") {
  Network net;
  net.add("Ada");
  net.add("Grace");
  LogRequest request = with({"grace", "ada"}, "Asked for a referral");
  request.next = FollowUp{day("2026-11-27"), "  Send the CV "};
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  REQUIRE(logged->followup);
  const Reminder& f = *logged->followup;
  CHECK(f.id == 1);
  CHECK(f.uuid.size() == 36);
  CHECK(f.kind == ReminderKind::followup);
  CHECK(f.text == "Send the CV");
  CHECK(f.due == day("2026-11-27"));
  CHECK(f.anchor == day("2026-11-27"));
  CHECK(f.contact_id == 2);
  CHECK(f.contact_name == "Grace");
  CHECK_FALSE(f.every);
  CHECK(net.reminder(1).text == "Send the CV");
}

TEST_CASE("what a log may not say is refused before anything is written", "[use_cases][log]") {
  Network net;
  net.add("Grace");
  const std::string before = net.state();
  struct Case {
    std::string label;
    LogRequest request;
    std::string outcome;
  };
  auto change = [](auto set) {
    LogRequest r = with({"grace"});
    set(r);
    return r;
  };
  const std::vector<Case> cases = {
      {"nobody", with({}), "invalid_input: log with whom? name at least one person"},
      {"a blank summary", with({"grace"}, " \xC2\xA0 "),
       "invalid_input: empty summary: say what happened"},
      {"a summary with an escape", with({"grace"}, "Secret\x1b"),
       "invalid_input: invalid summary: it contains control characters"},
      {"tomorrow", change([](auto& r) { r.on = day("2026-11-23"); }),
       "invalid_input: --on 2026-11-23 is in the future (today is 2026-11-22); use 'kith "
       "remind' for what is still to come"},
      {"both directions", change([](auto& r) { r.gave = r.received = true; }),
       "invalid_input: --gave and --received exclude each other: give one direction, or "
       "neither for a mutual exchange"},
      {"weight 0", change([](auto& r) { r.weight = 0; }), "invalid_input: invalid weight 0"},
      {"weight 6", change([](auto& r) { r.weight = 6; }), "invalid_input: invalid weight 6"},
      {"a follow-up yesterday", change([](auto& r) {
         r.next = FollowUp{day("2026-11-21"), "x"};
       }),
       "invalid_input: --next 2026-11-21 is in the past (today is 2026-11-22)"},
      {"a blank follow-up", change([](auto& r) {
         r.next = FollowUp{day("2026-11-23"), " "};
       }),
       "invalid_input: --next: empty text: say what the next step is"},
      {"a follow-up with a bell", change([](auto& r) {
         r.next = FollowUp{day("2026-11-23"), "x\x07"};
       }),
       "invalid_input: invalid --next text: it contains control characters"},
      {"someone unknown among several", with({"grace", "nobody"}),
       "not_found: no contact matches 'nobody'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CHECK_THAT(outcome(log_interaction(net.store(), c.request, net.today)),
               Catch::StartsWith(c.outcome));
    CHECK(net.state() == before);
  }
}

TEST_CASE("a log on today and a follow-up due today are allowed", "[use_cases][log]") {
  Network net;
  net.add("Grace");
  LogRequest request = with({"grace"});
  request.on = net.today;
  request.next = FollowUp{net.today, "Call back"};
  CHECK(check_log(request, net.today));
  CHECK(log_interaction(net.store(), request, net.today));
}

}  // namespace kith
