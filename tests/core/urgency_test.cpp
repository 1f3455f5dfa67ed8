// The urgency engine, tested on its properties: each factor moves a person the right way
// with everything else held equal, over many generated networks.
#include "kith/urgency.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

const Date kToday = day("2026-11-23");

std::vector<RelationshipType> builtin() {
  auto types = test::builtin_types();
  types.push_back({"friend", std::nullopt, 1, false, ""});
  return types;
}

Contact person(std::int64_t id, std::string name, std::vector<std::string> types,
               std::string_view last_contact) {
  Contact c;
  c.id = id;
  c.name = std::move(name);
  c.types = std::move(types);
  c.added_on = day("2025-01-01");
  c.last_contact = day(last_contact);
  return c;
}

Reminder promise_to(std::int64_t id, std::string_view due) {
  Reminder r;
  r.id = id * 100;
  r.contact_id = id;
  r.kind = ReminderKind::promise;
  r.text = "Send the deck";
  r.due = day(due);
  r.anchor = r.due;
  return r;
}

// The ranked names, as one readable line.
std::string order(const std::vector<Contact>& contacts, const std::vector<Reminder>& reminders,
                  Date today = kToday) {
  auto types = builtin();
  std::string out;
  for (const Urgency& u : rank_due({&contacts, &types, &reminders}, today)) {
    if (!out.empty()) out += ", ";
    out += u.contact->name;
  }
  return out;
}

double score(const Contact& c, const std::vector<Reminder>& reminders = {}) {
  auto u = assess(c, builtin(), reminders, kToday);
  REQUIRE(u);
  return u->score;
}

// A random overdue person: a type with a cadence, 1 to 200 days past due, maybe a balance.
Contact random_person(std::mt19937& rng, std::int64_t id) {
  static const std::vector<std::string> kTypes = {"mentor",  "sponsor", "peer",
                                                  "manager", "report",  "customer"};
  std::uniform_int_distribution<std::size_t> type(0, kTypes.size() - 1);
  std::uniform_int_distribution<int> days_back(60, 400);
  std::uniform_int_distribution<int> net(-4, 4);
  Contact c = person(id, "P" + std::to_string(id), {kTypes[type(rng)]}, "2026-01-01");
  c.last_contact = kToday.plus_days(-days_back(rng));
  int n = net(rng);
  (n < 0 ? c.balance.received : c.balance.given) = std::abs(n);
  return c;
}

}  // namespace

TEST_CASE("more overdue relative to cadence ranks higher all else equal", "[urgency]") {
  std::mt19937 rng(1);
  for (int i = 0; i < 300; ++i) {
    Contact base = random_person(rng, 1);
    Contact later = base;
    later.last_contact = base.last_contact->plus_days(-7);
    CAPTURE(base.types.front(), base.last_contact->to_string());
    CHECK(score(later) > score(base));
  }
  // Relative to the cadence: 14 days late is a whole cadence for a report, a quarter of
  // one for a peer.
  Contact report = person(1, "Report", {"report"}, "2026-10-26");  // due 11-09
  Contact peer = person(2, "Peer", {"peer"}, "2026-09-14");        // due 11-09
  auto types = builtin();
  types[2].weight = types[4].weight;  // same weight: only the cadence differs
  auto r = assess(report, types, {}, kToday);
  auto p = assess(peer, types, {}, kToday);
  REQUIRE((r && p));
  CHECK(r->days_overdue == p->days_overdue);
  CHECK(r->score > p->score);
}

TEST_CASE("a heavier type ranks higher all else equal", "[urgency]") {
  auto types = builtin();
  for (int w = kMinWeight; w < kMaxWeight; ++w) {
    types[0].weight = w;      // mentor
    types[1].weight = w + 1;  // sponsor
    types[1].every = types[0].every;
    Contact mentor = person(1, "Ada", {"mentor"}, "2026-09-01");
    Contact sponsor = person(2, "Ada", {"sponsor"}, "2026-09-01");
    CAPTURE(w);
    CHECK(assess(sponsor, types, {}, kToday)->score > assess(mentor, types, {}, kToday)->score);
  }
  // The heaviest of several types counts.
  Contact both = person(3, "Both", {"peer", "sponsor"}, "2026-09-01");
  Contact peer = person(4, "Peer", {"peer"}, "2026-09-01");
  peer.every = both.every = every("4w");
  auto u = assess(both, builtin(), {}, kToday);
  CHECK(u->weight == 5);
  CHECK(u->heaviest_type == "sponsor");
  CHECK(u->score > score(peer));
}

TEST_CASE("an open promise raises urgency and more so when it is due soon or late", "[urgency]") {
  std::mt19937 rng(2);
  for (int i = 0; i < 100; ++i) {
    Contact c = random_person(rng, 7);
    double none = score(c);
    double later = score(c, {promise_to(7, "2026-12-20")});
    double soon = score(c, {promise_to(7, "2026-11-24")});
    double late = score(c, {promise_to(7, "2026-11-01")});
    CHECK(later > none);
    CHECK(soon > later);
    CHECK(late == soon);
  }
  Contact c = person(7, "Ada", {"peer"}, "2026-08-01");
  Reminder done = promise_to(7, "2026-11-24");
  done.done_on = day("2026-11-20");
  Reminder other = promise_to(8, "2026-11-24");
  CHECK(score(c, {done, other}) == score(c));  // done ones and other people's don't count
}

TEST_CASE("a negative balance raises urgency the more the deficit up to a cap", "[urgency]") {
  std::mt19937 rng(3);
  for (int i = 0; i < 100; ++i) {
    Contact c = random_person(rng, 1);
    c.balance = {};
    double even = score(c);
    c.balance.received = 2;
    double owing = score(c);
    c.balance.received = 4;
    double owing_more = score(c);
    c.balance.received = 400;
    double capped = score(c);
    CHECK(owing > even);
    CHECK(owing_more > owing);
    CHECK(capped == Approx(even + kMaxBalancePoints));
  }
  Contact giver = person(1, "Ada", {"peer"}, "2026-08-01");
  double even = score(giver);
  giver.balance.given = 9;
  CHECK(score(giver) == even);  // giving more never lowers urgency below even
}

TEST_CASE("archived people and people without a cadence never appear", "[urgency]") {
  Contact archived = person(1, "Archived", {"sponsor"}, "2025-01-01");
  archived.archived = true;
  Contact friend_ = person(2, "Friend", {"friend"}, "2025-01-01");
  Contact untyped = person(3, "Untyped", {}, "2025-01-01");
  Contact own = person(4, "Own", {}, "2025-01-01");
  own.every = every("1m");
  CHECK(order({archived, friend_, untyped, own}, {promise_to(1, "2026-11-01")}) == "Own");
  CHECK_FALSE(assess(archived, builtin(), {}, kToday));
  CHECK_FALSE(assess(friend_, builtin(), {}, kToday));
  CHECK(assess(own, builtin(), {}, kToday)->weight == kUntypedWeight);
}

TEST_CASE("only people past their due day are due: not those due today", "[urgency]") {
  Contact today = person(1, "Today", {"manager"}, "2026-11-09");          // due 11-23
  Contact yesterday = person(2, "Yesterday", {"manager"}, "2026-11-08");  // due 11-22
  Contact never = person(3, "Never", {"manager"}, "2026-11-08");
  never.last_contact.reset();
  never.added_on = day("2026-11-01");  // due 11-15
  CHECK(order({today, yesterday, never}, {}) == "Never, Yesterday");
  auto u = assess(never, builtin(), {}, kToday);
  CHECK(u->never_contacted);
  CHECK(u->days_overdue == 8);
}

TEST_CASE("ties break by name ignoring case and accents and then by id", "[urgency]") {
  std::vector<Contact> same = {
      person(4, "zoë", {"peer"}, "2026-08-01"), person(3, "Émile", {"peer"}, "2026-08-01"),
      person(2, "Ada", {"peer"}, "2026-08-01"), person(1, "ada", {"peer"}, "2026-08-01"),
      person(5, "Ada", {"peer"}, "2026-08-01")};
  auto types = builtin();
  std::vector<Reminder> none;
  auto ranked = rank_due({&same, &types, &none}, kToday);
  std::vector<std::int64_t> ids;
  for (const auto& u : ranked) ids.push_back(u.contact->id);
  CHECK(ids == std::vector<std::int64_t>{2, 5, 1, 3, 4});
}

TEST_CASE("the same input always gives the same order whatever the input order", "[urgency]") {
  std::mt19937 rng(4);
  std::vector<Contact> people;
  std::vector<Reminder> promises;
  for (std::int64_t id = 1; id <= 200; ++id) {
    people.push_back(random_person(rng, id));
    people.back().name = "P" + std::to_string(id % 37);  // many equal names
    if (id % 9 == 0) promises.push_back(promise_to(id, "2026-11-30"));
  }
  auto types = builtin();
  auto ids = [&](const std::vector<Contact>& cs) {
    std::vector<std::int64_t> out;
    for (const auto& u : rank_due({&cs, &types, &promises}, kToday)) out.push_back(u.contact->id);
    return out;
  };
  auto first = ids(people);
  CHECK(first.size() == people.size());
  for (int round = 0; round < 10; ++round) {
    std::vector<Contact> shuffled = people;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    CHECK(ids(shuffled) == first);
  }
}

TEST_CASE("a score is the sum of its named terms in a fixed order", "[urgency]") {
  Contact c = person(1, "Ada", {"sponsor"}, "2026-09-29");  // due 10-27: 27 days late
  c.balance.received = 3;
  auto u = assess(c, builtin(), {promise_to(1, "2026-11-24")}, kToday);
  REQUIRE(u);
  REQUIRE(u->terms.size() == 4);
  CHECK(u->terms[0].term == Term::overdue);
  CHECK(u->terms[0].points == Approx(kOverduePoints * std::log2(1.0 + 27.0 / 28.0)));
  CHECK(u->terms[1].term == Term::importance);
  CHECK(u->terms[1].points == Approx(8.0));
  CHECK(u->terms[2].term == Term::promise);
  CHECK(u->terms[2].points == Approx(kOpenPromisePoints + kLatePromisePoints));
  CHECK(u->terms[3].term == Term::balance);
  CHECK(u->terms[3].points == Approx(3.0));
  double sum = 0;
  for (const auto& t : u->terms) sum += t.points;
  CHECK(u->score == Approx(sum));
  CHECK(u->score == Approx(28.74).epsilon(0.001));  // the worked example in docs/ranking.md
}

TEST_CASE("a person one cadence late scores 10 for lateness and three cadences late 20",
          "[urgency]") {
  Contact c = person(1, "Ada", {"report"}, "2026-10-26");  // 2w cadence, due 11-09
  c.every = every("14d");
  auto one = assess(c, builtin(), {}, day("2026-11-23"));
  auto three = assess(c, builtin(), {}, day("2026-12-21"));
  CHECK(one->terms[0].points == Approx(10.0));
  CHECK(three->terms[0].points == Approx(20.0));
}

}  // namespace kith
