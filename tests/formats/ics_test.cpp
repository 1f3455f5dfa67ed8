// iCalendar output: recurrence rules with kith's calendar rules, and every line checked
// against RFC 5545.
#include "formats/ics.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "formats/rfc5545.hpp"

namespace kith::formats {
namespace {

Date day(std::string_view iso) { return *Date::parse_iso(iso); }

ReminderRecord reminder(std::string kind, std::string text, std::string due,
                        std::optional<std::string> every = std::nullopt,
                        std::optional<std::string> anchor = std::nullopt) {
  ReminderRecord r;
  r.reminder.uuid = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
  r.reminder.kind = *parse_reminder_kind(kind);
  r.reminder.text = std::move(text);
  r.reminder.due = day(due);
  r.reminder.anchor = day(anchor.value_or(due));
  if (every) r.reminder.every = *Duration::parse(*every);
  return r;
}

std::string describe(const std::vector<CalendarEvent>& events) {
  std::string out;
  for (const auto& e : events) {
    out += e.uid + " " + e.start.to_string() + " " + (e.rrule.empty() ? "once" : e.rrule) + " | " +
           e.summary + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("recurrence rules follow kith's calendar: month ends clamp, Feb 29 yearly",
          "[formats][ics]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"1d", "2026-11-22", "FREQ=DAILY"},
      {"10d", "2026-11-22", "FREQ=DAILY;INTERVAL=10"},
      {"2w", "2026-11-22", "FREQ=WEEKLY;INTERVAL=2"},
      {"1m", "2026-11-22", "FREQ=MONTHLY"},
      {"1m", "2026-01-28", "FREQ=MONTHLY"},
      {"1m", "2026-01-31", "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1"},
      {"3m", "2026-01-30", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30,-1;BYSETPOS=1"},
      {"1y", "2026-03-01", "FREQ=YEARLY"},
      {"1y", "2024-02-29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"},
      {"4y", "2024-02-29", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=-1"}};
  for (const auto& [every, anchor, rule] : cases) {
    CAPTURE(every, anchor);
    CHECK(recurrence_rule(*Duration::parse(every), day(anchor)) == rule);
  }
  CHECK(yearly_rule(2, 29) == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
  CHECK(yearly_rule(12, 9) == "FREQ=YEARLY");
}

TEST_CASE("each kind of reminder becomes an event saying what to do and for whom",
          "[formats][ics]") {
  auto with = [](ReminderRecord r, std::string who) {
    r.reminder.contact_name = std::move(who);
    return r;
  };
  CHECK(
      describe(reminder_events(with(reminder("promise", "Send the deck", "2026-11-27"), "Ada"))) ==
      "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@kith 2026-11-27 once | Promise to Ada: Send the "
      "deck\n");
  CHECK(
      describe(reminder_events(with(reminder("plan", "Ask about the reorg", "2026-11-23"), "Ada")))
          .find("Reach out to Ada: Ask about the reorg") != std::string::npos);
  CHECK(describe(reminder_events(with(reminder("followup", "Slides", "2026-11-23"), "Ada")))
            .find("Follow up with Ada: Slides") != std::string::npos);
  CHECK(describe(reminder_events(reminder("reminder", "Review my list", "2026-12-01", "3m"))) ==
        "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@kith 2026-12-01 FREQ=MONTHLY;INTERVAL=3 | Review "
        "my list\n");
}

TEST_CASE("a recurring reminder snoozed off its rhythm shows the snoozed day, then the rhythm",
          "[formats][ics]") {
  // Every 2 weeks from Nov 2; snoozed from Nov 16 to Nov 19. Done on Nov 19, it comes back on
  // Nov 30, the rhythm's next day.
  auto events = reminder_events(reminder("reminder", "1:1 prep", "2026-11-19", "2w", "2026-11-02"));
  CHECK(describe(events) ==
        "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee-snoozed@kith 2026-11-19 once | 1:1 prep\n"
        "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@kith 2026-11-30 FREQ=WEEKLY;INTERVAL=2 | 1:1 prep\n");
  // On its rhythm (moved on by `done`), one recurring event from the due day.
  CHECK(describe(reminder_events(reminder("reminder", "x", "2026-11-30", "2w", "2026-11-02"))) ==
        "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@kith 2026-11-30 FREQ=WEEKLY;INTERVAL=2 | x\n");
}

TEST_CASE(
    "birthdays and important dates recur yearly (from 2000 without a year), none for "
    "archived contacts",
    "[formats][ics]") {
  ContactRecord r;
  r.contact.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  r.contact.name = "Ada";
  r.contact.birthday = *YearlyDate::parse("--02-29");
  r.contact.dates = {{"work anniversary", *YearlyDate::parse("2019-03-01")}};
  CHECK(describe(occasion_events(r)) ==
        "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10-birthday@kith 2000-02-29 "
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1 | Birthday: Ada\n"
        "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10-date-work%20anniversary@kith 2019-03-01 "
        "FREQ=YEARLY | Work anniversary: Ada\n");
  r.contact.archived = true;
  CHECK(occasion_events(r).empty());
}

TEST_CASE("a calendar passes RFC 5545's rules line by line", "[formats][ics]") {
  std::ostringstream out;
  IcsWriter writer(out, "2026-11-22T21:03:11.512Z");
  ReminderRecord long_one = reminder(
      "promise",
      std::string(40, 'x') + ", then; more\nand " + "a café with José Núñez and 山田 太郎 ☕",
      "2026-11-27");
  long_one.reminder.contact_name = "Zoë Laurent-Østergård";
  for (const auto& e : reminder_events(long_one)) writer.add(e);
  ContactRecord c;
  c.contact.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  c.contact.name = "Ada, the Countess; of Lovelace";
  c.contact.birthday = *YearlyDate::parse("1915-12-10");
  for (const auto& e : occasion_events(c)) writer.add(e);
  ReminderRecord monthly = reminder("reminder", "r", "2026-11-19", "1m", "2026-01-31");
  monthly.reminder.uuid = "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee";
  for (const auto& e : reminder_events(monthly)) writer.add(e);
  writer.finish();
  std::string text = out.str();
  CAPTURE(text);
  CHECK(test::rfc5545_problems(text) == std::vector<std::string>{});
  CHECK(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith//EN\r\n", 0) == 0);
  CHECK(text.find("DTSTAMP:20261122T210311Z\r\n") != std::string::npos);
  CHECK(text.find("DTSTART;VALUE=DATE:20261127\r\nDTEND;VALUE=DATE:20261128\r\n") !=
        std::string::npos);
  CHECK(text.find("SUMMARY:Birthday: Ada\\, the Countess\\; of Lovelace\r\n") != std::string::npos);
  CHECK(text.find("RRULE:FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1\r\n") != std::string::npos);
}

TEST_CASE("the RFC 5545 checker catches what it is meant to", "[formats][ics]") {
  CHECK_FALSE(test::rfc5545_problems("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n").empty());
  CHECK_FALSE(
      test::rfc5545_problems("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith//EN\r\n"
                             "BEGIN:VEVENT\r\nDTSTAMP:20261122T210311Z\r\n"
                             "DTSTART;VALUE=DATE:20261127\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
          .empty());  // no UID
  CHECK_FALSE(
      test::rfc5545_problems("BEGIN:VCALENDAR\r\n" + std::string(80, 'X') + "\r\nEND:VCALENDAR\r\n")
          .empty());
}

}  // namespace kith::formats
