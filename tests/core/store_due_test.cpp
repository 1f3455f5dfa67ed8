// The store's report queries against the pure reference: the urgency engine's selection over
// the store's due source must rank exactly as rank_due over every contact, plan_candidates
// must plan exactly as make_plan over every contact, and occasions must find exactly what
// upcoming_occasions finds, while reading only what they need.
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "core/fixtures.hpp"
#include "core/store_impl.hpp"
#include "kith/store.hpp"
#include "write_for_test.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

namespace fs = std::filesystem;

// A temporary folder removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kith-store-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// A random network: every kind of cadence, archived people, people never contacted,
// lopsided balances, promises and booked outreach, birthdays and dates around the year end
// and Feb 29.
void fill(Store& store, std::uint32_t seed, int people, bool in_bulk = false) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  const std::vector<std::string> kTypes = {"mentor",  "sponsor", "peer",
                                           "manager", "report",  "customer"};
  const std::vector<std::string> kNames = {"Ada", "ada", "Émile", "Zoë", "Bo", "Cy"};
  const std::vector<std::string> kEvery = {"10d", "3w", "2m", "1y"};
  const std::vector<std::string> kYearly = {"1980-12-30", "--01-02",    "1992-02-29",
                                            "--02-28",    "1975-03-01", "--11-25"};
  auto body = [&]() -> Status {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < people; ++i) {
      Contact c;
      c.name = kNames[static_cast<std::size_t>(pick(6))] + " " + std::to_string(pick(40));
      c.added_on = day("2025-01-01").plus_days(pick(600));
      int types = pick(4);  // 0 to 3 types
      for (int t = 0; t < types; ++t) c.types.push_back(kTypes[static_cast<std::size_t>(pick(6))]);
      std::sort(c.types.begin(), c.types.end());
      c.types.erase(std::unique(c.types.begin(), c.types.end()), c.types.end());
      if (pick(5) == 0) c.every = *Duration::parse(kEvery[static_cast<std::size_t>(pick(4))]);
      if (pick(3) == 0) c.circle = 1 + pick(3);
      c.archived = pick(10) == 0;
      c.target = pick(8) == 0;
      if (pick(3) == 0) c.birthday = *YearlyDate::parse(kYearly[static_cast<std::size_t>(pick(6))]);
      if (pick(4) == 0) {
        c.dates.push_back({"met", *YearlyDate::parse(kYearly[static_cast<std::size_t>(pick(6))])});
      }
      auto id = store.add_contact(c);
      if (!id) return id.error();
      ids.push_back(*id);
    }
    for (int i = 0; i < people * 3; ++i) {
      Interaction x;
      x.day = day("2025-06-01").plus_days(pick(530));
      x.summary = "talk " + std::to_string(i);
      x.direction = static_cast<Direction>(pick(3));
      x.weight = 1 + pick(5);
      int n = 1 + pick(2);
      for (int p = 0; p < n; ++p)
        x.people.push_back({ids[static_cast<std::size_t>(pick(people))], ""});
      if (pick(2) == 0) x.people.resize(1);
      auto added = store.add_interaction(x);
      if (!added) return added.error();
    }
    // Every kind that speaks for a check-in or moves it: booked outreach, promises, meetings,
    // follow-ups, plain reminders, agenda topics (which do neither) and skips.
    static const ReminderKind kKinds[] = {ReminderKind::plan,     ReminderKind::promise,
                                          ReminderKind::promise,  ReminderKind::meeting,
                                          ReminderKind::followup, ReminderKind::reminder,
                                          ReminderKind::topic,    ReminderKind::skip};
    for (int i = 0; i < people / 2; ++i) {
      Reminder r;
      r.contact_id = ids[static_cast<std::size_t>(pick(people))];
      r.kind = kKinds[pick(8)];
      r.text = "r";
      r.due = day("2026-10-01").plus_days(pick(90));
      r.anchor = r.due;
      if (r.kind == ReminderKind::meeting) r.every = *Duration::parse("1w");
      auto added = store.add_reminder(r);
      if (!added) return added.error();
      if (r.kind == ReminderKind::skip) {
        r.id = *added;
        r.done_on = r.due;
        KITH_TRY(store.update_reminder(r));
      }
    }
    return {};
  };
  REQUIRE(write_for_test(store, [&] { return in_bulk ? store.bulk(body) : body(); }));
}

std::string names(const std::vector<Urgency>& ranked) {
  std::string out;
  for (const Urgency& u : ranked) {
    out += std::to_string(u.id) + ":" + std::to_string(u.score) + " ";
  }
  return out;
}

std::string slots(const Plan& plan) {
  std::string out;
  for (const PlanSlot& s : plan.slots) {
    out += s.day.to_string().substr(5) + "=" + std::to_string(s.urgency.id) + " ";
  }
  return out + "unplaced " + std::to_string(plan.unplaced) + " booked " +
         std::to_string(plan.already_planned);
}

std::string occasions(const std::vector<Occasion>& os) {
  std::string out;
  for (const Occasion& o : os) {
    out += o.on.to_string() + " " + std::to_string(o.contact_id) + " " + o.label + "; ";
  }
  return out;
}

struct Everything {
  std::vector<Contact> contacts;
  std::vector<RelationshipType> types;
  std::vector<Reminder> reminders;
  UrgencyInput input() const { return {&contacts, &types, &reminders}; }
};

// The `limit` most urgent as the daily report selects them: the engine over the store's source.
DueRanking most_urgent(Store& store, Date today, int limit) {
  auto source = store.due_source();
  auto ranking = select_most_urgent(*source, today, static_cast<std::size_t>(limit));
  REQUIRE(ranking);
  return std::move(*ranking);
}

Everything read_all(Store& store) {
  Everything all;
  all.contacts = *store.contacts({});
  ContactQuery archived_only;
  archived_only.archived = true;
  auto archived = *store.contacts(archived_only);
  all.contacts.insert(all.contacts.end(), archived.begin(), archived.end());
  all.types = *store.types();
  all.reminders = *store.reminders(std::nullopt);
  return all;
}

}  // namespace

TEST_CASE("the selection over the store's due source ranks exactly as rank_due over every contact",
          "[store][due]") {
  TempDir dir;
  auto store = Store::open(dir.path / "kith.db", Store::Access::write);
  REQUIRE(store);
  fill(*store, 7, 300);
  Everything all = read_all(*store);
  for (const char* today : {"2026-11-23", "2026-06-01", "2027-03-01"}) {
    std::vector<Urgency> reference = rank_due(all.input(), day(today));
    for (int limit : {0, 1, 10, 50, 1000}) {
      CAPTURE(today, limit);
      DueRanking ranking = most_urgent(*store, day(today), limit);
      CHECK(ranking.total == reference.size());
      std::vector<Urgency> expected(
          reference.begin(),
          reference.begin() + std::min<std::ptrdiff_t>(limit, std::ssize(reference)));
      CHECK(names(ranking.ranked) == names(expected));
      for (std::size_t i = 0; i < ranking.ranked.size(); ++i) {
        const Urgency& u = ranking.ranked[i];
        CHECK(u.name == expected[i].name);
        CHECK(u.name_key == expected[i].name_key);
        CHECK(u.open_promises == expected[i].open_promises);
        CHECK(u.next_promise == expected[i].next_promise);
        CHECK(u.never_contacted == expected[i].never_contacted);
        CHECK(u.net == expected[i].net);
      }
    }
  }
  CHECK(all.contacts.size() == 300);
}

TEST_CASE("the maintained due day follows interactions, types, cadences and archiving",
          "[store][due]") {
  TempDir dir;
  auto store = Store::open(dir.path / "kith.db", Store::Access::write);
  REQUIRE(store);
  fill(*store, 11, 120);
  auto check = [&](const char* when) {
    INFO(when);
    Everything all = read_all(*store);
    for (const char* today : {"2026-11-23", "2027-01-31"}) {
      CHECK(names(most_urgent(*store, day(today), 500).ranked) ==
            names(rank_due(all.input(), day(today))));
    }
  };
  check("after filling");
  REQUIRE(write_for_test(*store, [&]() -> Status {
    KITH_TRY(store->change_type("peer", {std::optional<Duration>(*Duration::parse("1m")), 5}));
    return store->change_type("mentor",
                              {std::optional<std::optional<Duration>>(std::nullopt), std::nullopt});
  }));
  check("after changing two types' cadences");
  REQUIRE(write_for_test(*store, [&]() -> Status {
    auto all = store->contacts({});
    if (!all) return all.error();
    for (std::size_t i = 0; i < all->size(); i += 3) {
      Contact c = (*all)[i];
      c.every = i % 2 ? std::optional<Duration>() : *Duration::parse("5d");
      c.types = i % 4 ? std::vector<std::string>{"sponsor"} : std::vector<std::string>{};
      c.archived = i % 9 == 0;
      c.target = i % 7 == 0;
      KITH_TRY(store->update_contact(c));
    }
    return {};
  }));
  check("after editing contacts");
  REQUIRE(write_for_test(*store, [&]() -> Status {
    auto all = store->contacts({});
    if (!all) return all.error();
    for (std::size_t i = 0; i < all->size(); i += 5) KITH_TRY(store->remove_contact((*all)[i].id));
    return {};
  }));
  check("after removing contacts and their interactions");
}

TEST_CASE("plan_candidates plan exactly as make_plan over every contact", "[store][due]") {
  TempDir dir;
  auto store = Store::open(dir.path / "kith.db", Store::Access::write);
  REQUIRE(store);
  fill(*store, 3, 200);
  Everything all = read_all(*store);
  for (const char* start : {"2026-11-24", "2026-06-01"}) {
    for (int per_day : {1, 3}) {
      PlanOptions options;
      options.start = day(start);
      options.per_day = per_day;
      options.days = 10;
      for (bool filtered : {false, true}) {
        options.types =
            filtered ? std::vector<std::string>{"mentor", "peer"} : std::vector<std::string>{};
        CAPTURE(start, per_day, filtered);
        auto candidates = store->plan_candidates(plan_days(options).back());
        REQUIRE(candidates);
        CHECK(slots(make_plan(*candidates, options)) == slots(make_plan(all.input(), options)));
      }
    }
  }
}

TEST_CASE("occasions finds the same birthdays and dates as upcoming_occasions over everyone",
          "[store][due]") {
  TempDir dir;
  auto store = Store::open(dir.path / "kith.db", Store::Access::write);
  REQUIRE(store);
  fill(*store, 5, 200);
  Everything all = read_all(*store);
  for (const char* today :
       {"2026-11-23", "2026-12-28", "2027-02-26", "2028-02-26", "2026-01-01", "2026-03-01"}) {
    for (int days : {0, 3, 7, 40, 365, 366}) {
      CAPTURE(today, days);
      auto found = store->occasions(day(today), days);
      REQUIRE(found);
      CHECK(occasions(*found) == occasions(upcoming_occasions(all.contacts, day(today), days)));
    }
  }
}

TEST_CASE("an interaction changed in place moves its people's summaries with it", "[store][due]") {
  TempDir dir;
  fs::path path = dir.path / "kith.db";
  {
    auto store = Store::open(path, Store::Access::write);
    REQUIRE(store);
    fill(*store, 13, 60);
  }
  // What the summary must hold, computed from scratch.
  const char* kFromScratch =
      "SELECT s.contact_id, s.last_day IS (SELECT max(day) FROM interaction_people"
      "   WHERE contact_id = s.contact_id),"
      " s.given = coalesce((SELECT sum(i.weight) FROM interaction_people p"
      "   JOIN interactions i ON i.id = p.interaction_id"
      "   WHERE p.contact_id = s.contact_id AND i.direction = 'gave'), 0),"
      " s.received = coalesce((SELECT sum(i.weight) FROM interaction_people p"
      "   JOIN interactions i ON i.id = p.interaction_id"
      "   WHERE p.contact_id = s.contact_id AND i.direction = 'received'), 0),"
      " s.last_gave_day IS (SELECT max(p.day) FROM interaction_people p"
      "   JOIN interactions i ON i.id = p.interaction_id"
      "   WHERE p.contact_id = s.contact_id AND i.direction = 'gave'),"
      " (SELECT count(*) FROM interaction_people p JOIN interactions i"
      "   ON i.id = p.interaction_id WHERE p.contact_id = s.contact_id AND p.day != i.day)"
      " FROM contact_stats s ORDER BY 1";
  auto stale = [&](SQLite::Database& db) {
    SQLite::Statement st(db, kFromScratch);
    std::string out;
    while (st.executeStep()) {
      bool ok = st.getColumn(1).getInt() && st.getColumn(2).getInt() && st.getColumn(3).getInt() &&
                st.getColumn(4).getInt() && st.getColumn(5).getInt() == 0;
      if (!ok) out += std::to_string(st.getColumn(0).getInt64()) + " ";
    }
    return out;
  };
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  register_functions(db);
  db.exec("PRAGMA foreign_keys = ON");
  CHECK(stale(db).empty());
  std::mt19937 rng(17);
  const char* kDirections[] = {"gave", "received", "mutual"};
  for (int round = 0; round < 200; ++round) {
    SQLite::Statement st(db,
                         "UPDATE interactions SET day = :day, direction = :direction,"
                         " weight = :weight WHERE id = :id");
    st.bind(":day", day("2025-06-01").plus_days(rng() % 530).to_string());
    st.bind(":direction", kDirections[rng() % 3]);
    st.bind(":weight", static_cast<int>(1 + rng() % 5));
    st.bind(":id", static_cast<std::int64_t>(1 + rng() % 180));
    st.exec();
    INFO("round " << round);
    REQUIRE(stale(db).empty());
  }
  auto store = Store::open(path, Store::Access::read);
  REQUIRE(store);
  Everything all = read_all(*store);
  CHECK(names(most_urgent(*store, day("2026-11-23"), 1000).ranked) ==
        names(rank_due(all.input(), day("2026-11-23"))));
}

TEST_CASE("a bulk load leaves the database as writing row by row does", "[store][due]") {
  TempDir dir;
  // What the triggers maintain, as text: every person's summary, and what full-text search
  // finds and how it ranks it.
  auto derived = [](Store& store) {
    std::string out;
    for (const Urgency& u : most_urgent(store, day("2026-11-23"), 10000).ranked) {
      out += std::to_string(u.id) + " ";
    }
    for (const char* words : {"talk", "talk 1*", "ada", "zoe", "emile"}) {
      auto hits = store.find(words, 50);
      for (const SearchHit& hit : *hits) {
        out += std::to_string(hit.id) + ":" + hit.snippet + ":" + std::to_string(hit.rank) + " ";
      }
    }
    auto contacts = store.contacts({});
    for (const Contact& c : *contacts) {
      out += std::to_string(c.id) + (c.last_contact ? c.last_contact->to_string() : "-") +
             std::to_string(c.balance.given) + "/" + std::to_string(c.balance.received) +
             (c.balance.last_gave ? c.balance.last_gave->to_string() : "-") + " ";
    }
    return out;
  };
  auto by_rows = Store::open(dir.path / "rows.db", Store::Access::write);
  auto in_bulk = Store::open(dir.path / "bulk.db", Store::Access::write);
  REQUIRE((by_rows && in_bulk));
  fill(*by_rows, 23, 150, false);
  fill(*in_bulk, 23, 150, true);
  CHECK(derived(*in_bulk) == derived(*by_rows));
  // A second load on top, removing people as it goes, in bulk and not.
  for (Store* store : {&*by_rows, &*in_bulk}) {
    auto remove_some = [&]() -> Status {
      for (std::int64_t id = 1; id <= 150; id += 7) KITH_TRY(store->remove_contact(id));
      return {};
    };
    REQUIRE(write_for_test(
        *store, [&] { return store == &*in_bulk ? store->bulk(remove_some) : remove_some(); }));
  }
  fill(*by_rows, 29, 80, false);
  fill(*in_bulk, 29, 80, true);
  CHECK(derived(*in_bulk) == derived(*by_rows));
}

}  // namespace kith
