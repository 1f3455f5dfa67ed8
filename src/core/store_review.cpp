// The store's answers for kith review: the plain facts of a period (the figures are the
// engine's: kith/review.hpp).
#include <unordered_map>

#include "store_impl.hpp"

namespace kith {
namespace {

// A period longer than this is read by scanning the interactions in storage order: imported
// histories are stored in no particular day order, and following interactions_by_day through a
// long period then reads the table's pages at random, several times over.
constexpr int kScanPeriodDays = 92;

// The period's interactions, read once with the covering index of their people: summed by day
// (each interaction counted once; given and received per person, as the balance counts them)
// and by person. A short period is read through interactions_by_day; a long one by a scan.
void read_flows(Store::Impl& impl, const ReviewPeriod& period, ReviewFacts& facts) {
  bool scan = days_between(period.since, period.until) > kScanPeriodDays;
  auto& st = impl.prepare(
      scan ? "SELECT i.day, i.id, i.direction, i.weight, p.contact_id"
             " FROM interactions i NOT INDEXED JOIN interaction_people p"
             " ON p.interaction_id = i.id WHERE i.day >= :since AND i.day <= :until"
           : "SELECT i.day, i.id, i.direction, i.weight, p.contact_id"
             " FROM interactions i JOIN interaction_people p ON p.interaction_id = i.id"
             " WHERE i.day >= :since AND i.day <= :until ORDER BY i.day, i.id");
  st.bind(":since", period.since.to_string());
  st.bind(":until", period.until.to_string());
  std::unordered_map<std::int64_t, std::size_t> flow_of;  // contact id -> index in flows
  std::unordered_map<std::int32_t, std::size_t> day_of;   // days since the epoch -> in days
  std::int64_t last_interaction = 0;  // an interaction's people come one after another
  std::size_t current = 0;
  while (st.executeStep()) {
    std::int64_t interaction = st.getColumn(1).getInt64();
    if (interaction != last_interaction || facts.days.empty()) {
      auto parsed = Date::parse_iso(st.getColumn(0).getText());
      if (!parsed) continue;  // never stored: the schema's days are ISO
      auto [it, added] = day_of.try_emplace(parsed->days_since_epoch(), facts.days.size());
      if (added) facts.days.push_back({*parsed, 0, 0, 0});
      current = it->second;
      ++facts.days[current].interactions;
      last_interaction = interaction;
    }
    ReviewDay& d = facts.days[current];
    std::string_view direction = st.getColumn(2).getText();
    std::int64_t weight = st.getColumn(3).getInt64();
    std::int64_t given = direction == "gave" ? weight : 0;
    std::int64_t received = direction == "received" ? weight : 0;
    d.given += given;
    d.received += received;
    std::int64_t contact = st.getColumn(4).getInt64();
    auto [it, added] = flow_of.try_emplace(contact, facts.flows.size());
    if (added) facts.flows.push_back(ReviewFlow{contact, "", "", 0, 0, 0});
    ReviewFlow& f = facts.flows[it->second];
    ++f.interactions;
    f.given += given;
    f.received += received;
  }
  if (facts.flows.empty()) return;
  // Their names, for ranking and showing: one pass over the contacts.
  auto& names = impl.prepare("SELECT id, name, name_key FROM contacts");
  while (names.executeStep()) {
    auto it = flow_of.find(names.getColumn(0).getInt64());
    if (it == flow_of.end()) continue;
    ReviewFlow& f = facts.flows[it->second];
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
