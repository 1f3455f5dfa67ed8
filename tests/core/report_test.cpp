// The daily report's assembly: its three sections, their order and their limits.
#include "kith/report.hpp"

#include <catch2/catch.hpp>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

const Date kToday = day("2026-11-23");

std::vector<RelationshipType> builtin() {
  auto types = test::builtin_types();
  types.resize(3);  // mentor, sponsor, peer
  return types;
}

Contact person(std::int64_t id, std::string name, std::string_view last_contact) {
  Contact c;
  c.id = id;
  c.name = std::move(name);
  c.types = {"peer"};
  c.added_on = day("2025-01-01");
  c.last_contact = day(last_contact);
  return c;
}

Reminder reminder(std::int64_t id, ReminderKind kind, std::string_view due,
                  std::optional<std::int64_t> contact = std::nullopt) {
  Reminder r;
  r.id = id;
  r.kind = kind;
  r.contact_id = contact;
  r.text = "r" + std::to_string(id);
  r.due = day(due);
  r.anchor = r.due;
  return r;
}

struct Fixture {
  std::vector<Contact> contacts;
  std::vector<RelationshipType> types = builtin();
  std::vector<Reminder> reminders;
  Report build(ReportOptions options = {}) {
    return build_report({&contacts, &types, &reminders}, kToday, options);
  }
};

std::string ids(const std::vector<Reminder>& rs) {
  std::string out;
  for (const auto& r : rs) out += (out.empty() ? "#" : " #") + std::to_string(r.id);
  return out;
}

std::string names(const std::vector<Outreach>& people) {
  std::string out;
  for (const auto& p : people) out += (out.empty() ? "" : ", ") + p.contact.name;
  return out;
}

std::string coming(const std::vector<Upcoming>& items) {
  std::string out;
  for (const auto& u : items) {
    if (!out.empty()) out += ", ";
    out += u.on.to_string().substr(5) + " " +
           (u.occasion ? u.occasion->name + " " + u.occasion->label
                       : "#" + std::to_string(u.reminder->id));
  }
  return out;
}

}  // namespace

TEST_CASE("due now lists open reminders due today or earlier with promises first", "[report]") {
  Fixture f;
  f.reminders = {reminder(1, ReminderKind::reminder, "2026-11-20"),
                 reminder(2, ReminderKind::followup, "2026-11-23"),
                 reminder(3, ReminderKind::promise, "2026-11-23"),
                 reminder(4, ReminderKind::promise, "2026-11-10"),
                 reminder(5, ReminderKind::plan, "2026-11-23"),
                 reminder(6, ReminderKind::reminder, "2026-11-24")};
  f.reminders[0].done_on = std::nullopt;
  Reminder done = reminder(7, ReminderKind::promise, "2026-11-01");
  done.done_on = day("2026-11-02");
  f.reminders.push_back(done);
  Report r = f.build();
  CHECK(ids(r.due_now) == "#4 #3 #1 #2 #5");
  CHECK(coming(r.coming_up) == "11-24 #6");
  CHECK_FALSE(r.nothing_due());
}

TEST_CASE("reach out lists the most urgent overdue people up to the limit and counts the rest",
          "[report]") {
  Fixture f;
  f.contacts = {person(1, "Ada", "2026-09-01"), person(2, "Bea", "2026-06-01"),
                person(3, "Cy", "2026-08-01"), person(4, "Dee", "2026-11-01")};
  Report all = f.build();
  CHECK(names(all.reach_out) == "Bea, Cy, Ada");
  CHECK(all.overdue_total == 3);
  Report two = f.build({2, 7});
  CHECK(names(two.reach_out) == "Bea, Cy");
  CHECK(two.overdue_total == 3);
  Report none = f.build({0, 7});
  CHECK(none.reach_out.empty());
  CHECK(none.overdue_total == 3);
}

TEST_CASE("people with a booked outreach are left out of reach out and their plan shows instead",
          "[report]") {
  Fixture f;
  f.contacts = {person(1, "Ada", "2026-09-01"), person(2, "Bea", "2026-06-01")};
  f.reminders = {reminder(9, ReminderKind::plan, "2026-11-23", 2)};
  Report r = f.build();
  CHECK(names(r.reach_out) == "Ada");
  CHECK(r.overdue_total == 1);
  CHECK(ids(r.due_now) == "#9");
}

TEST_CASE("coming up holds occasions after today and reminders after today within the window",
          "[report]") {
  Fixture f;
  Contact ada = person(1, "Ada", "2026-11-20");
  ada.birthday = *YearlyDate::parse("1980-11-30");
  ada.dates = {{"met", *YearlyDate::parse("--11-23")}};
  Contact bea = person(2, "Bea", "2026-11-20");
  bea.birthday = *YearlyDate::parse("--12-01");  // one day past the window
  f.contacts = {ada, bea};
  f.reminders = {reminder(1, ReminderKind::reminder, "2026-11-30"),
                 reminder(2, ReminderKind::reminder, "2026-12-01"),
                 reminder(3, ReminderKind::promise, "2026-11-25", 1)};
  Report r = f.build();
  CHECK(coming(r.coming_up) == "11-25 #3, 11-30 Ada birthday, 11-30 #1");
  CHECK(r.coming_up[1].occasion->years == 46);
  CHECK(r.coming_up_total == 3);
  REQUIRE(r.occasions_today.size() == 1);  // the date today has a section of its own
  CHECK(r.occasions_today[0].label == "met");
  CHECK(r.due_now.empty());
  CHECK(r.reach_out.empty());
  CHECK_FALSE(r.nothing_due());  // a date today is something to act on

  f.contacts[0].dates.clear();
  CHECK(f.build().nothing_due());
  CHECK(coming(f.build({10, 0}).coming_up).empty());
  CHECK(coming(f.build({10, 8}).coming_up) ==
        "11-25 #3, 11-30 Ada birthday, 11-30 #1, 12-01 Bea birthday, 12-01 #2");
}

TEST_CASE("a report with nothing due and nobody overdue and no date today has nothing due",
          "[report]") {
  Fixture f;
  CHECK(f.build().nothing_due());
  f.contacts = {person(1, "Ada", "2026-11-20")};
  f.reminders = {reminder(1, ReminderKind::promise, "2026-11-24", 1)};
  Report r = f.build();
  CHECK(r.nothing_due());
  CHECK(r.coming_up.size() == 1);
}

TEST_CASE(
    "occasions that fall today have their own section counted apart from coming up and bounded "
    "by the limit",
    "[report]") {
  Fixture f;
  Contact ada = person(1, "Ada", "2026-11-20");
  ada.birthday = *YearlyDate::parse("1990-11-23");
  ada.dates = {{"work anniversary", *YearlyDate::parse("2021-11-23")}};
  Contact bea = person(2, "Bea", "2026-11-20");
  bea.dates = {{"work anniversary", *YearlyDate::parse("--11-23")},
               {"met", *YearlyDate::parse("--11-24")}};
  f.contacts = {bea, ada};
  Report r = f.build();
  std::string today;
  for (const Occasion& o : r.occasions_today) {
    today += (today.empty() ? "" : ", ") + o.name + " " + o.label;
  }
  CHECK(today == "Ada birthday, Ada work anniversary, Bea work anniversary");
  CHECK(r.occasions_today_total == 3);
  CHECK(r.occasions_today[1].years == 5);
  CHECK(coming(r.coming_up) == "11-24 Bea met");
  CHECK(r.coming_up_total == 1);
  CHECK(r.occasion_today);
  CHECK_FALSE(r.nothing_due());

  Report two = f.build({2, 7});
  CHECK(two.occasions_today.size() == 2);
  CHECK(two.occasions_today_total == 3);
  Report none = f.build({0, 0});
  CHECK(none.occasions_today.empty());
  CHECK(none.occasions_today_total == 3);
  CHECK_FALSE(none.nothing_due());  // listed or not, a date today is worth the report
}

}  // namespace kith
