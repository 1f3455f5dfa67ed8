// Logging, amending and unlogging interactions (kith log, amend, unlog) against an in-memory
// store.
#include "kith/use_cases/interactions.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/contacts.hpp"

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

namespace {

// Logs `summary` with `people` on `on` through the use case; returns the interaction's id.
std::int64_t logged(Network& net, std::vector<std::string> people, std::string summary, Date on,
                    Direction direction = Direction::mutual, int weight = 1) {
  LogRequest request = with(std::move(people), std::move(summary));
  request.on = on;
  request.gave = direction == Direction::gave;
  request.received = direction == Direction::received;
  request.weight = weight;
  auto done = log_interaction(net.store(), request, net.today);
  INFO((done ? "" : done.error().message));
  REQUIRE(done);
  return done->interaction.id;
}

AmendRequest amend(std::int64_t id) {
  AmendRequest request;
  request.id = id;
  return request;
}

// A person's summary as the store keeps it: "gave G, received R, last gave DAY, last DAY".
std::string ledger(Network& net, std::int64_t id) {
  Contact c = net.contact(id);
  auto day_or = [](const std::optional<Date>& d) { return d ? d->to_string() : "never"; };
  return "gave " + std::to_string(c.balance.given) + ", received " +
         std::to_string(c.balance.received) + ", last gave " + day_or(c.balance.last_gave) +
         ", last " + day_or(c.last_contact);
}

// The person's next check-in as `kith show` gives it.
std::optional<Date> next_due(Network& net, const std::string& who) {
  auto profile = show_contact(net.store(), who, net.today, 10);
  REQUIRE(profile);
  return profile->due.next;
}

// The ids of the interactions full-text search finds for `word`.
std::vector<std::int64_t> found(Network& net, const std::string& word) {
  auto hits = net.store().find(word, 100);
  REQUIRE(hits);
  std::vector<std::int64_t> ids;
  for (const SearchHit& hit : *hits) {
    if (hit.kind == SearchHit::Kind::interaction) ids.push_back(hit.id);
  }
  return ids;
}

}  // namespace

TEST_CASE("amend changes an interaction's fields and says what changed", "[use_cases][amend]") {
  Network net;
  net.add("Ada Lovelace");
  std::int64_t id = logged(net, {"ada"}, "Coffee near the office", day("2026-11-20"));
  AmendRequest request = amend(id);
  request.on = day("2026-11-21");
  request.via = Channel::call;
  request.gave = true;
  request.weight = 3;
  request.summary = "  Call about the reorg ";
  auto amended = amend_interaction(net.store(), request, net.today);
  REQUIRE(amended);
  CHECK(amended->before.day == day("2026-11-20"));
  CHECK(amended->before.summary == "Coffee near the office");
  const Interaction& i = amended->after;
  CHECK(i.id == id);
  CHECK(i.uuid == amended->before.uuid);
  CHECK(i.day == day("2026-11-21"));
  CHECK(i.channel == Channel::call);
  CHECK(i.direction == Direction::gave);
  CHECK(i.weight == 3);
  CHECK(i.summary == "Call about the reorg");
  REQUIRE(i.people.size() == 1);
  CHECK(i.people[0].name == "Ada Lovelace");
  CHECK(amended->changes ==
        std::vector<std::string>{"on 2026-11-20 → 2026-11-21", "via no channel → call",
                                 "mutual → gave", "weight 1 → 3",
                                 "summary 'Coffee near the office' → 'Call about the reorg'"});
  auto stored = net.store().interaction(id);
  REQUIRE(stored);
  CHECK(stored->summary == "Call about the reorg");
  // The full-text index follows the summary.
  CHECK(found(net, "reorg") == std::vector<std::int64_t>{id});
  CHECK(found(net, "office").empty());
}

TEST_CASE("an amend moves balances, last contact and next check-in at once", "[use_cases][amend]") {
  Network net;
  ContactChange mentor;
  mentor.types = {"mentor"};  // every 6 weeks
  std::int64_t ada = net.add("Ada", mentor, day("2026-06-01"));
  logged(net, {"ada"}, "Advice", day("2026-11-01"), Direction::received, 2);
  std::int64_t gift = logged(net, {"ada"}, "Intro", day("2026-11-15"), Direction::gave, 1);
  CHECK(ledger(net, ada) == "gave 1, received 2, last gave 2026-11-15, last 2026-11-15");
  CHECK(next_due(net, "ada") == day("2026-12-27"));

  AmendRequest request = amend(gift);
  request.on = day("2026-10-01");
  request.received = true;
  request.weight = 4;
  REQUIRE(amend_interaction(net.store(), request, net.today));
  CHECK(ledger(net, ada) == "gave 0, received 6, last gave never, last 2026-11-01");
  CHECK(next_due(net, "ada") == day("2026-12-13"));

  // Back to a gift, the latest again.
  request = amend(gift);
  request.on = day("2026-11-20");
  request.gave = true;
  REQUIRE(amend_interaction(net.store(), request, net.today));
  CHECK(ledger(net, ada) == "gave 4, received 2, last gave 2026-11-20, last 2026-11-20");
  CHECK(next_due(net, "ada") == day("2027-01-01"));
}

TEST_CASE("people added to an interaction gain it, people taken out lose it",
          "[use_cases][amend]") {
  Network net;
  std::int64_t ada = net.add("Ada Lovelace");
  std::int64_t grace = net.add("Grace Hopper");
  std::int64_t earlier = logged(net, {"ada"}, "Lunch", day("2026-10-01"));
  std::int64_t id = logged(net, {"ada"}, "Intro", day("2026-11-20"), Direction::gave, 3);
  AmendRequest request = amend(id);
  request.with = {"grace", "Grace Hopper"};  // named twice: once
  request.without = {"ada"};
  auto amended = amend_interaction(net.store(), request, net.today);
  REQUIRE(amended);
  CHECK(amended->changes == std::vector<std::string>{"with Grace Hopper", "without Ada Lovelace"});
  REQUIRE(amended->after.people.size() == 1);
  CHECK(amended->after.people[0].id == grace);
  CHECK(ledger(net, grace) == "gave 3, received 0, last gave 2026-11-20, last 2026-11-20");
  CHECK(ledger(net, ada) == "gave 0, received 0, last gave never, last 2026-10-01");
  auto adas = net.store().history({.contact_id = ada});
  REQUIRE(adas);
  REQUIRE(adas->size() == 1);
  CHECK(adas->front().id == earlier);
}

TEST_CASE("what an amend may not do is refused and changes nothing", "[use_cases][amend]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Ada Byron");
  net.add("Grace Hopper");
  std::int64_t id = logged(net, {"grace"}, "Coffee", day("2026-11-20"));
  const std::string before = net.state();
  struct Case {
    std::string label;
    AmendRequest request;
    std::string outcome;
  };
  auto change = [id](auto set) {
    AmendRequest r = amend(id);
    set(r);
    return r;
  };
  const std::vector<Case> cases = {
      {"nothing", amend(id),
       "invalid_input: nothing to change in #1: give --on, --via, --gave, --received, --mutual, "
       "--weight, --summary, --with or --without (see 'kith amend --help')"},
      {"no such interaction", change([](auto& r) {
         r.id = 99;
         r.weight = 2;
       }),
       "not_found: no interaction #99"},
      {"tomorrow", change([](auto& r) { r.on = day("2026-11-23"); }),
       "invalid_input: --on 2026-11-23 is in the future (today is 2026-11-22); use 'kith "
       "remind' for what is still to come"},
      {"two directions", change([](auto& r) { r.gave = r.mutual = true; }),
       "invalid_input: --gave and --mutual exclude each other: give one direction"},
      {"three directions", change([](auto& r) { r.gave = r.received = r.mutual = true; }),
       "invalid_input: --gave, --received and --mutual exclude each other: give one direction"},
      {"weight 6", change([](auto& r) { r.weight = 6; }), "invalid_input: invalid weight 6"},
      {"a blank summary", change([](auto& r) { r.summary = " \xC2\xA0 "; }),
       "invalid_input: empty summary: say what happened"},
      {"a summary with an escape", change([](auto& r) { r.summary = "Secret\x1b"; }),
       "invalid_input: invalid summary: it contains control characters"},
      {"someone unknown", change([](auto& r) { r.with = {"nobody"}; }),
       "not_found: no contact matches 'nobody'"},
      {"someone ambiguous", change([](auto& r) { r.with = {"ada"}; }),
       "ambiguous: 'ada' matches 2 contacts"},
      {"someone already in it", change([](auto& r) { r.with = {"grace"}; }),
       "invalid_input: --with: Grace Hopper already took part in #1"},
      {"someone not in it", change([](auto& r) { r.without = {"lovelace"}; }),
       "invalid_input: --without: Ada Lovelace did not take part in #1"},
      {"leaving nobody", change([](auto& r) { r.without = {"grace"}; }),
       "invalid_input: amending #1 would leave nobody in it: add someone with --with, or "
       "delete it with 'kith unlog 1'"},
      {"the same values", change([](auto& r) {
         r.on = day("2026-11-20");
         r.mutual = true;
         r.weight = 1;
         r.summary = " Coffee ";
       }),
       "invalid_input: nothing to change: #1 already is as given"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CHECK_THAT(outcome(amend_interaction(net.store(), c.request, net.today)),
               Catch::StartsWith(c.outcome));
    CHECK(net.state() == before);
  }
}

TEST_CASE("someone added to an interaction has their booked outreach completed as a log would",
          "[use_cases][amend]") {
  Network net;
  net.add("Ada");
  std::int64_t grace = net.add("Grace");
  std::int64_t soon = net.book(ReminderKind::plan, grace, day("2026-11-25"));
  std::int64_t later = net.book(ReminderKind::plan, grace, day("2026-12-10"));
  std::int64_t id = logged(net, {"ada"}, "Lunch", day("2026-11-20"));
  AmendRequest request = amend(id);
  request.with = {"grace"};
  auto amended = amend_interaction(net.store(), request, net.today);
  REQUIRE(amended);
  CHECK(amended->plans_done == 1);
  CHECK(net.reminder(soon).done_on == day("2026-11-20"));  // on the day they met, as log does
  CHECK_FALSE(net.reminder(later).done_on);
}

TEST_CASE("an amend that swaps everyone out for someone else is allowed", "[use_cases][amend]") {
  Network net;
  net.add("Ada");
  std::int64_t grace = net.add("Grace");
  std::int64_t id = logged(net, {"ada"}, "Coffee", day("2026-11-20"));
  AmendRequest request = amend(id);
  request.without = {"ada"};
  request.with = {"grace"};
  auto amended = amend_interaction(net.store(), request, net.today);
  REQUIRE(amended);
  REQUIRE(amended->after.people.size() == 1);
  CHECK(amended->after.people[0].id == grace);
}

TEST_CASE("unlog deletes an interaction and its people's summaries follow", "[use_cases][unlog]") {
  Network net;
  ContactChange sponsor;
  sponsor.types = {"sponsor"};  // every 4 weeks
  std::int64_t ada = net.add("Ada", sponsor, day("2026-06-01"));
  std::int64_t grace = net.add("Grace", sponsor, day("2026-06-01"));
  logged(net, {"ada"}, "Lunch", day("2026-10-01"), Direction::gave, 2);
  std::int64_t id =
      logged(net, {"ada", "grace"}, "Savings review", day("2026-11-20"), Direction::received, 3);
  CHECK(next_due(net, "ada") == day("2026-12-18"));

  auto gone = unlog_interaction(net.store(), id, net.today);
  REQUIRE(gone);
  CHECK(gone->id == id);
  CHECK(gone->summary == "Savings review");
  CHECK(gone->people.size() == 2);
  CHECK(outcome(net.store().interaction(id)) == "not_found: no interaction #2");
  CHECK(ledger(net, ada) == "gave 2, received 0, last gave 2026-10-01, last 2026-10-01");
  CHECK(ledger(net, grace) == "gave 0, received 0, last gave never, last never");
  CHECK(next_due(net, "ada") == day("2026-10-29"));
  CHECK(next_due(net, "grace") == day("2026-06-29"));  // from the day she was added
  CHECK(found(net, "savings").empty());

  const std::string before = net.state();
  CHECK(outcome(unlog_interaction(net.store(), id, net.today)) == "not_found: no interaction #2");
  CHECK(net.state() == before);
}

// The summaries the triggers keep, checked against what the interactions say, after every step
// of a random run of logs, amends and unlogs: no change leaves a stale balance, last contact,
// next check-in or search entry behind.
TEST_CASE("after any logs, amends and unlogs, every summary equals its rebuild from the record",
          "[use_cases][amend][unlog]") {
  Network net;
  const std::vector<std::string> kTypes = {"mentor", "sponsor", "peer", "manager"};
  std::vector<std::int64_t> people;
  for (int p = 0; p < 6; ++p) {
    ContactChange change;
    change.types = {kTypes[p % kTypes.size()]};
    people.push_back(
        net.add("Person " + std::string(1, static_cast<char>('A' + p)), change, day("2026-01-01")));
  }
  auto who = [](std::int64_t id) { return "#" + std::to_string(id); };
  std::mt19937 rng(16);
  auto any_day = [&] { return day("2026-01-01").plus_days(static_cast<int>(rng() % 325)); };
  const Direction kDirections[] = {Direction::mutual, Direction::gave, Direction::received};
  std::map<std::int64_t, std::string> words;  // each interaction's one word, as last set
  int next_word = 0;
  auto word = [&] { return "w" + std::to_string(next_word++); };

  auto check = [&] {
    auto all = net.store().history({});
    REQUIRE(all);
    auto types = net.store().types();
    REQUIRE(types);
    auto candidates = net.store().plan_candidates(day("2200-12-31"));
    REQUIRE(candidates);
    std::map<std::int64_t, Date> maintained_due;
    for (const PlanCandidate& c : *candidates) maintained_due[c.id] = c.facts.due;
    for (std::int64_t id : people) {
      CAPTURE(id);
      Balance balance;
      std::optional<Date> last;
      for (const Interaction& i : *all) {
        bool in = std::any_of(i.people.begin(), i.people.end(),
                              [&](const Participant& p) { return p.id == id; });
        if (!in) continue;
        if (!last || i.day > *last) last = i.day;
        if (i.direction == Direction::gave) {
          balance.given += i.weight;
          if (!balance.last_gave || i.day > *balance.last_gave) balance.last_gave = i.day;
        }
        if (i.direction == Direction::received) balance.received += i.weight;
      }
      Contact stored = net.contact(id);
      CHECK(stored.balance.given == balance.given);
      CHECK(stored.balance.received == balance.received);
      CHECK(stored.balance.last_gave == balance.last_gave);
      CHECK(stored.last_contact == last);
      Contact rebuilt = stored;
      rebuilt.last_contact = last;
      CHECK(maintained_due[id] == due_of(rebuilt, *types, net.today).next);
    }
    for (const auto& [id, w] : words) {
      CAPTURE(id, w);
      CHECK(found(net, w) == std::vector<std::int64_t>{id});
    }
  };

  for (int step = 0; step < 120; ++step) {
    CAPTURE(step);
    int action = static_cast<int>(rng() % 6);
    if (words.empty() || action == 0) {
      std::vector<std::string> with;
      for (std::int64_t id : people) {
        if (rng() % 3 == 0) with.push_back(who(id));
      }
      if (with.empty()) with.push_back(who(people[rng() % people.size()]));
      std::string w = word();
      std::int64_t id =
          logged(net, with, w, any_day(), kDirections[rng() % 3], static_cast<int>(1 + rng() % 5));
      words[id] = w;
    } else {
      auto it = std::next(words.begin(), static_cast<long>(rng() % words.size()));
      std::int64_t id = it->first;
      if (action == 1) {
        REQUIRE(unlog_interaction(net.store(), id, net.today));
        words.erase(it);
      } else {
        auto stored = net.store().interaction(id);
        REQUIRE(stored);
        AmendRequest request = amend(id);
        if (rng() % 2) request.on = any_day();
        switch (rng() % 4) {
          case 0: request.gave = true; break;
          case 1: request.received = true; break;
          case 2: request.mutual = true; break;
          default: break;
        }
        if (rng() % 2) request.weight = static_cast<int>(1 + rng() % 5);
        if (rng() % 3 == 0) {
          it->second = word();
          request.summary = it->second;
        }
        std::int64_t person = people[rng() % people.size()];
        bool in = std::any_of(stored->people.begin(), stored->people.end(),
                              [&](const Participant& p) { return p.id == person; });
        if (!in) {
          request.with.push_back(who(person));
        } else if (stored->people.size() > 1) {
          request.without.push_back(who(person));
        }
        auto amended = amend_interaction(net.store(), request, net.today);
        if (!amended) {
          CHECK_THAT(amended.error().message, Catch::Contains("nothing to change"));
        }
      }
    }
    check();
  }
}

}  // namespace kith
