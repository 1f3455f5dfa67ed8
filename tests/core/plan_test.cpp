// Outreach planning: which days, who on each, and in which order.
#include "kith/plan.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

std::vector<RelationshipType> builtin() { return test::builtin_types(); }

Contact person(std::int64_t id, std::string name, std::string type, std::string_view last_contact) {
  Contact c;
  c.id = id;
  c.name = std::move(name);
  c.types = {std::move(type)};
  c.added_on = day("2025-01-01");
  c.last_contact = day(last_contact);
  return c;
}

struct Fixture {
  std::vector<Contact> contacts;
  std::vector<RelationshipType> types = builtin();
  std::vector<Reminder> reminders;
  PlanOptions options;
  Fixture() { options.start = day("2026-11-24"); }  // a Tuesday
  Plan make() { return make_plan({&contacts, &types, &reminders}, options); }
};

// "11-24: Ada, Bea | 11-25: Cy".
std::string layout(const Plan& plan) {
  std::string out;
  std::optional<Date> current;
  for (const PlanSlot& s : plan.slots) {
    if (s.day != current) {
      if (current) out += " | ";
      out += s.day.to_string().substr(5) + ": ";
      current = s.day;
    } else {
      out += ", ";
    }
    out += s.urgency.name;
  }
  return out;
}

std::string days(const std::vector<Date>& ds) {
  std::string out;
  for (Date d : ds) out += (out.empty() ? "" : " ") + d.to_string().substr(5);
  return out;
}

}  // namespace

TEST_CASE("a plan takes N working days from its start or N days of any kind with weekends",
          "[plan]") {
  PlanOptions o;
  o.start = day("2026-11-24");                                   // a Tuesday
  CHECK(days(plan_days(o)) == "11-24 11-25 11-26 11-27 11-30");  // the default: a working week
  o.weekends = true;
  o.days = default_plan_days(true);
  CHECK(days(plan_days(o)) == "11-24 11-25 11-26 11-27 11-28 11-29 11-30");
  o.weekends = false;
  o.start = day("2026-11-27");  // a Friday: tomorrow, on a Thursday
  o.days = 3;
  CHECK(days(plan_days(o)) == "11-27 11-30 12-01");
  o.weekends = true;
  CHECK(days(plan_days(o)) == "11-27 11-28 11-29");
  o.weekends = false;
  o.start = day("2026-11-28");  // a Saturday
  o.days = 2;
  CHECK(days(plan_days(o)) == "11-30 12-01");
  o.days = 1;
  CHECK(days(plan_days(o)) == "11-30");
}

TEST_CASE(
    "for any start and N a plan has exactly N strictly increasing days with no weekend day "
    "skipped or taken unless asked",
    "[plan][property]") {
  std::mt19937 random(19);
  std::uniform_int_distribution<int> offset(0, 3 * 366);
  std::uniform_int_distribution<int> length(1, 40);
  auto weekend = [](Date d) {
    return d.weekday() == Weekday::saturday || d.weekday() == Weekday::sunday;
  };
  for (int run = 0; run < 2000; ++run) {
    PlanOptions o;
    o.start = day("2025-12-29").plus_days(offset(random));
    o.days = run % 50 == 0 ? kMaxPlanDays : length(random);
    o.weekends = run % 2 == 1;
    CAPTURE(o.start.to_string(), o.days, o.weekends);
    std::vector<Date> ds = plan_days(o);
    REQUIRE(ds.size() == static_cast<std::size_t>(o.days));
    CHECK(ds.front() >= o.start);
    // Every day from the start to the last is taken exactly when it may take people.
    std::size_t next = 0;
    for (Date d = o.start; d <= ds.back(); d = d.plus_days(1)) {
      bool takes = o.weekends || !weekend(d);
      bool taken = next < ds.size() && ds[next] == d;
      REQUIRE(takes == taken);
      if (taken) ++next;
    }
    CHECK(next == ds.size());
  }
  CHECK(plan_days(PlanOptions{day("2026-11-24"), 0, 1, false, {}, {}, {}}).empty());
}

TEST_CASE("the most urgent people come first a few a day and the rest are counted", "[plan]") {
  Fixture f;
  for (int i = 0; i < 12; ++i) {
    // Everyone a peer; the lower the id, the longer since the last talk.
    f.contacts.push_back(person(i + 1, std::string(1, static_cast<char>('A' + i)), "peer",
                                day("2026-06-01").plus_days(i * 3).to_string()));
  }
  Plan plan = f.make();
  CHECK(layout(plan) == "11-24: A, B | 11-25: C, D | 11-26: E, F | 11-27: G, H | 11-30: I, J");
  CHECK(plan.unplaced == 2);
  f.options.per_day = 3;
  f.options.days = 2;
  CHECK(layout(f.make()) == "11-24: A, B, C | 11-25: D, E, F");
  CHECK(f.make().unplaced == 6);
}

TEST_CASE("a person due during the window is planned on or after their due day", "[plan]") {
  Fixture f;
  f.contacts = {person(1, "Later", "sponsor", "2026-10-29"),    // due 11-26
                person(2, "Now", "peer", "2026-09-01"),         // due 10-27
                person(3, "Beyond", "sponsor", "2026-11-20")};  // due 12-18: outside
  f.options.per_day = 1;
  Plan plan = f.make();
  CHECK(layout(plan) == "11-24: Now | 11-26: Later");
  CHECK(plan.unplaced == 0);
  CHECK(plan.slots[1].urgency.days_overdue == 0);
}

TEST_CASE("people with an outreach already booked are left out and counted", "[plan]") {
  Fixture f;
  f.contacts = {person(1, "Ada", "peer", "2026-08-01"), person(2, "Bea", "peer", "2026-08-02")};
  Reminder booked;
  booked.id = 1;
  booked.contact_id = 1;
  booked.kind = ReminderKind::plan;
  booked.due = day("2026-11-26");
  booked.anchor = booked.due;
  f.reminders = {booked};
  Plan plan = f.make();
  CHECK(layout(plan) == "11-24: Bea");
  CHECK(plan.already_planned == 1);
  f.reminders[0].done_on = day("2026-11-20");  // a done plan books nobody
  CHECK(layout(f.make()) == "11-24: Ada, Bea");
}

TEST_CASE("a type filter keeps only people of those types", "[plan]") {
  Fixture f;
  f.contacts = {person(1, "Ada", "peer", "2026-08-01"), person(2, "Bea", "mentor", "2026-08-02"),
                person(3, "Cy", "sponsor", "2026-08-03")};
  f.options.types = {"mentor", "sponsor"};
  CHECK(layout(f.make()) == "11-24: Cy, Bea");
}

TEST_CASE(
    "one day does not stack one type when a comparably urgent person of another type "
    "can go instead",
    "[plan]") {
  Fixture f;
  // Two sponsors and a mentor; the mentor a little less urgent than the second sponsor.
  f.contacts = {person(1, "Sam", "sponsor", "2026-10-01"),
                person(2, "Sue", "sponsor", "2026-10-02"),
                person(3, "Meg", "mentor", "2026-09-05")};
  Plan plan = f.make();
  REQUIRE(plan.slots.size() == 3);
  CHECK(plan.slots[1].priority < plan.slots[2].priority);  // Meg went ahead of Sue
  CHECK(plan.slots[2].priority - plan.slots[1].priority <= kComparablePoints);
  CHECK(layout(plan) == "11-24: Sam, Meg | 11-25: Sue");

  // When the other type is far less urgent, urgency wins and the type repeats.
  f.contacts[2] = person(3, "Meg", "mentor", "2026-11-01");
  f.contacts[2].every = every("2w");  // just due: little urgency
  CHECK(layout(f.make()) == "11-24: Sam, Sue | 11-25: Meg");
}

TEST_CASE("inner circles come first among comparable urgency", "[plan]") {
  Fixture f;
  f.contacts = {person(1, "Far", "peer", "2026-08-01"), person(2, "Near", "peer", "2026-08-03")};
  f.options.per_day = 1;
  CHECK(layout(f.make()) == "11-24: Far | 11-25: Near");
  f.contacts[1].circle = 1;
  CHECK(layout(f.make()) == "11-24: Near | 11-25: Far");
  f.contacts[1].circle = 3;
  f.contacts[0].circle = 3;
  CHECK(layout(f.make()) == "11-24: Far | 11-25: Near");
  CHECK(circle_points(1) > circle_points(2));
  CHECK(circle_points(2) > circle_points(3));
  CHECK(circle_points(std::nullopt) == circle_points(3));
}

TEST_CASE("archived people and people without a cadence are never planned", "[plan]") {
  Fixture f;
  f.contacts = {person(1, "Gone", "peer", "2026-01-01"), person(2, "Free", "peer", "2026-01-01")};
  f.contacts[0].archived = true;
  f.contacts[1].types.clear();
  Plan plan = f.make();
  CHECK(plan.slots.empty());
  CHECK(plan.unplaced == 0);
}

}  // namespace kith

namespace kith {

TEST_CASE("nobody spoken for on a day is planned on it, whatever the meetings and reminders",
          "[plan][property]") {
  std::mt19937 rng(19);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  static const char* kTypes[] = {"mentor", "sponsor", "peer", "manager", "report", "customer"};
  for (int round = 0; round < 200; ++round) {
    Fixture f;
    f.options.start = day("2026-11-23").plus_days(pick(7));
    f.options.days = 1 + pick(10);
    f.options.per_day = 1 + pick(3);
    f.options.weekends = pick(2) == 0;
    const int people = 1 + pick(25);
    for (int id = 1; id <= people; ++id) {
      f.contacts.push_back(person(id, "P" + std::to_string(id), kTypes[pick(6)],
                                  day("2026-11-23").plus_days(-pick(200)).to_string()));
      auto add = [&](ReminderKind kind, int from, int span) {
        Reminder r;
        r.id = id * 10 + static_cast<int>(f.reminders.size() % 10);
        r.contact_id = id;
        r.kind = kind;
        r.text = "x";
        r.due = f.options.start.plus_days(from + pick(span));
        r.anchor = r.due;
        if (kind == ReminderKind::meeting) r.every = every("1w");
        f.reminders.push_back(r);
      };
      if (pick(4) == 0) add(ReminderKind::meeting, -3, 40);
      if (pick(5) == 0) add(ReminderKind::followup, -5, 15);
      if (pick(6) == 0) add(ReminderKind::promise, -5, 15);
      if (pick(10) == 0) add(ReminderKind::plan, 0, 5);
      if (pick(5) == 0) add(ReminderKind::topic, -30, 30);  // a topic speaks for nobody
    }
    Plan plan = f.make();
    std::map<std::int64_t, UrgencyFacts> facts;
    for (const Contact& c : f.contacts) {
      std::vector<Reminder> theirs;
      for (const Reminder& r : f.reminders) {
        if (r.contact_id == c.id) theirs.push_back(r);
      }
      if (auto x = facts_of(c, f.types, theirs)) facts.emplace(c.id, *x);
    }
    for (const PlanSlot& slot : plan.slots) {
      CAPTURE(round, slot.urgency.id, slot.day.to_string());
      CHECK_FALSE(spoken_for(facts.at(slot.urgency.id), slot.day));
      CHECK(slot.day >= facts.at(slot.urgency.id).due);
    }
  }
}

TEST_CASE("a meeting speaks for its person up to a week after their due day or the day",
          "[plan][urgency]") {
  UrgencyFacts f;
  f.cadence = every("2w");
  f.due = day("2026-11-20");
  CHECK_FALSE(spoken_for(f, day("2026-11-23")));
  f.next_meeting = day("2026-11-30");  // a week after the day
  CHECK(spoken_for(f, day("2026-11-23")));
  f.next_meeting = day("2026-12-01");  // eight days after
  CHECK_FALSE(spoken_for(f, day("2026-11-23")));
  f.due = day("2026-11-25");  // not yet due: a week after the due day counts
  CHECK(spoken_for(f, day("2026-11-23")));
  f.next_meeting.reset();
  f.next_reminder = day("2026-11-23");  // a follow-up due that day
  CHECK(spoken_for(f, day("2026-11-23")));
  CHECK_FALSE(spoken_for(f, day("2026-11-22")));
  f.next_reminder.reset();
  f.planned = true;
  CHECK(spoken_for(f, day("2026-11-23")));
}

}  // namespace kith
