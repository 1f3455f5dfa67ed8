// Reminders (kith remind, done, snooze, cancel, change) against an in-memory store.
#include "kith/use_cases/reminders.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"

namespace kith {
namespace {

using test::day;
using test::every;
using test::Network;
using test::outcome;

ReminderRequest on(std::string text, Date due) {
  ReminderRequest request;
  request.text = std::move(text);
  request.on = due;
  return request;
}

// "due|open" or "due|done on DAY": a reminder's state as the table cases write it.
std::string state_of(const Reminder& r) {
  return r.due.to_string() + "|" + (r.done_on ? "done " + r.done_on->to_string() : "open");
}

}  // namespace

TEST_CASE("remind adds a reminder due on a day, or a while after today, as stored",
          "[use_cases][reminders]") {
  Network net;
  auto first = remind(net.store(), on("  Update my mentor list ", day("2026-11-27")), net.today);
  REQUIRE(first);
  CHECK(first->id == 1);
  CHECK(first->uuid.size() == 36);
  CHECK(first->kind == ReminderKind::reminder);
  CHECK(first->text == "Update my mentor list");
  CHECK(first->due == day("2026-11-27"));
  CHECK(first->anchor == day("2026-11-27"));
  CHECK_FALSE(first->contact_id);

  ReminderRequest later;
  later.text = "Quarterly review";
  later.in = every("1m");
  later.every = every("3m");
  auto second = remind(net.store(), later, net.today);
  REQUIRE(second);
  CHECK(second->due == day("2026-12-22"));
  CHECK(second->every == every("3m"));
}

TEST_CASE("a promise is made to someone and names them", "[use_cases][reminders]") {
  Network net;
  net.add("Ada Lovelace");
  ReminderRequest request = on("Send the deck", day("2026-11-25"));
  request.who = "ada";
  request.promise = true;
  auto promise = remind(net.store(), request, net.today);
  REQUIRE(promise);
  CHECK(promise->kind == ReminderKind::promise);
  CHECK(promise->contact_id == 1);
  CHECK(promise->contact_name == "Ada Lovelace");
}

TEST_CASE("what a reminder may not say is refused before anything is written",
          "[use_cases][reminders]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Ada Byron");
  const std::string before = net.state();
  struct Case {
    std::string label;
    ReminderRequest request;
    std::string outcome;
  };
  auto change = [](auto set) {
    ReminderRequest r;
    r.text = "Call";
    r.on = day("2026-11-27");
    set(r);
    return r;
  };
  const std::vector<Case> cases = {
      {"no day", change([](auto& r) { r.on.reset(); }),
       "invalid_input: when? give --on DATE (like friday or 2026-12-01) or --in DURATION (like "
       "2w)"},
      {"a day and a duration", change([](auto& r) { r.in = every("2w"); }),
       "invalid_input: give --on DATE or --in DURATION, not both"},
      {"yesterday", change([](auto& r) { r.on = day("2026-11-21"); }),
       "invalid_input: --on 2026-11-21 is in the past (today is 2026-11-22); a reminder is for "
       "today or later: try --on today, or --in 1w"},
      {"a blank text", change([](auto& r) { r.text = "\xE2\x80\x8B"; }),
       "invalid_input: empty reminder text: say what to do"},
      {"a text with a bell", change([](auto& r) { r.text = "x\x07"; }),
       "invalid_input: invalid reminder text: it contains control characters"},
      {"a promise to nobody", change([](auto& r) { r.promise = true; }),
       "invalid_input: a promise is made to someone: kith remind WHO TEXT --promise ..."},
      {"someone unknown", change([](auto& r) { r.who = "nobody"; }),
       "not_found: no contact matches 'nobody'"},
      {"someone ambiguous", change([](auto& r) { r.who = "ada"; }),
       "ambiguous: 'ada' matches 2 contacts: Ada Byron (#2), Ada Lovelace (#1)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CHECK(outcome(remind(net.store(), c.request, net.today)) == c.outcome);
    CHECK(net.state() == before);
  }
}

TEST_CASE("a reminder a while ahead must fall within the supported dates",
          "[use_cases][reminders]") {
  Network net;
  net.today = day("2200-01-01");
  ReminderRequest request;
  request.text = "Later";
  request.in = every("1y");
  CHECK(outcome(remind(net.store(), request, net.today)) ==
        "invalid_input: --in 1y: that is past 2200-12-31, the last date kith supports");
  request.in = every("11m");
  CHECK(remind(net.store(), request, net.today));
}

TEST_CASE("done on a one-off reminder marks it done today", "[use_cases][reminders]") {
  Network net;
  std::int64_t id = net.book(ReminderKind::reminder, std::nullopt, day("2026-11-27"));
  auto done = complete_reminder(net.store(), id, false, net.today);
  REQUIRE(done);
  CHECK(state_of(done->reminder) == "2026-11-27|done 2026-11-22");
  CHECK(done->reminder.last_done == net.today);
  CHECK_FALSE(done->past_last_date);
  CHECK(state_of(net.reminder(id)) == "2026-11-27|done 2026-11-22");
}

TEST_CASE("done on a weekly reminder moves it one week on", "[use_cases][reminders]") {
  Network net;
  std::int64_t id =
      net.book(ReminderKind::reminder, std::nullopt, net.today, "Water the plants", every("1w"));
  auto done = complete_reminder(net.store(), id, false, net.today);
  REQUIRE(done);
  CHECK(state_of(done->reminder) == "2026-11-29|open");
  CHECK(done->reminder.last_done == net.today);
  CHECK(net.reminder(id).anchor == net.today);  // the rhythm's first day is kept
}

// Each row: a reminder recurring from `first`, done on each day of `done_on` in turn; its due
// day after each.
TEST_CASE("recurring reminders come back once, on their rhythm", "[use_cases][reminders]") {
  struct Case {
    std::string label;
    std::string first;
    std::string rhythm;
    std::vector<std::string> done_on;
    std::vector<std::string> due_after;
  };
  for (const Case& c : std::vector<Case>{
           {"daily, done late", "2026-11-22", "1d", {"2026-11-25"}, {"2026-11-26"}},
           {"weekly, done three weeks late",
            "2026-11-23",
            "1w",
            {"2026-12-15", "2026-12-21"},
            {"2026-12-21", "2026-12-28"}},
           {"monthly on the 31st",
            "2026-12-31",
            "1m",
            {"2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"},
            {"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"}},
           {"yearly on Feb 29",
            "2028-02-29",
            "1y",
            {"2028-02-29", "2029-03-01", "2031-12-01"},
            {"2029-02-28", "2030-02-28", "2032-02-29"}},
       }) {
    CAPTURE(c.label);
    Network net;
    std::int64_t id =
        net.book(ReminderKind::reminder, std::nullopt, day(c.first), "x", every(c.rhythm));
    for (std::size_t i = 0; i < c.done_on.size(); ++i) {
      CAPTURE(c.done_on[i]);
      auto done = complete_reminder(net.store(), id, false, day(c.done_on[i]));
      REQUIRE(done);
      CHECK(state_of(done->reminder) == c.due_after[i] + "|open");
    }
  }
}

TEST_CASE("a recurring reminder done twice in a day is refused, and --stop ends it",
          "[use_cases][reminders]") {
  Network net;
  std::int64_t id =
      net.book(ReminderKind::reminder, std::nullopt, net.today, "Water the plants", every("1w"));
  REQUIRE(complete_reminder(net.store(), id, false, net.today));
  const std::string before = net.state();
  CHECK(outcome(complete_reminder(net.store(), id, false, net.today)) ==
        "invalid_input: reminder #1 was already done today; it is next due on 2026-11-29 (to "
        "end it: kith done 1 --stop)");
  CHECK(net.state() == before);
  auto stopped = complete_reminder(net.store(), id, true, net.today);
  REQUIRE(stopped);
  CHECK(state_of(stopped->reminder) == "2026-11-29|done 2026-11-22");
  CHECK_FALSE(stopped->past_last_date);
}

TEST_CASE("a recurrence with no next day within the supported dates is done for good",
          "[use_cases][reminders]") {
  Network net;
  net.today = day("2200-12-31");
  std::int64_t id =
      net.book(ReminderKind::reminder, std::nullopt, day("2200-12-31"), "Far", every("1y"));
  auto done = complete_reminder(net.store(), id, false, net.today);
  REQUIRE(done);
  CHECK(state_of(done->reminder) == "2200-12-31|done 2200-12-31");
  CHECK(done->past_last_date);
}

TEST_CASE("done and snooze refuse a reminder that is done or does not exist",
          "[use_cases][reminders]") {
  Network net;
  std::int64_t id = net.book(ReminderKind::reminder, std::nullopt, net.today);
  REQUIRE(complete_reminder(net.store(), id, false, net.today));
  const std::string before = net.state();
  Snooze week;
  week.by = every("1w");
  CHECK(outcome(complete_reminder(net.store(), id, false, net.today)) ==
        "invalid_input: reminder #1 is already done (on 2026-11-22)");
  CHECK(outcome(snooze_reminder(net.store(), id, week, net.today)) ==
        "invalid_input: reminder #1 is already done (on 2026-11-22)");
  CHECK(outcome(complete_reminder(net.store(), 99, false, net.today)) ==
        "not_found: no reminder #99");
  CHECK(outcome(snooze_reminder(net.store(), 99, week, net.today)) == "not_found: no reminder #99");
  CHECK(net.state() == before);
}

TEST_CASE("snooze by a duration counts from the due day, or from today once that passed",
          "[use_cases][reminders]") {
  struct Case {
    std::string due;
    std::string by;
    std::string today;
    std::string snoozed;
  };
  for (const Case& c : std::vector<Case>{
           {"2026-11-24", "3d", "2026-11-22", "2026-11-27"},
           {"2026-11-22", "1w", "2026-11-22", "2026-11-29"},
           {"2026-11-24", "1w", "2026-12-20", "2026-12-27"},
           {"2026-01-31", "1m", "2026-01-02", "2026-02-28"},
       }) {
    CAPTURE(c.due, c.by, c.today);
    Network net;
    std::int64_t id = net.book(ReminderKind::reminder, std::nullopt, day(c.due));
    Snooze snooze;
    snooze.by = every(c.by);
    auto snoozed = snooze_reminder(net.store(), id, snooze, day(c.today));
    REQUIRE(snoozed);
    CHECK(snoozed->due == day(c.snoozed));
    CHECK(snoozed->anchor == day(c.due));  // a recurrence keeps its rhythm
  }
}

TEST_CASE("snooze to a day moves the reminder there", "[use_cases][reminders]") {
  Network net;
  std::int64_t id = net.book(ReminderKind::promise, std::nullopt, day("2026-11-24"));
  Snooze snooze;
  snooze.to = day("2026-12-10");
  auto snoozed = snooze_reminder(net.store(), id, snooze, net.today);
  REQUIRE(snoozed);
  CHECK(state_of(*snoozed) == "2026-12-10|open");
  CHECK(state_of(net.reminder(id)) == "2026-12-10|open");
}

TEST_CASE("what a snooze may not ask is refused before anything is written",
          "[use_cases][reminders]") {
  Network net;
  net.today = day("2200-01-01");
  std::int64_t id = net.book(ReminderKind::reminder, std::nullopt, day("2200-12-31"));
  const std::string before = net.state();
  struct Case {
    std::optional<Duration> by;
    std::optional<Date> to;
    std::string outcome;
  };
  for (const Case& c : std::vector<Case>{
           {every("1w"), day("2200-01-02"),
            "invalid_input: give a DURATION or --to DATE, not both"},
           {std::nullopt, std::nullopt,
            "invalid_input: how long? give a DURATION (like 3d or 1w) or --to DATE"},
           {std::nullopt, day("2199-12-31"),
            "invalid_input: --to 2199-12-31 is in the past (today is 2200-01-01)"},
           {every("1y"), std::nullopt,
            "invalid_input: snoozing #1 by 1y goes past 2200-12-31, the last date kith "
            "supports"},
       }) {
    CAPTURE(c.outcome);
    CHECK(outcome(snooze_reminder(net.store(), id, Snooze{c.by, c.to}, net.today)) == c.outcome);
    CHECK(net.state() == before);
  }
}

TEST_CASE("cancel closes a reminder today without doing it, and it leaves every open list",
          "[use_cases][cancel]") {
  Network net;
  std::int64_t ada = net.add("Ada Lovelace");
  std::int64_t promise = net.book(ReminderKind::promise, ada, day("2026-11-20"), "Send the deck");
  std::int64_t weekly =
      net.book(ReminderKind::reminder, std::nullopt, day("2026-11-22"), "Water", every("1w"));
  auto cancelled = cancel_reminder(net.store(), promise, net.today);
  REQUIRE(cancelled);
  CHECK(cancelled->cancelled);
  CHECK(state_of(*cancelled) == "2026-11-20|done 2026-11-22");
  CHECK_FALSE(cancelled->last_done);  // it was not done
  CHECK(net.reminder(promise).cancelled);

  // A recurring one ends for good.
  auto ended = cancel_reminder(net.store(), weekly, net.today);
  REQUIRE(ended);
  CHECK(state_of(*ended) == "2026-11-22|done 2026-11-22");
  CHECK(ended->every == every("1w"));

  auto open = net.store().reminders(std::nullopt);
  REQUIRE(open);
  CHECK(open->empty());
  auto due = net.store().due_reminders(net.today, day("2026-12-31"), 10);
  REQUIRE(due);
  CHECK(due->reminders.empty());
  CHECK(due->due_total == 0);
  auto all = net.store().reminders(std::nullopt, true);
  REQUIRE(all);
  CHECK(all->size() == 2);
}

TEST_CASE("a reminder done or cancelled cannot be cancelled, done, snoozed or changed",
          "[use_cases][cancel]") {
  Network net;
  std::int64_t done = net.book(ReminderKind::reminder, std::nullopt, net.today);
  std::int64_t dropped = net.book(ReminderKind::reminder, std::nullopt, net.today);
  REQUIRE(complete_reminder(net.store(), done, false, net.today));
  REQUIRE(cancel_reminder(net.store(), dropped, day("2026-11-21")));
  const std::string before = net.state();
  Snooze week;
  week.by = every("1w");
  ReminderChange text;
  text.text = "Other";
  CHECK(outcome(cancel_reminder(net.store(), done, net.today)) ==
        "invalid_input: reminder #1 is already done (on 2026-11-22)");
  CHECK(outcome(cancel_reminder(net.store(), dropped, net.today)) ==
        "invalid_input: reminder #2 is already cancelled (on 2026-11-21)");
  CHECK(outcome(complete_reminder(net.store(), dropped, false, net.today)) ==
        "invalid_input: reminder #2 is already cancelled (on 2026-11-21)");
  CHECK(outcome(snooze_reminder(net.store(), dropped, week, net.today)) ==
        "invalid_input: reminder #2 is already cancelled (on 2026-11-21)");
  CHECK(outcome(change_reminder(net.store(), dropped, text, net.today)) ==
        "invalid_input: reminder #2 is already cancelled (on 2026-11-21)");
  CHECK(outcome(change_reminder(net.store(), done, text, net.today)) ==
        "invalid_input: reminder #1 is already done (on 2026-11-22)");
  CHECK(outcome(cancel_reminder(net.store(), 99, net.today)) == "not_found: no reminder #99");
  CHECK(outcome(change_reminder(net.store(), 99, text, net.today)) == "not_found: no reminder #99");
  CHECK(net.state() == before);
}

TEST_CASE("change sets a reminder's text, day, rhythm, person and promise flag",
          "[use_cases][change]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Grace Hopper");
  std::int64_t id =
      net.book(ReminderKind::reminder, std::nullopt, day("2026-12-03"), "Send the deck");
  ReminderChange change;
  change.text = " Send the final deck ";
  change.on = day("2026-12-10");
  change.every = every("1m");
  change.about = "grace";
  change.promise = true;
  auto changed = change_reminder(net.store(), id, change, net.today);
  REQUIRE(changed);
  CHECK(changed->before.text == "Send the deck");
  const Reminder& r = changed->after;
  CHECK(r.text == "Send the final deck");
  CHECK(r.due == day("2026-12-10"));
  CHECK(r.anchor == day("2026-12-10"));
  CHECK(r.every == every("1m"));
  CHECK(r.kind == ReminderKind::promise);
  CHECK(r.contact_id == 2);
  CHECK(r.contact_name == "Grace Hopper");
  CHECK(r.uuid == changed->before.uuid);
  CHECK(net.reminder(id).text == "Send the final deck");

  // Back to a one-off reminder about nobody, due a while from today.
  change = {};
  change.in = every("2w");
  change.once = true;
  change.nobody = true;
  change.no_promise = true;
  changed = change_reminder(net.store(), id, change, net.today);
  REQUIRE(changed);
  CHECK(changed->after.due == day("2026-12-06"));
  CHECK(changed->after.anchor == day("2026-12-06"));
  CHECK_FALSE(changed->after.every);
  CHECK_FALSE(changed->after.contact_id);
  CHECK(changed->after.kind == ReminderKind::reminder);
}

TEST_CASE("a new rhythm or due day starts a recurring reminder's rhythm there",
          "[use_cases][change]") {
  Network net;
  std::int64_t id =
      net.book(ReminderKind::reminder, std::nullopt, day("2026-11-01"), "Report", every("1m"));
  Snooze snooze;
  snooze.to = day("2026-11-25");
  REQUIRE(snooze_reminder(net.store(), id, snooze, net.today));  // off its rhythm
  CHECK(net.reminder(id).anchor == day("2026-11-01"));

  ReminderChange weekly;
  weekly.every = every("1w");
  REQUIRE(change_reminder(net.store(), id, weekly, net.today));
  CHECK(net.reminder(id).anchor == day("2026-11-25"));
  auto done = complete_reminder(net.store(), id, false, day("2026-11-25"));
  REQUIRE(done);
  CHECK(done->reminder.due == day("2026-12-02"));

  ReminderChange moved;
  moved.on = day("2026-12-04");
  REQUIRE(change_reminder(net.store(), id, moved, net.today));
  done = complete_reminder(net.store(), id, false, day("2026-12-04"));
  REQUIRE(done);
  CHECK(done->reminder.due == day("2026-12-11"));

  // The same rhythm again re-anchors a snoozed one: that is a change.
  snooze.to = day("2026-12-13");
  REQUIRE(snooze_reminder(net.store(), id, snooze, net.today));
  auto again = change_reminder(net.store(), id, weekly, net.today);
  REQUIRE(again);
  CHECK(again->after.anchor == day("2026-12-13"));
}

TEST_CASE("what a change may not do is refused and changes nothing", "[use_cases][change]") {
  Network net;
  std::int64_t ada = net.add("Ada Lovelace");
  net.add("Ada Byron");
  std::int64_t promise = net.book(ReminderKind::promise, ada, day("2026-11-27"), "Send the deck");
  std::int64_t followup = net.book(ReminderKind::followup, ada, day("2026-11-27"), "Call back");
  std::int64_t plan = net.book(ReminderKind::plan, ada, day("2026-11-24"), "Reach out");
  std::int64_t plain = net.book(ReminderKind::reminder, std::nullopt, day("2026-11-27"), "Water");
  const std::string before = net.state();
  struct Case {
    std::string label;
    std::int64_t id;
    ReminderChange change;
    std::string outcome;
  };
  auto with = [](auto set) {
    ReminderChange c;
    set(c);
    return c;
  };
  const std::vector<Case> cases = {
      {"nothing",
       promise,
       {},
       "invalid_input: nothing to change: give --text, --on, --in, --every, --once, --about, "
       "--nobody, --promise or --no-promise (see 'kith change --help')"},
      {"a blank text", promise, with([](auto& c) { c.text = "\xE2\x80\x8B"; }),
       "invalid_input: empty reminder text: say what to do"},
      {"a text with a bell", promise, with([](auto& c) { c.text = "x\x07"; }),
       "invalid_input: invalid reminder text: it contains control characters"},
      {"a day and a duration", promise, with([](auto& c) {
         c.on = day("2026-11-30");
         c.in = every("1w");
       }),
       "invalid_input: give --on DATE or --in DURATION, not both"},
      {"yesterday", promise, with([](auto& c) { c.on = day("2026-11-21"); }),
       "invalid_input: --on 2026-11-21 is in the past (today is 2026-11-22); a reminder is for "
       "today or later: try --on today, or --in 1w"},
      {"a rhythm and once", promise, with([](auto& c) {
         c.every = every("1w");
         c.once = true;
       }),
       "invalid_input: give --every DURATION or --once, not both"},
      {"someone and nobody", promise, with([](auto& c) {
         c.about = "ada lovelace";
         c.nobody = true;
       }),
       "invalid_input: give --about WHO or --nobody, not both"},
      {"promise and not", promise, with([](auto& c) { c.promise = c.no_promise = true; }),
       "invalid_input: give --promise or --no-promise, not both"},
      {"a promise to nobody", promise, with([](auto& c) { c.nobody = true; }),
       "invalid_input: reminder #1 would be a promise to nobody: a promise is made to someone; "
       "name them with --about WHO, or make it a reminder with --no-promise"},
      {"a promise about nobody in particular", plain, with([](auto& c) { c.promise = true; }),
       "invalid_input: reminder #4 would be a promise to nobody"},
      {"a follow-up made a promise", followup, with([](auto& c) { c.promise = true; }),
       "invalid_input: --promise: reminder #2 is a follow-up (from 'kith log --next'); only a "
       "reminder can become a promise, and a promise a reminder"},
      {"planned outreach made a reminder", plan, with([](auto& c) { c.no_promise = true; }),
       "invalid_input: --no-promise: reminder #3 is planned outreach (from 'kith plan --save')"},
      {"planned outreach about nobody", plan, with([](auto& c) { c.nobody = true; }),
       "invalid_input: reminder #3 is planned outreach (from 'kith plan --save'), which is for "
       "someone"},
      {"someone unknown", plain, with([](auto& c) { c.about = "nobody"; }),
       "not_found: no contact matches 'nobody'"},
      {"someone ambiguous", plain, with([](auto& c) { c.about = "ada"; }),
       "ambiguous: 'ada' matches 2 contacts"},
      {"the same values", promise, with([](auto& c) {
         c.text = "Send the deck ";
         c.on = day("2026-11-27");
         c.about = "lovelace";
         c.promise = true;
         c.once = true;
       }),
       "invalid_input: nothing to change: reminder #1 already is as given"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CHECK_THAT(outcome(change_reminder(net.store(), c.id, c.change, net.today)),
               Catch::StartsWith(c.outcome));
    CHECK(net.state() == before);
  }
}

TEST_CASE("a follow-up's text, day and person can change like any reminder's",
          "[use_cases][change]") {
  Network net;
  std::int64_t ada = net.add("Ada");
  net.add("Grace");
  std::int64_t id = net.book(ReminderKind::followup, ada, day("2026-11-27"), "Call back");
  ReminderChange change;
  change.about = "grace";
  change.on = day("2026-11-30");
  auto changed = change_reminder(net.store(), id, change, net.today);
  REQUIRE(changed);
  CHECK(changed->after.kind == ReminderKind::followup);
  CHECK(changed->after.contact_name == "Grace");
  CHECK(changed->after.due == day("2026-11-30"));
}

}  // namespace kith
