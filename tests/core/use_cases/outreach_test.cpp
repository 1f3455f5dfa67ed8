// The outreach use cases on an in-memory store: the daily report and planning, with what they
// read, what they book, and what they refuse.
#include "kith/use_cases/outreach.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/fixtures.hpp"
#include "write_for_test.hpp"

namespace kith {
namespace {

using test::day;

namespace fs = std::filesystem;

const Date kToday = day("2026-11-23");  // a Monday

// A temporary folder removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kith-outreach-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// The network of tests/cli/report_test.cpp, as of kToday:
//   Ada (mentor, circle 1): last talked 2026-09-01, received more than gave; due 10-13.
//   Grace (sponsor, circle 2): last talked 2026-10-01, a promise due 11-20; due 10-29.
//   José (peer): added 2026-08-01, never contacted; due 09-26.
//   Linus (report, circle 1): talked 11-16; due 11-30.
//   Mia (customer): talked 10-20; due 11-17.
//   Otto (peer, archived): long overdue, but archived.
struct Network {
  Store store = Store::in_memory().value();
  std::map<std::string, std::int64_t> ids;

  Network() {
    REQUIRE(write_for_test(store, [&]() -> Status {
      auto add = [&](std::string name, std::string type, std::string_view added,
                     std::optional<int> circle = std::nullopt) -> Status {
        Contact c;
        c.name = name;
        c.types = {std::move(type)};
        c.added_on = day(added);
        c.circle = circle;
        auto id = store.add_contact(c);
        if (!id) return id.error();
        ids[name.substr(0, name.find(' '))] = *id;
        return {};
      };
      KITH_TRY(add("Ada Lovelace", "mentor", "2026-06-01", 1));
      KITH_TRY(add("Grace Hopper", "sponsor", "2026-06-01", 2));
      KITH_TRY(add("Linus Berg", "report", "2026-06-01", 1));
      KITH_TRY(add("Mia Chen", "customer", "2026-06-01"));
      KITH_TRY(add("Otto Weiss", "peer", "2026-06-01"));
      KITH_TRY(add("José Núñez", "peer", "2026-08-01"));
      auto log = [&](std::string_view who, std::string_view on, std::string summary,
                     Direction direction, int weight) -> Status {
        Interaction x;
        x.day = day(on);
        x.summary = std::move(summary);
        x.direction = direction;
        x.weight = weight;
        x.people = {{ids.at(std::string(who)), ""}};
        auto id = store.add_interaction(x);
        if (!id) return id.error();
        return {};
      };
      KITH_TRY(log("Ada", "2026-09-01", "Career chat", Direction::received, 2));
      KITH_TRY(log("Grace", "2026-10-01", "Sent the write-up", Direction::gave, 1));
      KITH_TRY(log("Mia", "2026-10-20", "Quarterly review", Direction::mutual, 1));
      KITH_TRY(log("Linus", "2026-11-16", "One-on-one", Direction::mutual, 1));
      auto otto = store.contact(ids.at("Otto"));
      if (!otto) return otto.error();
      otto->archived = true;
      KITH_TRY(store.update_contact(*otto));
      Reminder promise;
      promise.contact_id = ids.at("Grace");
      promise.kind = ReminderKind::promise;
      promise.text = "Send the board deck";
      promise.due = promise.anchor = day("2026-11-20");
      auto id = store.add_reminder(promise);
      if (!id) return id.error();
      return {};
    }));
  }

  // The open reminders of kind plan: "Grace Hopper 11-24, ...".
  std::string bookings() {
    std::string out;
    for (const Reminder& r : *store.reminders(std::nullopt)) {
      if (r.kind != ReminderKind::plan) continue;
      out += (out.empty() ? "" : ", ") + r.contact_name + " " + r.due.to_string().substr(5);
    }
    return out;
  }
};

// "Grace Hopper (sponsor, last 2026-10-01)", one per person.
std::string people(const std::vector<Outreach>& list) {
  std::string out;
  for (const Outreach& o : list) {
    if (!out.empty()) out += ", ";
    out += o.contact.name + " (" + o.urgency.heaviest_type + ", last " +
           (o.last ? o.last->day.to_string() : "never") + ")";
  }
  return out;
}

// "11-24 Grace Hopper #7, 11-24 Ada Lovelace #8": each slot's day, person and booking.
std::string slots(const OutreachPlan& plan) {
  std::string out;
  for (const PlannedOutreach& s : plan.slots) {
    if (!out.empty()) out += ", ";
    out += s.day.to_string().substr(5) + " " + s.person.contact.name;
    if (s.reminder_id) out += " #" + std::to_string(*s.reminder_id);
  }
  return out;
}

PlanOptions options(std::string_view start = "2026-11-24") {
  PlanOptions o;
  o.start = day(start);
  return o;
}

}  // namespace

TEST_CASE(
    "the daily report lists the most urgent overdue people with their contact, type and last "
    "interaction",
    "[use_cases][report]") {
  Network n;
  auto report = daily_report(n.store, kToday, {});
  REQUIRE(report);
  // Grace's promise is due: she is listed under it, not again to reach out to.
  CHECK(people(report->reach_out) ==
        "Ada Lovelace (mentor, last 2026-09-01), José Núñez (peer, last never), Mia Chen "
        "(customer, last 2026-10-20)");
  CHECK(report->overdue_total == 3);
  for (const Outreach& o : report->reach_out) CHECK(o.contact.id == o.urgency.id);
  CHECK(report->reach_out[0].urgency.net == -2);
  CHECK(report->reach_out[0].last->summary == "Career chat");
  REQUIRE(report->due_now.size() == 1);
  CHECK(report->due_now[0].text == "Send the board deck");
  CHECK_FALSE(report->nothing_due());
}

TEST_CASE("the daily report lists at most the limit and counts the rest", "[use_cases][report]") {
  Network n;
  auto two = daily_report(n.store, kToday, {2, 7});
  REQUIRE(two);
  CHECK(people(two->reach_out) ==
        "Ada Lovelace (mentor, last 2026-09-01), José Núñez (peer, last never)");
  CHECK(two->overdue_total == 3);
  auto none = daily_report(n.store, kToday, {0, 7});
  REQUIRE(none);
  CHECK(none->reach_out.empty());
  CHECK(none->overdue_total == 3);
}

TEST_CASE("the daily report refuses options out of range naming them", "[use_cases][report]") {
  Network n;
  auto limit = daily_report(n.store, kToday, {-1, 7});
  REQUIRE_FALSE(limit);
  CHECK(limit.error().code == Errc::invalid_input);
  CHECK(limit.error().message == "invalid --limit -1: expected 0 to 1000");
  auto ahead = daily_report(n.store, kToday, {10, 367});
  REQUIRE_FALSE(ahead);
  CHECK(ahead.error().message == "invalid --ahead 367: expected 0 to 366 days");
  CHECK(check_report_options({1000, 366}));
}

TEST_CASE("a plan without save books nothing and shows each person with their last talk",
          "[use_cases][plan]") {
  Network n;
  auto plan = plan_outreach(n.store, kToday, options(), false);
  REQUIRE(plan);
  // Grace's promise is due: it stands for reaching out to her.
  CHECK(slots(*plan) == "11-24 Ada Lovelace, 11-24 José Núñez, 11-25 Mia Chen, 11-30 Linus Berg");
  CHECK(plan->already_planned == 1);
  CHECK_FALSE(plan->saved);
  CHECK(plan->slots[0].person.urgency.heaviest_type == "mentor");
  CHECK(plan->slots[3].person.last->summary == "One-on-one");
  CHECK_FALSE(plan->slots[1].person.last);
  CHECK(n.bookings().empty());
}

TEST_CASE("a saved plan books each slot as a reminder that the next plan leaves out",
          "[use_cases][plan]") {
  Network n;
  PlanOptions two_days = options();
  two_days.days = 2;
  auto plan = plan_outreach(n.store, kToday, two_days, true);
  REQUIRE(plan);
  CHECK(plan->saved);
  CHECK(slots(*plan) == "11-24 Ada Lovelace #2, 11-24 José Núñez #3, 11-25 Mia Chen #4");
  CHECK(n.bookings() == "Ada Lovelace 11-24, José Núñez 11-24, Mia Chen 11-25");
  auto reminder = n.store.reminder(2);
  REQUIRE(reminder);
  CHECK(reminder->text == "Reach out to Ada Lovelace");

  auto again = plan_outreach(n.store, kToday, options(), true);
  REQUIRE(again);
  CHECK(slots(*again) == "11-30 Linus Berg #5");
  CHECK(again->already_planned == 4);  // three booked, and Grace's promise

  // The people booked leave the report's reach out; their bookings show as due instead.
  auto report = daily_report(n.store, day("2026-11-24"), {});
  REQUIRE(report);
  CHECK(people(report->reach_out).empty());
  CHECK(report->overdue_total == 0);
}

TEST_CASE("a plan for a type the store does not know is refused and books nothing",
          "[use_cases][plan]") {
  Network n;
  PlanOptions o = options();
  o.types = {"investor"};
  auto plan = plan_outreach(n.store, kToday, o, true);
  REQUIRE_FALSE(plan);
  CHECK(plan.error().code == Errc::invalid_input);
  CHECK(plan.error().message ==
        "unknown type 'investor' (known: customer, manager, mentor, peer, report, sponsor)");
  CHECK(n.bookings().empty());
}

TEST_CASE("a plan takes only the types asked for, named in any case and once",
          "[use_cases][plan]") {
  Network n;
  PlanOptions o = options();
  o.types = {"Sponsor", "peer", "PEER"};
  auto plan = plan_outreach(n.store, kToday, o, false);
  REQUIRE(plan);
  CHECK(plan->options.types == std::vector<std::string>{"sponsor", "peer"});
  CHECK(slots(*plan) == "11-24 José Núñez");  // Grace's promise is due
}

TEST_CASE("plan options out of range are refused with the messages kith plan shows",
          "[use_cases][plan]") {
  Network n;
  struct Case {
    const char* what;
    PlanOptions options;
    std::string error;
  };
  PlanOptions days = options(), per_day = options(), past = options("2026-11-20"), type = options();
  days.days = 0;
  per_day.per_day = 51;
  type.types = {"no way"};
  std::vector<Case> cases = {
      {"days", days, "invalid --days 0: expected 1 to 366"},
      {"per day", per_day, "invalid --per-day 51: expected 1 to 50"},
      {"start in the past", past,
       "--start 2026-11-20 is in the past (today is 2026-11-23): a plan is for today or later"},
      {"a type name that is none", type, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    auto plan = plan_outreach(n.store, kToday, c.options, true);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == Errc::invalid_input);
    if (!c.error.empty()) CHECK(plan.error().message == c.error);
  }
  CHECK(n.bookings().empty());
  PlanOptions weekend = options("2026-11-28");  // a window that starts on a Saturday
  weekend.days = 2;
  CHECK(check_plan_options(weekend, kToday));                // takes Monday and Tuesday
  CHECK(check_plan_options(options("2026-11-23"), kToday));  // today itself is not the past
}

TEST_CASE("a saved plan on a database that does not exist books nothing and creates nothing",
          "[use_cases][plan]") {
  TempDir dir;
  fs::path path = dir.path / "kith.db";
  auto store = Store::open(path, Store::Access::write_existing);
  REQUIRE(store);
  CHECK(store->missing());
  auto plan = plan_outreach(*store, kToday, options(), true);
  REQUIRE(plan);
  CHECK_FALSE(plan->saved);
  CHECK(plan->slots.empty());
  auto report = daily_report(*store, kToday, {});
  REQUIRE(report);
  CHECK(report->nothing_due());
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a saved plan on a database that exists is written to it", "[use_cases][plan]") {
  TempDir dir;
  fs::path path = dir.path / "kith.db";
  {
    auto store = Store::open(path, Store::Access::write);
    REQUIRE(store);
    REQUIRE(write_for_test(*store, [&]() -> Status {
      Contact c;
      c.name = "Ada Lovelace";
      c.types = {"mentor"};
      c.added_on = day("2026-06-01");
      auto id = store->add_contact(c);
      if (!id) return id.error();
      return {};
    }));
  }
  {
    auto store = Store::open(path, Store::Access::write_existing);
    REQUIRE(store);
    CHECK_FALSE(store->missing());
    auto plan = plan_outreach(*store, kToday, options(), true);
    REQUIRE(plan);
    CHECK(plan->saved);
    CHECK(slots(*plan) == "11-24 Ada Lovelace #1");
  }
  auto store = Store::open(path, Store::Access::read);
  REQUIRE(store);
  auto booked = store->reminder(1);
  REQUIRE(booked);
  CHECK(booked->kind == ReminderKind::plan);
}

}  // namespace kith
