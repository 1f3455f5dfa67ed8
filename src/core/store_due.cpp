// The store's answers for the daily report and the planner: who is due, streamed in the order
// the urgency engine reads them (the ranking is the engine's: urgency.hpp), and the birthdays
// and dates coming up.
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "store_impl.hpp"

namespace kith {
namespace {

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

// One kind of open reminder about a person, with its soonest due day, as spoken_for reads it.
void add_booking(Bookings& out, const std::string& kind, const SQLite::Column& due) {
  auto parsed = parse_reminder_kind(kind);
  auto day = optional_day(due);
  if (parsed && day) kith::add_booking(out, *parsed, *day);
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

// The store's side of select_most_urgent: the maintained summary, contact_stats, read
// through its (cadence, due) index one cadence at a time, and lookups by person. No ranking
// here: the engine decides what to read.
class SummarySource final : public DueSource {
 public:
  explicit SummarySource(Store::Impl& impl) : impl_(impl) {}

  Result<std::size_t> overdue_count(Date today) override {
    return guarded(impl_, [&]() -> Result<std::size_t> {
      const std::string day = today.to_string();
      std::size_t total = 0;
      for (const auto& [text, cadence] : cadences()) {
        auto& count = impl_.prepare(
            "SELECT count(*) FROM contact_stats WHERE cadence = :cadence AND due < :today");
        count.bind(":cadence", text);
        count.bind(":today", day);
        count.executeStep();
        total += static_cast<std::size_t>(count.getColumn(0).getInt64());
      }
      // The overdue people spoken_for (urgency.hpp) leaves out, by the same rule, found from
      // the open reminders that can speak for someone (few) rather than from everyone due.
      auto& booked = impl_.prepare(
          "SELECT count(DISTINCT r.contact_id) FROM reminders r"
          " JOIN contact_stats s ON s.contact_id = r.contact_id"
          " WHERE r.kind IN ('plan', 'meeting', 'reminder', 'followup', 'promise')"
          " AND r.done_on IS NULL AND s.due < :today"
          " AND (r.kind = 'plan'"
          "  OR (r.kind = 'meeting' AND r.due <= date(max(s.due, :today), :covers))"
          "  OR (r.kind IN ('reminder', 'followup', 'promise') AND r.due <= :today))");
      booked.bind(":today", day);
      booked.bind(":covers", "+" + std::to_string(kMeetingCoversDays) + " days");
      booked.executeStep();
      return total - static_cast<std::size_t>(booked.getColumn(0).getInt64());
    });
  }

  Result<std::vector<Duration>> open_queues(Date today) override {
    return guarded(impl_, [&]() -> Result<std::vector<Duration>> {
      const std::string day = today.to_string();
      queues_.clear();
      std::vector<Duration> out;
      for (const auto& [text, cadence] : cadences()) {
        auto rows = std::make_unique<SQLite::Statement>(
            impl_.db,
            "SELECT contact_id, due, weight, given - received, last_day IS NULL"
            " FROM contact_stats WHERE cadence = :cadence AND due < :today"
            " ORDER BY due, contact_id");
        rows->bind(":cadence", text);
        rows->bind(":today", day);
        queues_.push_back({cadence, std::move(rows)});
        out.push_back(cadence);
      }
      return out;
    });
  }

  Result<std::optional<DueCandidate>> next(std::size_t queue) override {
    return guarded(impl_, [&]() -> Result<std::optional<DueCandidate>> {
      if (queue >= queues_.size()) return Error{Errc::internal, "due source: no such queue"};
      Queue& q = queues_[queue];
      if (!q.rows->executeStep()) return std::optional<DueCandidate>();
      return std::optional<DueCandidate>(
          DueCandidate{q.rows->getColumn(0).getInt64(), summary_facts(*q.rows, q.cadence)});
    });
  }

  Result<Bookings> bookings(std::int64_t id) override {
    return guarded(impl_, [&]() -> Result<Bookings> {
      auto& st = impl_.prepare(
          "SELECT kind, min(due) FROM reminders WHERE done_on IS NULL AND contact_id = :id"
          " AND kind IN ('plan', 'meeting', 'reminder', 'followup', 'promise') GROUP BY kind");
      st.bind(":id", id);
      Bookings out;
      while (st.executeStep()) add_booking(out, st.getColumn(0).getString(), st.getColumn(1));
      return out;
    });
  }

  Result<OpenPromises> promises(std::int64_t id) override {
    return guarded(impl_, [&]() -> Result<OpenPromises> {
      auto& st = impl_.prepare(
          "SELECT count(*), min(due) FROM reminders"
          " WHERE done_on IS NULL AND kind = 'promise' AND contact_id = :id");
      st.bind(":id", id);
      OpenPromises out;
      if (!st.executeStep()) return out;
      out.count = st.getColumn(0).getInt();
      out.next = optional_day(st.getColumn(1));
      return out;
    });
  }

  Result<DueName> name(std::int64_t id) override {
    return guarded(impl_, [&]() -> Result<DueName> {
      auto& st = impl_.prepare("SELECT name, name_key FROM contacts WHERE id = :id");
      st.bind(":id", id);
      if (!st.executeStep()) return not_found("no contact with id " + std::to_string(id));
      return DueName{st.getColumn(0).getString(), st.getColumn(1).getString()};
    });
  }

 private:
  // The cadences with someone due, as stored and parsed; read once. A cadence not in kith's
  // form is left out: nobody is due on it (kith_after gave NULL).
  const std::vector<std::pair<std::string, Duration>>& cadences() {
    if (!cadences_) {
      cadences_.emplace();
      for (std::string& text : due_cadences(impl_)) {
        if (auto cadence = Duration::parse(text))
          cadences_->emplace_back(std::move(text), *cadence);
      }
    }
    return *cadences_;
  }

  struct Queue {
    Duration cadence;
    std::unique_ptr<SQLite::Statement> rows;
  };

  Store::Impl& impl_;
  std::optional<std::vector<std::pair<std::string, Duration>>> cadences_;
  std::vector<Queue> queues_;
};

}  // namespace

std::unique_ptr<DueSource> Store::due_source() { return std::make_unique<SummarySource>(*impl_); }

Result<std::vector<PlanCandidate>> Store::plan_candidates(Date through,
                                                          const std::vector<std::int64_t>& also) {
  return guarded(*impl_, [&]() -> Result<std::vector<PlanCandidate>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    std::vector<PlanCandidate> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    auto take = [&](SQLite::Statement& st) {
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
    };
    auto& st = impl.prepare(
        "SELECT s.contact_id, s.due, s.weight, s.given - s.received, s.last_day IS NULL,"
        " c.name, c.name_key, s.cadence, c.circle"
        " FROM contact_stats s JOIN contacts c ON c.id = s.contact_id"
        " WHERE s.due <= :through ORDER BY s.contact_id");
    st.bind(":through", through.to_string());
    take(st);
    for (std::int64_t id : also) {
      if (index.count(id)) continue;
      auto& one = impl.prepare(
          "SELECT s.contact_id, s.due, s.weight, s.given - s.received, s.last_day IS NULL,"
          " c.name, c.name_key, s.cadence, c.circle"
          " FROM contact_stats s JOIN contacts c ON c.id = s.contact_id"
          " WHERE s.contact_id = :id AND s.due IS NOT NULL");
      one.bind(":id", id);
      take(one);
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
        " WHERE done_on IS NULL AND kind IN ('plan', 'meeting', 'reminder', 'followup', 'promise')"
        " AND contact_id IS NOT NULL GROUP BY kind, contact_id");
    while (commitments.executeStep()) {
      auto it = index.find(commitments.getColumn(0).getInt64());
      if (it == index.end()) continue;
      UrgencyFacts& f = out[it->second].facts;
      const std::string kind = commitments.getColumn(1).getString();
      Bookings b{f.planned, f.next_meeting, f.next_reminder};
      add_booking(b, kind, commitments.getColumn(3));
      f.planned = b.planned;
      f.next_meeting = b.next_meeting;
      f.next_reminder = b.next_reminder;
      if (kind == "promise") {
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
