// The store's answers for kith review: the plain facts of a period (the figures are the
// engine's: kith/review.hpp).
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store_impl.hpp"

namespace kith {
namespace {

// A period longer than this is read by two scans in id order, merged: imported histories are
// stored in no particular day order, and following interactions_by_day through a long period
// then reads the table's pages at random, several times over.
constexpr int kScanPeriodDays = 92;

struct FlowSums {
  // Contact id -> index in flows + 1 (0: none yet), by id when the ids are dense enough,
  // else in the map: one person's sums are found without hashing on every link.
  std::vector<std::size_t> dense;
  std::unordered_map<std::int64_t, std::size_t> flow_of;  // contact id -> index in flows

  // The slot holding the index + 1 of the contact's sums in flows.
  std::size_t& slot(std::int64_t contact) {
    if (contact >= 0 && static_cast<std::uint64_t>(contact) < dense.size()) {
      return dense[static_cast<std::size_t>(contact)];
    }
    return flow_of[contact];
  }
  // Its index in flows, or nullopt.
  std::optional<std::size_t> find(std::int64_t contact) const {
    if (contact >= 0 && static_cast<std::uint64_t>(contact) < dense.size()) {
      std::size_t i = dense[static_cast<std::size_t>(contact)];
      return i == 0 ? std::nullopt : std::optional<std::size_t>(i - 1);
    }
    auto it = flow_of.find(contact);
    return it == flow_of.end() || it->second == 0 ? std::nullopt
                                                  : std::optional<std::size_t>(it->second - 1);
  }
  std::unordered_map<std::int64_t, std::size_t> day_of;  // a day's digits -> in days
};

// Counts one interaction on its day (its stored text); returns the day's index in facts.days,
// or nullopt for a text that is not a day (the schema never stores one). The text is parsed
// once per day: the digits of "YYYY-MM-DD" are the key.
std::optional<std::size_t> count_interaction(FlowSums& sums, ReviewFacts& facts,
                                             std::string_view text) {
  std::int64_t key = static_cast<std::int64_t>(text.size());
  for (char c : text) {
    if (c >= '0' && c <= '9') key = key * 10 + (c - '0');
  }
  auto it = sums.day_of.find(key);
  if (it == sums.day_of.end()) {
    auto day = Date::parse_iso(text);
    if (!day) return std::nullopt;
    it = sums.day_of.emplace(key, facts.days.size()).first;
    facts.days.push_back({*day, 0, 0, 0});
  }
  ++facts.days[it->second].interactions;
  return it->second;
}

// Adds one person's part in an interaction to the day's and the person's sums.
void count_person(FlowSums& sums, ReviewFacts& facts, std::size_t day, std::int64_t contact,
                  std::int64_t given, std::int64_t received) {
  ReviewDay& d = facts.days[day];
  d.given += given;
  d.received += received;
  std::size_t& slot = sums.slot(contact);
  if (slot == 0) {
    facts.flows.push_back(ReviewFlow{contact, "", "", 0, 0, 0});
    slot = facts.flows.size();
  }
  ReviewFlow& f = facts.flows[slot - 1];
  ++f.interactions;
  f.given += given;
  f.received += received;
}

// The period's interactions, each read once, with their people from the covering index
// interaction_people_by_interaction: summed by day (each interaction counted once; given and
// received per person, as the balance counts them) and by person. A short period is read
// through interactions_by_day; a long one by a scan of the interactions and one of the index,
// both in interaction id order, merged.
void read_flows(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  const std::string since = period.since.to_string();
  const std::string until = period.until.to_string();
  FlowSums sums;
  auto& ids = impl.prepare("SELECT coalesce(max(id), 0), count(*) FROM contacts");
  ids.executeStep();
  std::int64_t max_id = ids.getColumn(0).getInt64();
  if (max_id >= 0 && max_id <= 4 * ids.getColumn(1).getInt64() + 65536) {
    sums.dense.assign(static_cast<std::size_t>(max_id) + 1, 0);
  }
  const auto value = [](std::string_view direction, std::int64_t weight, std::string_view want) {
    return direction == want ? weight : std::int64_t{0};
  };
  if (days_between(period.since, period.until) <= kScanPeriodDays) {
    auto& st = impl.prepare(
        "SELECT i.day, i.id, i.direction, i.weight, p.contact_id"
        " FROM interactions i JOIN interaction_people p ON p.interaction_id = i.id"
        " WHERE i.day >= :since AND i.day <= :until ORDER BY i.day, i.id");
    st.bind(":since", since);
    st.bind(":until", until);
    std::int64_t last = 0;
    std::size_t day = 0;
    bool valid = false;
    while (st.executeStep()) {
      std::int64_t interaction = st.getColumn(1).getInt64();
      if (interaction != last) {
        last = interaction;
        auto counted = count_interaction(sums, facts, st.getColumn(0).getText());
        valid = counted.has_value();
        if (valid) day = *counted;
      }
      if (!valid) continue;
      std::string_view direction = st.getColumn(2).getText();
      std::int64_t weight = st.getColumn(3).getInt64();
      count_person(sums, facts, day, st.getColumn(4).getInt64(), value(direction, weight, "gave"),
                   value(direction, weight, "received"));
    }
  } else {
    auto& interactions = impl.prepare(
        "SELECT id, day, direction, weight FROM interactions NOT INDEXED"
        " WHERE day >= :since AND day <= :until ORDER BY id");
    interactions.bind(":since", since);
    interactions.bind(":until", until);
    // The links carry the interaction's day: the index is filtered on it as it is read.
    auto& people = impl.prepare(
        "SELECT interaction_id, contact_id FROM interaction_people"
        " INDEXED BY interaction_people_by_interaction"
        " WHERE day >= :since AND day <= :until ORDER BY interaction_id");
    people.bind(":since", since);
    people.bind(":until", until);
    bool more_people = people.executeStep();
    while (interactions.executeStep() && more_people) {
      std::int64_t id = interactions.getColumn(0).getInt64();
      while (more_people && people.getColumn(0).getInt64() < id) more_people = people.executeStep();
      if (!more_people || people.getColumn(0).getInt64() != id) continue;
      auto counted = count_interaction(sums, facts, interactions.getColumn(1).getText());
      if (!counted) continue;
      std::size_t day = *counted;
      std::string_view direction = interactions.getColumn(2).getText();
      std::int64_t weight = interactions.getColumn(3).getInt64();
      std::int64_t given = value(direction, weight, "gave");
      std::int64_t received = value(direction, weight, "received");
      while (more_people && people.getColumn(0).getInt64() == id) {
        count_person(sums, facts, day, people.getColumn(1).getInt64(), given, received);
        more_people = people.executeStep();
      }
    }
  }
  if (facts.flows.empty()) return;
  // Their names, for ranking and showing: one pass over the contacts.
  auto& names = impl.prepare("SELECT id, name, name_key FROM contacts");
  while (names.executeStep()) {
    auto at = sums.find(names.getColumn(0).getInt64());
    if (!at) continue;
    ReviewFlow& f = facts.flows[*at];
    f.name = names.getColumn(1).getString();
    f.name_key = names.getColumn(2).getString();
  }
}

void read_inner(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  auto& st = impl.prepare(
      "SELECT c.id, c.name, c.name_key, c.circle, s.weight, s.cadence, c.added_on,"
      " (SELECT max(p.day) FROM interaction_people p"
      "   WHERE p.contact_id = c.id AND p.day < :since),"
      " (SELECT max(r.due) FROM reminders r"
      "   WHERE r.contact_id = c.id AND r.kind = 'skip' AND r.due <= :until)"
      " FROM contacts c JOIN contact_stats s ON s.contact_id = c.id"
      " WHERE c.archived = 0 AND c.target = 0 AND s.cadence IS NOT NULL"
      " AND (c.circle = 1 OR s.weight >= :weight)"
      " ORDER BY c.id");
  st.bind(":since", period.since.to_string());
  st.bind(":until", period.until.to_string());
  st.bind(":weight", kInnerCircleMinWeight);
  while (st.executeStep()) {
    InnerCandidate c;
    c.id = st.getColumn(0).getInt64();
    c.name = st.getColumn(1).getString();
    c.name_key = st.getColumn(2).getString();
    if (!st.getColumn(3).isNull()) c.circle = st.getColumn(3).getInt();
    c.weight = st.getColumn(4).getInt();
    c.cadence = optional_duration(st.getColumn(5));
    auto added = optional_day(st.getColumn(6));
    if (!c.cadence || !added) continue;  // a cadence not in kith's form is never due
    c.added_on = *added;
    c.last_before = optional_day(st.getColumn(7));
    c.skip = optional_day(st.getColumn(8));
    facts.inner.push_back(std::move(c));
  }
}

void read_promises(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  auto& st = impl.prepare(
      "SELECT id, due, done_on, cancelled FROM reminders"
      " WHERE kind = 'promise' AND due >= :since AND due <= :until ORDER BY due, id");
  st.bind(":since", period.since.to_string());
  st.bind(":until", period.until.to_string());
  while (st.executeStep()) {
    auto due = optional_day(st.getColumn(1));
    if (!due) continue;
    facts.promises.push_back({st.getColumn(0).getInt64(), *due, optional_day(st.getColumn(2)),
                              st.getColumn(3).getInt() != 0});
  }
}

void read_network(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  NetworkFigures& n = facts.network;
  auto& st = impl.prepare(
      "SELECT coalesce(sum(archived = 0 AND target = 0), 0),"
      " coalesce(sum(archived = 1), 0),"
      " coalesce(sum(archived = 0 AND target = 1), 0),"
      " coalesce(sum(archived = 0 AND target = 0 AND circle = 1), 0),"
      " coalesce(sum(archived = 0 AND target = 0 AND circle = 2), 0),"
      " coalesce(sum(archived = 0 AND target = 0 AND circle = 3), 0),"
      " coalesce(sum(archived = 0 AND target = 0 AND circle IS NULL), 0),"
      " coalesce(sum(target = 0 AND added_on >= :since AND added_on <= :until), 0),"
      " coalesce(sum(archived = 0 AND target = 0 AND NOT EXISTS"
      "   (SELECT 1 FROM contact_types ct WHERE ct.contact_id = contacts.id)), 0)"
      " FROM contacts");
  st.bind(":since", period.since.to_string());
  st.bind(":until", period.until.to_string());
  st.executeStep();
  n.active = st.getColumn(0).getInt64();
  n.archived = st.getColumn(1).getInt64();
  n.targets = st.getColumn(2).getInt64();
  for (int circle = 1; circle <= 3; ++circle) {
    std::int64_t count = st.getColumn(2 + circle).getInt64();
    if (count > 0) n.by_circle[circle] = count;
  }
  n.no_circle = st.getColumn(6).getInt64();
  n.added = st.getColumn(7).getInt64();
  n.untyped = st.getColumn(8).getInt64();
  facts.circles_used = n.by_circle.count(1) + n.by_circle.count(2) + n.by_circle.count(3) > 0;

  auto& types = impl.prepare(
      "SELECT t.name, (SELECT count(*) FROM contact_types ct JOIN contacts c"
      "   ON c.id = ct.contact_id WHERE ct.type_id = t.id AND c.archived = 0 AND c.target = 0)"
      " FROM types t ORDER BY t.name");
  while (types.executeStep()) {
    n.by_type[types.getColumn(0).getString()] = types.getColumn(1).getInt64();
  }
}

void read_goals(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  auto& st = impl.prepare(
      "SELECT g.id, g.text, g.by_day, g.added_on, g.done_on,"
      " (SELECT count(*) FROM goal_people gp WHERE gp.goal_id = g.id),"
      " (SELECT count(*) FROM goal_people gp WHERE gp.goal_id = g.id AND EXISTS"
      "   (SELECT 1 FROM interaction_people p WHERE p.contact_id = gp.contact_id"
      "    AND p.day >= :since AND p.day <= :until))"
      " FROM goals g ORDER BY g.id");
  st.bind(":since", period.since.to_string());
  st.bind(":until", period.until.to_string());
  while (st.executeStep()) {
    GoalFact g;
    g.id = st.getColumn(0).getInt64();
    g.text = st.getColumn(1).getString();
    g.by = optional_day(st.getColumn(2));
    g.added_on = optional_day(st.getColumn(3)).value_or(Date());
    g.done_on = optional_day(st.getColumn(4));
    g.people = st.getColumn(5).getInt64();
    g.spoken = st.getColumn(6).getInt64();
    facts.goals.push_back(std::move(g));
  }
}

}  // namespace

Result<ReviewFacts> Store::review_facts(const ReviewPeriod& period) {
  return guarded(*impl_, [&]() -> Result<ReviewFacts> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    ReviewFacts facts;
    read_flows(impl, period, facts);
    read_network(impl, period, facts);
    read_inner(impl, period, facts);
    read_promises(impl, period, facts);
    read_goals(impl, period, facts);
    return facts;
  });
}

}  // namespace kith
