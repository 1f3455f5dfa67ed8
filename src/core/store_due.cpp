// The store's answers for the daily report and the planner: who is due, ranked without reading
// every contact, and the birthdays and dates coming up.
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "store_impl.hpp"

namespace kith {
namespace {

// One cadence's overdue contacts, longest overdue first, read one at a time.
struct Group {
  Duration cadence;
  std::unique_ptr<SQLite::Statement> rows;
  bool has_row = false;
  std::int64_t days_overdue = 0;  // of the current row

  void advance(Date today) {
    has_row = rows->executeStep();
    if (!has_row) return;
    auto due = Date::parse_iso(rows->getColumn(1).getString());
    days_overdue = due ? days_between(*due, today) : 0;
  }
  // The most the current row can score: its overdue term plus every other term at its most.
  double bound() const { return overdue_points(days_overdue, cadence) + kMaxOtherPoints; }
};

// The facts the summary row gives; promises and bookings are added by the caller.
// Columns: contact_id, due, weight, net, never contacted.
UrgencyFacts summary_facts(SQLite::Statement& row, const Duration& cadence) {
  UrgencyFacts f;
  f.cadence = cadence;
  if (auto due = Date::parse_iso(row.getColumn(1).getString())) f.due = *due;
  int weight = row.getColumn(2).getInt();
  f.weight = weight > 0 ? weight : kUntypedWeight;
  f.net = row.getColumn(3).getInt64();
  f.never_contacted = row.getColumn(4).getInt() != 0;
  return f;
}

// True when outreach is booked for the contact (an open reminder of kind plan).
bool is_booked(Store::Impl& impl, std::int64_t id) {
  auto& st = impl.prepare(
      "SELECT 1 FROM reminders WHERE done_on IS NULL AND kind = 'plan' AND contact_id = :id"
      " LIMIT 1");
  st.bind(":id", id);
  return st.executeStep();
}

// Adds the contact's open promises to its facts.
void add_promises(Store::Impl& impl, std::int64_t id, UrgencyFacts& f) {
  auto& st = impl.prepare(
      "SELECT count(*), min(due) FROM reminders"
      " WHERE done_on IS NULL AND kind = 'promise' AND contact_id = :id");
  st.bind(":id", id);
  if (!st.executeStep()) return;
  f.open_promises = st.getColumn(0).getInt();
  if (auto due = Date::parse_iso(st.getColumn(1).getString())) f.next_promise = *due;
}

// The cadences that have someone due, via the (cadence, due) index, one seek each.
std::vector<std::string> due_cadences(Store::Impl& impl) {
  std::vector<std::string> out;
  auto& next = impl.prepare(
      "SELECT cadence FROM contact_stats WHERE due IS NOT NULL AND cadence > :after"
      " ORDER BY cadence LIMIT 1");
  std::string after;
  while (true) {
    next.reset();
    next.bind(":after", after);
    if (!next.executeStep()) break;
    after = next.getColumn(0).getString();
    out.push_back(after);
  }
  return out;
}

}  // namespace

Result<DueRanking> Store::most_urgent(Date today, int limit) {
  return guarded(*impl_, [&]() -> Result<DueRanking> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    const std::string day = today.to_string();
    const std::size_t wanted = static_cast<std::size_t>(std::max(0, limit));
    DueRanking out;

    std::vector<Group> groups;
    for (const std::string& text : due_cadences(impl)) {
      auto cadence = Duration::parse(text);
      if (!cadence) continue;  // not kith's form: never due (kith_after gave NULL)
      auto& count = impl.prepare(
          "SELECT count(*) FROM contact_stats WHERE cadence = :cadence AND due < :today");
      count.bind(":cadence", text);
      count.bind(":today", day);
      count.executeStep();
      out.total += static_cast<std::size_t>(count.getColumn(0).getInt64());
      if (wanted == 0) continue;
      Group g{*cadence, std::make_unique<SQLite::Statement>(
                            impl.db,
                            "SELECT contact_id, due, weight, given - received,"
                            " last_day IS NULL FROM contact_stats"
                            " WHERE cadence = :cadence AND due < :today"
                            " ORDER BY due, contact_id")};
      g.rows->bind(":cadence", text);
      g.rows->bind(":today", day);
      g.advance(today);
      if (g.has_row) groups.push_back(std::move(g));
    }
    auto& booked = impl.prepare(
        "SELECT count(DISTINCT r.contact_id) FROM reminders r"
        " JOIN contact_stats s ON s.contact_id = r.contact_id"
        " WHERE r.kind = 'plan' AND r.done_on IS NULL AND s.due < :today");
    booked.bind(":today", day);
    booked.executeStep();
    out.total -= static_cast<std::size_t>(booked.getColumn(0).getInt64());

    // Take the best head among the groups until no unread row can beat the last of the top.
    std::vector<Urgency>& top = out.ranked;
    while (!groups.empty()) {
      auto g = std::max_element(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return a.bound() < b.bound();
      });
      if (top.size() == wanted && g->bound() < top.back().score) break;
      SQLite::Statement& row = *g->rows;
      std::int64_t id = row.getColumn(0).getInt64();
      UrgencyFacts facts = summary_facts(row, g->cadence);
      // Everything but a promise is known from the row: look further only if a promise
      // could lift it into the top.
      double without_promise = score(facts, today).score;
      bool could_enter =
          top.size() < wanted ||
          without_promise + kOpenPromisePoints + kLatePromisePoints >= top.back().score;
      if (could_enter && !is_booked(impl, id)) {
        add_promises(impl, id, facts);
        Urgency u = score(facts, today);
        u.id = id;
        auto& name = impl.prepare("SELECT name, name_key FROM contacts WHERE id = :id");
        name.bind(":id", id);
        if (name.executeStep()) {
          u.name = name.getColumn(0).getString();
          u.name_key = name.getColumn(1).getString();
        }
        auto at = std::upper_bound(top.begin(), top.end(), u, more_urgent);
        if (at != top.end() || top.size() < wanted) {
          top.insert(at, std::move(u));
          if (top.size() > wanted) top.pop_back();
        }
      }
      g->advance(today);
      if (!g->has_row) groups.erase(g);
    }

    auto types = this->types();
    if (!types) return types.error();
    out.contacts.reserve(top.size());
    for (Urgency& u : top) {
      auto c = contact(u.id);
      if (!c) return c.error();
      out.contacts.push_back(std::move(*c));
      u.contact = &out.contacts.back();
      u.heaviest_type = heaviest_type(*u.contact, *types).first;
    }
    return out;
  });
}

Result<std::vector<PlanCandidate>> Store::plan_candidates(Date through) {
  return guarded(*impl_, [&]() -> Result<std::vector<PlanCandidate>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    std::vector<PlanCandidate> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    auto& st = impl.prepare(
        "SELECT s.contact_id, s.due, s.weight, s.given - s.received, s.last_day IS NULL,"
        " c.name, c.name_key, s.cadence, c.circle"
        " FROM contact_stats s JOIN contacts c ON c.id = s.contact_id"
        " WHERE s.due <= :through ORDER BY s.contact_id");
    st.bind(":through", through.to_string());
    while (st.executeStep()) {
      auto cadence = Duration::parse(st.getColumn(7).getString());
      if (!cadence) continue;
      PlanCandidate c;
      c.id = st.getColumn(0).getInt64();
      c.facts = summary_facts(st, *cadence);
      c.name = st.getColumn(5).getString();
      c.name_key = st.getColumn(6).getString();
      if (!st.getColumn(8).isNull()) c.circle = st.getColumn(8).getInt();
      index.emplace(c.id, out.size());
      out.push_back(std::move(c));
    }
    if (out.empty()) return out;
    auto& types = impl.prepare(
        "SELECT ct.contact_id, t.name FROM contact_types ct JOIN types t ON t.id = ct.type_id"
        " ORDER BY ct.contact_id, t.name");
    while (types.executeStep()) {
      auto it = index.find(types.getColumn(0).getInt64());
      if (it != index.end()) out[it->second].types.push_back(types.getColumn(1).getString());
    }
    auto& commitments = impl.prepare(
        "SELECT contact_id, kind, count(*), min(due) FROM reminders"
        " WHERE done_on IS NULL AND kind IN ('promise', 'plan') AND contact_id IS NOT NULL"
        " GROUP BY kind, contact_id");
    while (commitments.executeStep()) {
      auto it = index.find(commitments.getColumn(0).getInt64());
      if (it == index.end()) continue;
      UrgencyFacts& f = out[it->second].facts;
      if (commitments.getColumn(1).getString() == "plan") {
        f.planned = true;
      } else {
        f.open_promises = commitments.getColumn(2).getInt();
        if (auto due = Date::parse_iso(commitments.getColumn(3).getString())) f.next_promise = *due;
      }
    }
    return out;
  });
}

Result<std::vector<Occasion>> Store::occasions(Date today, int days) {
  return guarded(*impl_, [&]() -> Result<std::vector<Occasion>> {
    Impl& impl = *impl_;
    // Month-day ranges ("MM-DD") covering the window; Feb 29 dates are observed on Feb 28 in
    // common years, so a range ending on Feb 28 reaches Feb 29. upcoming_occasions then
    // keeps exactly the dates within the window.
    Date last = today.plus_days(days);
    auto md = [](Date d) { return d.to_string().substr(5); };
    std::vector<std::pair<std::string, std::string>> ranges;
    if (days >= 365) {
      ranges.emplace_back("01-01", "12-31");
    } else if (last.year() == today.year()) {
      ranges.emplace_back(md(today), md(last));
    } else {
      ranges.emplace_back(md(today), "12-31");
      ranges.emplace_back("01-01", md(last));
    }
    for (auto& range : ranges) {
      if (range.second == "02-28") range.second = "02-29";
    }

    std::map<std::int64_t, Contact> people;
    for (const auto& [from, to] : ranges) {
      auto& birthdays = impl.prepare(
          "SELECT id, name, birthday FROM contacts"
          " WHERE birthday IS NOT NULL AND archived = 0"
          " AND substr(birthday, -5) BETWEEN :from AND :to");
      birthdays.bind(":from", from);
      birthdays.bind(":to", to);
      while (birthdays.executeStep()) {
        Contact& c = people[birthdays.getColumn(0).getInt64()];
        c.id = birthdays.getColumn(0).getInt64();
        c.name = birthdays.getColumn(1).getString();
        if (auto date = YearlyDate::parse(birthdays.getColumn(2).getString())) c.birthday = *date;
      }
      auto& dates = impl.prepare(
          "SELECT d.contact_id, c.name, d.label, d.day FROM important_dates d"
          " JOIN contacts c ON c.id = d.contact_id"
          " WHERE substr(d.day, -5) BETWEEN :from AND :to AND c.archived = 0");
      dates.bind(":from", from);
      dates.bind(":to", to);
      while (dates.executeStep()) {
        Contact& c = people[dates.getColumn(0).getInt64()];
        c.id = dates.getColumn(0).getInt64();
        c.name = dates.getColumn(1).getString();
        if (auto date = YearlyDate::parse(dates.getColumn(3).getString())) {
          c.dates.push_back({dates.getColumn(2).getString(), *date});
        }
      }
    }
    std::vector<Contact> subset;
    subset.reserve(people.size());
    for (auto& [id, c] : people) subset.push_back(std::move(c));
    return upcoming_occasions(subset, today, days);
  });
}

}  // namespace kith
