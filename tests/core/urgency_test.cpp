// The urgency engine, tested on its properties: each factor moves a person the right way
// with everything else held equal, over many generated networks.
#include "kith/urgency.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/fixtures.hpp"
#include "kith/text.hpp"

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
    out += u.name;
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

// A DueSource over plain vectors, as the store's would answer from its summary: one queue per
// cadence, longest overdue first. It counts what the selection reads.
class VectorSource final : public DueSource {
 public:
  VectorSource(const std::vector<Contact>& contacts, const std::vector<RelationshipType>& types,
               const std::vector<Reminder>& reminders)
      : contacts_(contacts), types_(types), reminders_(reminders) {}

  Result<std::size_t> overdue_count(Date today) override {
    return rank_due({&contacts_, &types_, &reminders_}, today).size();
  }
  Result<std::vector<Duration>> open_queues(Date today) override {
    queues_.clear();
    std::map<std::string, std::vector<DueCandidate>> by_cadence;
    for (const Contact& c : contacts_) {
      auto facts = facts_of(c, types_, {});
      if (!facts || facts->due >= today) continue;
      by_cadence[facts->cadence.to_string()].push_back({c.id, *facts});
    }
    std::vector<Duration> out;
    for (auto& [text, queue] : by_cadence) {
      std::sort(queue.begin(), queue.end(), [](const DueCandidate& a, const DueCandidate& b) {
        return a.facts.due != b.facts.due ? a.facts.due < b.facts.due : a.id < b.id;
      });
      out.push_back(queue.front().facts.cadence);
      queues_.push_back(std::move(queue));
    }
    positions_.assign(queues_.size(), 0);
    return out;
  }
  Result<std::optional<DueCandidate>> next(std::size_t queue) override {
    if (positions_[queue] == queues_[queue].size()) return std::optional<DueCandidate>();
    ++read;
    return std::optional<DueCandidate>(queues_[queue][positions_[queue]++]);
  }
  Result<Bookings> bookings(std::int64_t id) override {
    ++lookups;
    Bookings out;
    for (const Reminder& r : reminders_) {
      if (r.contact_id == id && !r.done_on) add_booking(out, r.kind, r.due);
    }
    return out;
  }
  Result<OpenPromises> promises(std::int64_t id) override {
    OpenPromises out;
    for (const Reminder& r : reminders_) {
      if (r.contact_id != id || r.kind != ReminderKind::promise || r.done_on) continue;
      ++out.count;
      if (!out.next || r.due < *out.next) out.next = r.due;
    }
    return out;
  }
  Result<DueName> name(std::int64_t id) override {
    for (const Contact& c : contacts_) {
      if (c.id == id) return DueName{c.name, fold_for_match(c.name)};
    }
    return not_found("no contact with id " + std::to_string(id));
  }

  std::vector<std::vector<DueCandidate>> queues_;
  std::vector<std::size_t> positions_;
  std::size_t read = 0;     // people taken from the queues
  std::size_t lookups = 0;  // people looked up further

 private:
  const std::vector<Contact>& contacts_;
  const std::vector<RelationshipType>& types_;
  const std::vector<Reminder>& reminders_;
};

// A random network for the selection: every cadence, weights, balances, promises due soon and
// later, bookings, equal names; some not yet due.
struct Network {
  std::vector<Contact> contacts;
  std::vector<RelationshipType> types = builtin();
  std::vector<Reminder> reminders;
};
Network random_network(std::uint32_t seed, int people) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  static const std::vector<std::string> kTypes = {"mentor", "sponsor",  "peer",  "manager",
                                                  "report", "customer", "friend"};
  static const std::vector<std::string> kEvery = {"10d", "3w", "2m", "1y"};
  Network n;
  for (std::int64_t id = 1; id <= people; ++id) {
    Contact c = person(id, "P" + std::to_string(pick(people / 3 + 1)), {}, "2026-01-01");
    for (int t = pick(3); t > 0; --t) c.types.push_back(kTypes[static_cast<std::size_t>(pick(7))]);
    std::sort(c.types.begin(), c.types.end());
    c.types.erase(std::unique(c.types.begin(), c.types.end()), c.types.end());
    if (pick(4) == 0) c.every = every(kEvery[static_cast<std::size_t>(pick(4))]);
    c.last_contact = kToday.plus_days(-pick(500));
    (pick(2) ? c.balance.received : c.balance.given) = pick(9);
    if (pick(5) == 0) {
      n.reminders.push_back(promise_to(id, kToday.plus_days(pick(20) - 5).to_string()));
    }
    if (pick(12) == 0) {
      Reminder booked = promise_to(id, "2026-11-25");
      booked.id += 1;
      booked.kind = ReminderKind::plan;
      n.reminders.push_back(booked);
    }
    // Meetings and follow-ups, some far off, some past: they speak for a check-in or not.
    if (pick(10) == 0) {
      Reminder meeting = promise_to(id, kToday.plus_days(pick(60) - 20).to_string());
      meeting.id += 2;
      meeting.kind = ReminderKind::meeting;
      meeting.every = every("1w");
      n.reminders.push_back(meeting);
    }
    if (pick(10) == 0) {
      Reminder followup = promise_to(id, kToday.plus_days(pick(20) - 10).to_string());
      followup.id += 3;
      followup.kind = ReminderKind::followup;
      n.reminders.push_back(followup);
    }
    n.contacts.push_back(std::move(c));
  }
  return n;
}

// "id:score id:score ...".
std::string ranking(const std::vector<Urgency>& ranked) {
  std::string out;
  for (const Urgency& u : ranked) out += std::to_string(u.id) + ":" + std::to_string(u.score) + " ";
  return out;
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
  for (const auto& u : ranked) ids.push_back(u.id);
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
    for (const auto& u : rank_due({&cs, &types, &promises}, kToday)) out.push_back(u.id);
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

TEST_CASE("the selection ranks exactly as scoring everyone, for every limit", "[urgency]") {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    Network n = random_network(seed, 150);
    for (const char* today : {"2026-11-23", "2026-03-01", "2027-06-30"}) {
      std::vector<Urgency> everyone = rank_due({&n.contacts, &n.types, &n.reminders}, day(today));
      for (std::size_t limit : {0u, 1u, 2u, 5u, 10u, 40u, 1000u}) {
        CAPTURE(seed, today, limit);
        VectorSource source(n.contacts, n.types, n.reminders);
        auto selected = select_most_urgent(source, day(today), limit);
        REQUIRE(selected);
        CHECK(selected->total == everyone.size());
        std::vector<Urgency> top(
            everyone.begin(),
            everyone.begin() + static_cast<std::ptrdiff_t>(std::min(limit, everyone.size())));
        REQUIRE(ranking(selected->ranked) == ranking(top));
        for (std::size_t i = 0; i < top.size(); ++i) {
          CHECK(selected->ranked[i].name == top[i].name);
          CHECK(selected->ranked[i].open_promises == top[i].open_promises);
          CHECK(selected->ranked[i].terms.size() == top[i].terms.size());
        }
      }
    }
  }
}

TEST_CASE(
    "the selection finds a person with every other term at its most just ahead of the best "
    "read so far",
    "[urgency]") {
  // Yan is a whole cadence late, with the heaviest weight, a promise due tomorrow and the
  // deepest deficit: every term but lateness at its most, so Yan's bound is Yan's score. Zed
  // has lateness only, from a queue read first, and scores as close below Yan as whole days
  // and cadences allow. A bound short of the truth by more than that gap stops before Yan.
  auto types = builtin();
  Contact yan = person(1, "Yan", {"sponsor"}, "2026-09-28");  // 4w: due 10-26, 28 days ago
  yan.balance.received = 50;
  std::vector<Reminder> reminders = {promise_to(1, "2026-11-24")};
  auto y = assess(yan, types, reminders, kToday);
  REQUIRE(y);
  REQUIRE(y->terms.size() == 4);
  Contact zed = person(2, "Zed", {"friend"}, "2020-01-01");  // weight 1: lateness only
  double closest = 0;
  for (int days = 300; days <= 700; ++days) {
    Duration cadence = every(std::to_string(days) + "d");
    // lo: the most days late that score below Yan (lo scores below, hi does not).
    std::int64_t lo = 1, hi = 100000;
    while (hi - lo > 1) {
      std::int64_t mid = (lo + hi) / 2;
      (overdue_points(mid, cadence) < y->score ? lo : hi) = mid;
    }
    if (overdue_points(lo, cadence) > closest) {
      closest = overdue_points(lo, cadence);
      zed.every = cadence;
      zed.last_contact = kToday.plus_days(-(days + lo));
    }
  }
  auto z = assess(zed, types, reminders, kToday);
  REQUIRE(z);
  REQUIRE(z->score == closest);
  CAPTURE(y->score, closest);
  REQUIRE(y->score - closest < 0.0001);
  std::vector<Contact> both = {yan, zed};
  std::vector<Urgency> everyone = rank_due({&both, &types, &reminders}, kToday);
  REQUIRE(everyone.size() == 2);
  CHECK(everyone[0].name == "Yan");
  for (std::size_t limit : {1u, 2u}) {
    CAPTURE(limit);
    VectorSource source(both, types, reminders);
    auto selected = select_most_urgent(source, kToday, limit);
    REQUIRE(selected);
    CHECK(ranking(selected->ranked) ==
          ranking({everyone.begin(), everyone.begin() + static_cast<std::ptrdiff_t>(limit)}));
  }
}

TEST_CASE("the selection reads only the people who can still make the list", "[urgency]") {
  Network n = random_network(99, 2000);
  VectorSource source(n.contacts, n.types, n.reminders);
  auto selected = select_most_urgent(source, kToday, 10);
  REQUIRE(selected);
  CHECK(selected->ranked.size() == 10);
  CAPTURE(selected->total, source.read, source.lookups);
  CHECK(source.read < selected->total / 2);
  CHECK(source.lookups < source.read);

  VectorSource none(n.contacts, n.types, n.reminders);
  auto counted = select_most_urgent(none, kToday, 0);
  REQUIRE(counted);
  CHECK(counted->total == selected->total);
  CHECK(none.queues_.empty());  // no queue opened
}

TEST_CASE("a due source that breaks the order of its queues is refused", "[urgency]") {
  Network n = random_network(5, 100);
  VectorSource source(n.contacts, n.types, n.reminders);
  // The same queues, each shortest overdue first.
  struct Reversed final : DueSource {
    VectorSource& inner;
    explicit Reversed(VectorSource& s) : inner(s) {}
    Result<std::size_t> overdue_count(Date today) override { return inner.overdue_count(today); }
    Result<std::vector<Duration>> open_queues(Date today) override {
      auto out = inner.open_queues(today);
      for (auto& queue : inner.queues_) std::reverse(queue.begin(), queue.end());
      return out;
    }
    Result<std::optional<DueCandidate>> next(std::size_t q) override { return inner.next(q); }
    Result<Bookings> bookings(std::int64_t id) override { return inner.bookings(id); }
    Result<OpenPromises> promises(std::int64_t id) override { return inner.promises(id); }
    Result<DueName> name(std::int64_t id) override { return inner.name(id); }
  } reversed(source);
  auto selected = select_most_urgent(reversed, kToday, 1000);
  REQUIRE_FALSE(selected);
  CHECK(selected.error().code == Errc::internal);
  CHECK(selected.error().message.find("not longest overdue first") != std::string::npos);
}

TEST_CASE("a due source's error is the selection's error", "[urgency]") {
  Network n = random_network(6, 50);
  struct Failing final : DueSource {
    VectorSource inner;
    explicit Failing(const Network& n) : inner(n.contacts, n.types, n.reminders) {}
    Result<std::size_t> overdue_count(Date today) override { return inner.overdue_count(today); }
    Result<std::vector<Duration>> open_queues(Date today) override {
      return inner.open_queues(today);
    }
    Result<std::optional<DueCandidate>> next(std::size_t q) override { return inner.next(q); }
    Result<Bookings> bookings(std::int64_t) override {
      return Error{Errc::storage, "database 'x' is locked"};
    }
    Result<OpenPromises> promises(std::int64_t id) override { return inner.promises(id); }
    Result<DueName> name(std::int64_t id) override { return inner.name(id); }
  } failing(n);
  auto selected = select_most_urgent(failing, kToday, 5);
  REQUIRE_FALSE(selected);
  CHECK(selected.error().code == Errc::storage);
  CHECK(selected.error().message == "database 'x' is locked");
}

}  // namespace kith
