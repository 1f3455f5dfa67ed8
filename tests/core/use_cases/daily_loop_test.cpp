// The daily loop against an in-memory store: agenda topics, logs that close what they finish
// (--covered, --done, meetings), and skipping a round.
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/interactions.hpp"
#include "kith/use_cases/outreach.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith {
namespace {

using test::day;
using test::every;
using test::Network;
using test::outcome;

LogRequest with(std::vector<std::string> people, std::string summary = "1:1") {
  LogRequest request;
  request.people = std::move(people);
  request.summary = std::move(summary);
  return request;
}

ContactChange every_(const std::string& cadence) {
  ContactChange change;
  change.every = every(cadence);
  return change;
}

std::vector<std::int64_t> ids(const std::vector<Reminder>& list) {
  std::vector<std::int64_t> out;
  for (const Reminder& r : list) out.push_back(r.id);
  return out;
}

}  // namespace

TEST_CASE("agenda topics are raised for someone and listed oldest first, by person",
          "[use_cases][agenda]") {
  Network net;
  net.add("Maya Chen");
  net.add("Lin Wu");
  auto first = raise_topic(net.store(), "maya", "  Promotion timeline ", net.today);
  REQUIRE(first);
  CHECK(first->kind == ReminderKind::topic);
  CHECK(first->text == "Promotion timeline");
  CHECK(first->due == net.today);
  CHECK(first->contact_name == "Maya Chen");
  REQUIRE(raise_topic(net.store(), "lin", "Conference budget", net.today.plus_days(1)));
  REQUIRE(raise_topic(net.store(), "maya", "Team offsite", net.today.plus_days(2)));

  auto maya = agenda(net.store(), std::string("maya"));
  REQUIRE(maya);
  REQUIRE(maya->person);
  CHECK(ids(maya->topics) == std::vector<std::int64_t>{1, 3});
  auto everyone = agenda(net.store(), std::nullopt);
  REQUIRE(everyone);
  CHECK(ids(everyone->topics) == std::vector<std::int64_t>{2, 1, 3});  // Lin Wu, then Maya Chen

  // Topics are not reminders: kith reminders and the report's due list leave them out.
  auto open = net.store().reminders(std::nullopt);
  REQUIRE(open);
  CHECK(open->empty());
}

TEST_CASE("a blank topic or an unknown person is refused and changes nothing",
          "[use_cases][agenda]") {
  Network net;
  net.add("Maya Chen");
  std::string before = net.state();
  CHECK(outcome(raise_topic(net.store(), "maya", "  ", net.today)) ==
        "invalid_input: empty topic: say what to raise");
  CHECK(outcome(raise_topic(net.store(), "nobody", "x", net.today)).rfind("not_found", 0) == 0);
  CHECK(net.state() == before);
}

TEST_CASE("log --covered closes the named topics and the others carry over",
          "[use_cases][agenda][log]") {
  Network net;
  net.add("Maya Chen");
  std::vector<std::int64_t> topics;
  for (const char* text : {"Promotion", "Budget", "Offsite"}) {
    auto t = raise_topic(net.store(), "maya", text, net.today);
    REQUIRE(t);
    topics.push_back(t->id);
  }
  LogRequest request = with({"maya"});
  request.covered = {topics[0], topics[2]};
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  CHECK(ids(logged->covered) == std::vector<std::int64_t>{topics[0], topics[2]});
  CHECK(ids(logged->open_topics) == std::vector<std::int64_t>{topics[1]});
  CHECK(net.reminder(topics[0]).done_on == net.today);
  CHECK_FALSE(net.reminder(topics[0]).cancelled);
  CHECK_FALSE(net.reminder(topics[1]).done_on);

  // A log that covers nothing leaves every topic open.
  auto plain = log_interaction(net.store(), with({"maya"}), net.today);
  REQUIRE(plain);
  CHECK(plain->covered.empty());
  CHECK(ids(plain->open_topics) == std::vector<std::int64_t>{topics[1]});

  LogRequest all = with({"maya"});
  all.covered_all = true;
  auto everything = log_interaction(net.store(), all, net.today);
  REQUIRE(everything);
  CHECK(ids(everything->covered) == std::vector<std::int64_t>{topics[1]});
  CHECK(everything->open_topics.empty());
}

TEST_CASE("covering a topic of someone else, or something that is no topic, changes nothing",
          "[use_cases][agenda][log]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen");
  net.add("Lin Wu");
  auto lins = raise_topic(net.store(), "lin", "Budget", net.today);
  REQUIRE(lins);
  std::int64_t reminder = net.book(ReminderKind::reminder, maya, net.today);
  std::string before = net.state();

  LogRequest foreign = with({"maya"});
  foreign.covered = {lins->id};
  CHECK(outcome(log_interaction(net.store(), foreign, net.today)) ==
        "invalid_input: --covered 1: #1 is about Lin Wu, who is not in this log");
  LogRequest not_topic = with({"maya"});
  not_topic.covered = {reminder};
  CHECK(outcome(log_interaction(net.store(), not_topic, net.today)) ==
        "invalid_input: --covered 2: #2 is not an agenda topic; to complete a reminder, use "
        "--done");
  LogRequest unknown = with({"maya"});
  unknown.covered = {99};
  CHECK(outcome(log_interaction(net.store(), unknown, net.today)) == "not_found: no topic #99");
  CHECK(net.state() == before);
}

TEST_CASE("log --done completes reminders about the people logged, on the log's day",
          "[use_cases][log]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen");
  std::int64_t lin = net.add("Lin Wu");
  std::int64_t followup = net.book(ReminderKind::followup, maya, net.today.plus_days(3));
  std::int64_t weekly =
      net.book(ReminderKind::reminder, maya, net.today, "Weekly notes", every("1w"));
  std::int64_t promise = net.book(ReminderKind::promise, maya, net.today.plus_days(1));
  std::int64_t lins = net.book(ReminderKind::reminder, lin, net.today);
  std::int64_t nobodys = net.book(ReminderKind::reminder, std::nullopt, net.today);

  LogRequest request = with({"maya"});
  request.on = net.today.plus_days(-1);
  request.done = {followup, weekly};
  auto logged = log_interaction(net.store(), request, net.today);
  REQUIRE(logged);
  CHECK(ids(logged->completed) == std::vector<std::int64_t>{followup, weekly});
  CHECK(net.reminder(followup).done_on == net.today.plus_days(-1));
  CHECK(net.reminder(weekly).due == net.today.plus_days(7));  // a rhythm moves on
  CHECK_FALSE(net.reminder(promise).done_on);                 // promises stay open unless named

  std::string before = net.state();
  for (std::int64_t foreign : {lins, nobodys}) {
    LogRequest bad = with({"maya"});
    bad.done = {foreign};
    CAPTURE(foreign);
    CHECK(outcome(log_interaction(net.store(), bad, net.today)).rfind("invalid_input: --done", 0) ==
          0);
  }
  LogRequest unknown = with({"maya"});
  unknown.done = {99};
  CHECK(outcome(log_interaction(net.store(), unknown, net.today)) == "not_found: no reminder #99");
  LogRequest again = with({"maya"});
  again.done = {followup};
  CHECK(outcome(log_interaction(net.store(), again, net.today)) ==
        "invalid_input: --done " + std::to_string(followup) + ": #" + std::to_string(followup) +
            " is already done (on 2026-11-21)");
  CHECK(net.state() == before);
}

TEST_CASE(
    "a meeting occurrence is completed by a log on or after its day, no more than a "
    "rhythm late",
    "[use_cases][meeting]") {
  Reminder meeting;
  meeting.kind = ReminderKind::meeting;
  meeting.every = every("1w");
  meeting.anchor = day("2026-11-05");  // Thursdays
  meeting.due = day("2026-11-19");
  CHECK_FALSE(meeting_completed_by(meeting, day("2026-11-18")));  // before the day
  CHECK(meeting_completed_by(meeting, day("2026-11-19")));
  CHECK(meeting_completed_by(meeting, day("2026-11-25")));        // six days late
  CHECK_FALSE(meeting_completed_by(meeting, day("2026-11-26")));  // the next one's day
  meeting.done_on = day("2026-11-20");
  CHECK_FALSE(meeting_completed_by(meeting, day("2026-11-19")));  // closed
  meeting.done_on.reset();
  meeting.kind = ReminderKind::reminder;
  CHECK_FALSE(meeting_completed_by(meeting, day("2026-11-19")));  // only meetings
}

TEST_CASE("logging with someone completes the current occurrence of a meeting with them",
          "[use_cases][meeting][log]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen", every_("2w"));
  ReminderRequest weekly;
  weekly.who = "maya";
  weekly.text = "Weekly 1:1";
  weekly.on = net.today.plus_days(4);  // Thursday 2026-11-26
  weekly.every = every("1w");
  weekly.meeting = true;
  auto meeting = remind(net.store(), weekly, net.today);
  REQUIRE(meeting);
  CHECK(meeting->kind == ReminderKind::meeting);

  // Before the day: the occurrence stays.
  auto early = log_interaction(net.store(), with({"maya"}), net.today);
  REQUIRE(early);
  CHECK(early->completed.empty());
  // On the day: completed, next week's is due.
  LogRequest on_day = with({"maya"});
  on_day.on = day("2026-11-26");
  auto logged = log_interaction(net.store(), on_day, day("2026-11-26"));
  REQUIRE(logged);
  REQUIRE(logged->completed.size() == 1);
  CHECK(logged->completed[0].id == meeting->id);
  CHECK(net.reminder(meeting->id).due == day("2026-12-03"));
  CHECK_FALSE(net.reminder(meeting->id).done_on);
  (void)maya;
}

TEST_CASE("a meeting is with someone and recurs", "[use_cases][meeting]") {
  Network net;
  net.add("Maya Chen");
  ReminderRequest r;
  r.text = "1:1";
  r.on = net.today;
  r.meeting = true;
  r.every = every("1w");
  CHECK(outcome(remind(net.store(), r, net.today)) ==
        "invalid_input: a meeting is with someone: kith remind WHO TEXT --every DURATION "
        "--meeting ...");
  r.who = "maya";
  r.every.reset();
  CHECK(outcome(remind(net.store(), r, net.today))
            .rfind("invalid_input: --meeting needs --every", 0) == 0);
  auto open = net.store().reminders(std::nullopt, true);
  REQUIRE(open);
  CHECK(open->empty());
}

TEST_CASE("a meeting before someone is due keeps them out of the plan and the report",
          "[use_cases][meeting][plan][report]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen", every_("1w"), day("2026-11-01"));
  std::int64_t lin = net.add("Lin Wu", every_("1w"), day("2026-11-01"));
  net.book(ReminderKind::meeting, maya, net.today.plus_days(2), "1:1", every("1w"));

  auto report = daily_report(net.store(), net.today, ReportOptions{});
  REQUIRE(report);
  REQUIRE(report->reach_out.size() == 1);
  CHECK(report->reach_out[0].contact.id == lin);
  CHECK(report->overdue_total == 1);

  PlanOptions options;
  options.start = net.today;
  options.weekends = true;
  auto plan = plan_outreach(net.store(), net.today, options, false);
  REQUIRE(plan);
  for (const auto& slot : plan->slots) CHECK(slot.person.contact.id != maya);
  CHECK(plan->already_planned == 1);
}

TEST_CASE("someone with a reminder due today is listed under it, not again to reach out to",
          "[use_cases][report]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen", every_("1w"), day("2026-11-01"));
  std::int64_t followup = net.book(ReminderKind::followup, maya, net.today);
  auto report = daily_report(net.store(), net.today, ReportOptions{});
  REQUIRE(report);
  REQUIRE(report->due_now.size() == 1);
  CHECK(report->due_now[0].id == followup);
  CHECK(report->reach_out.empty());
  CHECK(report->overdue_total == 0);
}

TEST_CASE(
    "the report lists the agenda of the people of a meeting due and of those to reach "
    "out to",
    "[use_cases][agenda][report]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen", every_("2w"));
  std::int64_t lin = net.add("Lin Wu", every_("1w"), day("2026-11-01"));
  net.book(ReminderKind::meeting, maya, net.today, "1:1", every("1w"));
  REQUIRE(raise_topic(net.store(), "maya", "Promotion", net.today));
  REQUIRE(raise_topic(net.store(), "lin", "Budget", net.today));
  auto report = daily_report(net.store(), net.today, ReportOptions{});
  REQUIRE(report);
  REQUIRE(report->agendas.count(maya) == 1);
  CHECK(report->agendas.at(maya).front().text == "Promotion");
  REQUIRE(report->reach_out.size() == 1);
  CHECK(report->reach_out[0].contact.id == lin);
  REQUIRE(report->reach_out[0].agenda.size() == 1);
  CHECK(report->reach_out[0].agenda[0].text == "Budget");
}

TEST_CASE("a skip moves the next check-in one cadence on from today, and nothing else",
          "[use_cases][skip]") {
  Network net;
  std::int64_t maya = net.add("Maya Chen", every_("2w"), day("2026-10-01"));
  net.met({maya}, day("2026-10-20"), Direction::gave, 2);
  Contact before = net.contact(maya);
  auto skipped = skip_check_in(net.store(), "maya", "On leave", net.today);
  REQUIRE(skipped);
  CHECK(skipped->before.next == day("2026-11-03"));
  CHECK(skipped->after.next == day("2026-12-06"));
  CHECK_FALSE(skipped->after.overdue());
  CHECK(skipped->skip.kind == ReminderKind::skip);
  CHECK(skipped->skip.text == "On leave");
  CHECK(skipped->skip.done_on == net.today);
  Contact after = net.contact(maya);
  CHECK(after.last_contact == before.last_contact);
  CHECK(after.balance.given == before.balance.given);
  CHECK(after.balance.received == before.balance.received);
  CHECK(after.last_skip == net.today);

  // The report and the store's summary agree: not overdue any more.
  auto report = daily_report(net.store(), net.today, ReportOptions{});
  REQUIRE(report);
  CHECK(report->overdue_total == 0);
  // A later interaction counts from itself as before.
  net.met({maya}, day("2026-11-30"));
  CHECK(due_of(net.contact(maya), *net.store().types(), net.today).next == day("2026-12-14"));
}

TEST_CASE("skipping someone archived, without a cadence, or twice a day is refused",
          "[use_cases][skip]") {
  Network net;
  net.add("Lin Wu");  // no type, no cadence
  std::int64_t maya = net.add("Maya Chen", every_("2w"));
  net.add("Old Friend", every_("1w"));
  REQUIRE(archive_contact(net.store(), "old", true, net.today));
  std::string before = net.state();
  CHECK(outcome(skip_check_in(net.store(), "lin", "", net.today)) ==
        "invalid_input: Lin Wu has no cadence and is never due: nothing to skip (give one with "
        "kith edit WHO --every DURATION)");
  CHECK(outcome(skip_check_in(net.store(), "old", "", net.today)) ==
        "invalid_input: Old Friend is archived and never due: nothing to skip");
  CHECK(net.state() == before);
  REQUIRE(skip_check_in(net.store(), "maya", "", net.today));
  CHECK(outcome(skip_check_in(net.store(), "maya", "", net.today))
            .rfind("invalid_input: Maya Chen was skipped today already", 0) == 0);
  (void)maya;
}

}  // namespace kith

namespace kith {

TEST_CASE("an agenda topic leaves only when a log covers it or it is dropped",
          "[use_cases][agenda][property]") {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  for (int round = 0; round < 20; ++round) {
    Network net;
    const std::vector<std::string> names = {"Maya Chen", "Lin Wu", "Priya Nair"};
    std::map<std::int64_t, std::string> people;
    for (const std::string& n : names) people[net.add(n)] = n;
    std::map<std::int64_t, std::int64_t> open;  // topic -> person, as the steps leave them
    Date today = net.today;
    for (int step = 0; step < 30; ++step) {
      auto who = std::next(people.begin(), pick(3));
      int action = pick(4);
      CAPTURE(round, step, action);
      if (action == 0 || open.empty()) {
        auto t = raise_topic(net.store(), who->second, "topic " + std::to_string(step), today);
        REQUIRE(t);
        open[t->id] = who->first;
      } else if (action == 1) {
        // A log with someone, covering some of their topics (maybe all, maybe none).
        LogRequest request = with({who->second});
        bool all = pick(4) == 0;
        request.covered_all = all;
        std::vector<std::int64_t> gone;
        for (const auto& [topic, person] : open) {
          if (person != who->first) continue;
          if (all || pick(2) == 0) {
            if (!all) request.covered.push_back(topic);
            gone.push_back(topic);
          }
        }
        REQUIRE(log_interaction(net.store(), request, today));
        for (std::int64_t t : gone) open.erase(t);
      } else if (action == 2) {
        auto victim = std::next(open.begin(), pick(static_cast<int>(open.size())));
        REQUIRE(cancel_reminder(net.store(), victim->first, today));
        open.erase(victim);
      } else {
        // Everything else: a plain log with someone else, a skip, a reminder done.
        REQUIRE(log_interaction(net.store(), with({who->second}), today));
        today = today.plus_days(1);
      }
      auto listed = agenda(net.store(), std::nullopt);
      REQUIRE(listed);
      std::map<std::int64_t, std::int64_t> seen;
      for (const Reminder& t : listed->topics) seen[t.id] = *t.contact_id;
      REQUIRE(seen == open);
    }
  }
}

TEST_CASE("a skip never changes a balance, a last contact or anyone else's check-in",
          "[use_cases][skip][property]") {
  std::mt19937 rng(11);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  static const char* kEvery[] = {"1w", "2w", "1m", "3m"};
  for (int round = 0; round < 30; ++round) {
    Network net;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 4; ++i) {
      ids.push_back(net.add("P" + std::to_string(i), every_(kEvery[pick(4)]),
                            net.today.plus_days(-pick(200))));
    }
    for (int i = 0; i < 8; ++i) {
      net.met({ids[static_cast<std::size_t>(pick(4))]}, net.today.plus_days(-pick(100)),
              static_cast<Direction>(pick(3)), 1 + pick(5));
    }
    std::int64_t skipped = ids[static_cast<std::size_t>(pick(4))];
    std::vector<Contact> before;
    for (std::int64_t id : ids) before.push_back(net.contact(id));
    auto done = skip_check_in(net.store(), "#" + std::to_string(skipped), "", net.today);
    REQUIRE(done);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      CAPTURE(round, ids[i], skipped);
      Contact after = net.contact(ids[i]);
      CHECK(after.balance.given == before[i].balance.given);
      CHECK(after.balance.received == before[i].balance.received);
      CHECK(after.last_contact == before[i].last_contact);
      auto types = net.store().types();
      REQUIRE(types);
      Due due = due_of(after, *types, net.today);
      if (ids[i] == skipped) {
        CHECK(due.next == effective_cadence(after, *types)->after(net.today));
      } else {
        CHECK(due.next == due_of(before[i], *types, net.today).next);
      }
    }
  }
}

}  // namespace kith
