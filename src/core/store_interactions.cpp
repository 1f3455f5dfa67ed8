// The store's interactions, reminders and full-text search.
#include <algorithm>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

std::vector<Participant> participants(Store::Impl& impl, std::int64_t interaction_id) {
  auto& st = impl.prepare(
      "SELECT c.id, c.name FROM interaction_people p JOIN contacts c ON c.id = p.contact_id"
      " WHERE p.interaction_id = :id ORDER BY c.name_key, c.id");
  st.bind(":id", interaction_id);
  std::vector<Participant> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString()});
  }
  return out;
}

Interaction read_interaction(SQLite::Statement& st) {
  Interaction i;
  i.id = st.getColumn(0).getInt64();
  i.uuid = st.getColumn(1).getString();
  if (auto day = Date::parse_iso(st.getColumn(2).getString())) i.day = *day;
  i.summary = st.getColumn(3).getString();
  if (!st.getColumn(4).isNull()) {
    if (auto channel = parse_channel(st.getColumn(4).getString())) i.channel = *channel;
  }
  if (auto direction = parse_direction(st.getColumn(5).getString())) i.direction = *direction;
  i.weight = st.getColumn(6).getInt();
  i.created_at = st.getColumn(7).getString();
  return i;
}

// Turns what the user typed into an FTS5 query: each word becomes a quoted phrase (so no
// character is FTS5 syntax), a trailing '*' stays a prefix search, and all words must match.
std::string fts_query(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    std::string_view word = text.substr(start, i - start);
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char ch : word) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
    if (prefix) out += '*';
  }
  return out;
}

}  // namespace

Result<std::int64_t> Store::add_interaction(const Interaction& interaction) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO interactions (uuid, day, summary, channel, direction, weight)"
        " VALUES (:uuid, :day, :summary, :channel, :direction, :weight)");
    st.bind(":uuid", interaction.uuid.empty() ? new_uuid() : interaction.uuid);
    st.bind(":day", interaction.day.to_string());
    st.bind(":summary", interaction.summary);
    bind_optional(st, ":channel",
                  interaction.channel ? std::optional(std::string(to_string(*interaction.channel)))
                                      : std::nullopt);
    bind_text(st, ":direction", to_string(interaction.direction));
    st.bind(":weight", interaction.weight);
    st.exec();
    std::int64_t id = impl_->db.getLastInsertRowid();
    for (const Participant& person : interaction.people) {
      auto& link = impl_->prepare(
          "INSERT OR IGNORE INTO interaction_people (contact_id, day, interaction_id)"
          " VALUES (:contact, :day, :interaction)");
      link.bind(":contact", person.id);
      link.bind(":day", interaction.day.to_string());
      link.bind(":interaction", id);
      link.exec();
      if (impl_->bulk_people) impl_->bulk_people->insert(person.id);
    }
    return id;
  });
}

namespace {

// The people of the interaction in column 8, as "id\x1eName" items joined by '\x1f'.
#define KITH_PEOPLE_COLUMN                                                            \
  " (SELECT group_concat(id || char(30) || name, char(31)) FROM (SELECT c.id, c.name" \
  "   FROM interaction_people q JOIN contacts c ON c.id = q.contact_id"               \
  "   WHERE q.interaction_id = i.id ORDER BY c.name_key, c.id))"

std::vector<Participant> read_people(const SQLite::Column& column) {
  std::vector<Participant> out;
  if (column.isNull()) return out;
  std::string all = column.getString();
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find('\x1f', start);
    if (end == std::string::npos) end = all.size();
    std::string_view item(all.data() + start, end - start);
    std::size_t cut = item.find('\x1e');
    if (cut != std::string_view::npos) {
      out.push_back(
          {std::stoll(std::string(item.substr(0, cut))), std::string(item.substr(cut + 1))});
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Status Store::stream_history(const HistoryQuery& query,
                             const std::function<Status(Interaction&&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    SQLite::Statement* st = nullptr;
    if (query.contact_id) {
      st = &impl_->prepare(
          "SELECT i.id, i.uuid, i.day, i.summary, i.channel, i.direction, i.weight, "
          "i.created_at," KITH_PEOPLE_COLUMN
          " FROM interaction_people p JOIN interactions i ON i.id = p.interaction_id"
          " WHERE p.contact_id = :contact AND p.day >= :since"
          " ORDER BY p.day DESC, p.interaction_id DESC LIMIT :limit");
      st->bind(":contact", *query.contact_id);
    } else {
      st = &impl_->prepare(
          "SELECT i.id, i.uuid, i.day, i.summary, i.channel, i.direction, i.weight, "
          "i.created_at," KITH_PEOPLE_COLUMN
          " FROM interactions i WHERE i.day >= :since ORDER BY i.day DESC, i.id DESC"
          " LIMIT :limit");
    }
    st->bind(":since", query.since ? query.since->to_string() : std::string());
    st->bind(":limit", query.limit > 0 ? query.limit : -1);
    while (st->executeStep()) {
      Interaction i = read_interaction(*st);
      i.people = read_people(st->getColumn(8));
      KITH_TRY(visit(std::move(i)));
    }
    return Status{};
  });
}

Result<std::vector<Interaction>> Store::history(const HistoryQuery& query) {
  std::vector<Interaction> out;
  KITH_TRY(stream_history(query, [&](Interaction&& i) -> Status {
    out.push_back(std::move(i));
    return {};
  }));
  return out;
}

Result<std::int64_t> Store::add_reminder(const Reminder& reminder) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO reminders (uuid, contact_id, kind, text, due, every, anchor)"
        " VALUES (:uuid, :contact, :kind, :text, :due, :every, :anchor)");
    st.bind(":uuid", reminder.uuid.empty() ? new_uuid() : reminder.uuid);
    if (reminder.contact_id) {
      st.bind(":contact", *reminder.contact_id);
    } else {
      st.bind(":contact");
    }
    bind_text(st, ":kind", to_string(reminder.kind));
    st.bind(":text", reminder.text);
    st.bind(":due", reminder.due.to_string());
    bind_optional(st, ":every",
                  reminder.every ? std::optional(reminder.every->to_string()) : std::nullopt);
    st.bind(":anchor", reminder.anchor.to_string());
    st.exec();
    return impl_->db.getLastInsertRowid();
  });
}

namespace {

#define KITH_REMINDER_COLUMNS                                                                \
  "SELECT r.id, r.uuid, r.contact_id, coalesce(c.name, ''), r.kind, r.text, r.due, r.every," \
  " r.anchor, r.done_on, r.last_done"                                                        \
  " FROM reminders r LEFT JOIN contacts c ON c.id = r.contact_id "

Reminder read_reminder(SQLite::Statement& st) {
  Reminder r;
  r.id = st.getColumn(0).getInt64();
  r.uuid = st.getColumn(1).getString();
  if (!st.getColumn(2).isNull()) r.contact_id = st.getColumn(2).getInt64();
  r.contact_name = st.getColumn(3).getString();
  if (auto kind = parse_reminder_kind(st.getColumn(4).getString())) r.kind = *kind;
  r.text = st.getColumn(5).getString();
  r.due = optional_day(st.getColumn(6)).value_or(Date());
  if (!st.getColumn(7).isNull()) {
    if (auto every = Duration::parse(st.getColumn(7).getString())) r.every = *every;
  }
  r.anchor = optional_day(st.getColumn(8)).value_or(r.due);
  r.done_on = optional_day(st.getColumn(9));
  r.last_done = optional_day(st.getColumn(10));
  return r;
}

}  // namespace

Result<Reminder> Store::reminder(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<Reminder> {
    auto& st = impl_->prepare(KITH_REMINDER_COLUMNS "WHERE r.id = :id");
    st.bind(":id", id);
    if (!st.executeStep()) return not_found("no reminder #" + std::to_string(id));
    return read_reminder(st);
  });
}

Result<std::vector<Reminder>> Store::reminders(std::optional<std::int64_t> contact_id,
                                               bool include_done) {
  std::vector<Reminder> out;
  KITH_TRY(stream_reminders(contact_id, include_done, [&](Reminder&& r) -> Status {
    out.push_back(std::move(r));
    return {};
  }));
  return out;
}

Status Store::stream_reminders(std::optional<std::int64_t> contact_id, bool include_done,
                               const std::function<Status(Reminder&&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    // One statement per case, so that each uses its index: by contact, or open by due day.
    SQLite::Statement* st = nullptr;
    if (contact_id) {
      st = include_done ? &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.contact_id = :contact ORDER BY r.due, r.id")
                        : &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.contact_id = :contact AND r.done_on IS NULL"
                                          " ORDER BY r.due, r.id");
      st->bind(":contact", *contact_id);
    } else {
      st = include_done ? &impl_->prepare(KITH_REMINDER_COLUMNS "ORDER BY r.due, r.id")
                        : &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.done_on IS NULL ORDER BY r.due, r.id");
    }
    while (st->executeStep()) KITH_TRY(visit(read_reminder(*st)));
    return Status{};
  });
}

Result<DueReminders> Store::due_reminders(Date today, Date through, int limit) {
  return guarded(*impl_, [&]() -> Result<DueReminders> {
    ReadSnapshot snapshot(impl_->db);
    const std::string day = today.to_string();
    const std::string last = through.to_string();
    DueReminders out;
    // Each list walks the index of open reminders by due day and stops at `limit` (`+kind`
    // keeps SQLite from reading every open promise through the index by kind and sorting).
    const auto take = [&](const char* sql, bool upcoming) {
      auto& st = impl_->prepare(sql);
      st.bind(":today", day);
      if (upcoming) st.bind(":through", last);
      st.bind(":limit", limit);
      while (st.executeStep()) out.reminders.push_back(read_reminder(st));
      st.reset();
    };
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.due <= :today"
         " AND +r.kind = 'promise' ORDER BY r.due, r.id LIMIT :limit",
         false);
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.due <= :today"
         " AND r.kind <> 'promise' ORDER BY r.due, r.id LIMIT :limit",
         false);
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.due > :today"
         " AND r.due <= :through ORDER BY r.due, r.id LIMIT :limit",
         true);
    auto& count = impl_->prepare(
        "SELECT count(*) FILTER (WHERE due <= :today), count(*) FROM reminders"
        " WHERE done_on IS NULL AND due <= :through");
    count.bind(":today", day);
    count.bind(":through", last);
    count.executeStep();
    out.due_total = static_cast<std::size_t>(count.getColumn(0).getInt64());
    out.upcoming_total = static_cast<std::size_t>(count.getColumn(1).getInt64()) - out.due_total;
    count.reset();
    return out;
  });
}

Result<int> Store::fulfil_plans(std::int64_t contact_id, Date day) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<int> {
    auto& st = impl_->prepare(
        "UPDATE reminders SET done_on = :day, last_done = :day,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE contact_id = :contact AND kind = 'plan' AND done_on IS NULL"
        " AND due <= :until");
    st.bind(":day", day.to_string());
    st.bind(":contact", contact_id);
    st.bind(":until", day.plus_days(kPlanFulfilledAhead).to_string());
    return st.exec();
  });
}

Status Store::update_reminder(const Reminder& reminder) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE reminders SET due = :due, anchor = :anchor, done_on = :done_on,"
        " last_done = :last_done, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = :id");
    st.bind(":due", reminder.due.to_string());
    st.bind(":anchor", reminder.anchor.to_string());
    bind_optional(st, ":done_on",
                  reminder.done_on ? std::optional(reminder.done_on->to_string()) : std::nullopt);
    bind_optional(
        st, ":last_done",
        reminder.last_done ? std::optional(reminder.last_done->to_string()) : std::nullopt);
    st.bind(":id", reminder.id);
    if (st.exec() == 0) return not_found("no reminder #" + std::to_string(reminder.id));
    return {};
  });
}

Result<std::vector<SearchHit>> Store::find(std::string_view text, int limit) {
  KITH_TRY(check_free_text(text, "search"));
  std::string query = fts_query(text);
  if (query.empty())
    return invalid_input("empty search: give words to look for, like 'kith find rust'");
  return guarded(*impl_, [&]() -> Result<std::vector<SearchHit>> {
    std::vector<SearchHit> hits;
    // Ranking every match of a common word would cost a pass over much of the index: only the
    // kSearchCandidates latest-recorded matches of each kind are ranked, read newest first.
    auto& people = impl_->prepare(
        "SELECT rowid, bm25(contacts_fts) FROM contacts_fts WHERE contacts_fts MATCH :query"
        " ORDER BY rowid DESC LIMIT :candidates");
    people.bind(":query", query);
    people.bind(":candidates", kSearchCandidates);
    while (people.executeStep()) {
      SearchHit hit;
      hit.kind = SearchHit::Kind::contact;
      hit.id = people.getColumn(0).getInt64();
      hit.rank = people.getColumn(1).getDouble();
      hits.push_back(std::move(hit));
    }
    auto& talks = impl_->prepare(
        "SELECT f.rowid, bm25(interactions_fts), i.day FROM interactions_fts f"
        " JOIN interactions i ON i.id = f.rowid WHERE interactions_fts MATCH :query"
        " ORDER BY f.rowid DESC LIMIT :candidates");
    talks.bind(":query", query);
    talks.bind(":candidates", kSearchCandidates);
    while (talks.executeStep()) {
      SearchHit hit;
      hit.kind = SearchHit::Kind::interaction;
      hit.id = talks.getColumn(0).getInt64();
      hit.rank = talks.getColumn(1).getDouble();
      if (auto day = Date::parse_iso(talks.getColumn(2).getString())) hit.day = *day;
      hits.push_back(std::move(hit));
    }
    // Best first; among equal matches, people before interactions, then the newest.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.kind != b.kind) return a.kind == SearchHit::Kind::contact;
      if (a.day != b.day) return a.day > b.day;
      return a.id > b.id;
    });
    if (hits.size() > static_cast<std::size_t>(limit)) hits.resize(static_cast<std::size_t>(limit));

    // Names and snippets for the hits shown only.
    for (SearchHit& hit : hits) {
      if (hit.kind == SearchHit::Kind::contact) {
        auto& st = impl_->prepare(
            "SELECT c.name, snippet(contacts_fts, -1, '[', ']', '…', 10)"
            " FROM contacts_fts f JOIN contacts c ON c.id = f.rowid"
            " WHERE contacts_fts MATCH :query AND f.rowid = :id");
        st.bind(":query", query);
        st.bind(":id", hit.id);
        if (st.executeStep()) {
          hit.name = st.getColumn(0).getString();
          hit.snippet = st.getColumn(1).getString();
        }
      } else {
        auto& st = impl_->prepare(
            "SELECT snippet(interactions_fts, 0, '[', ']', '…', 12) FROM interactions_fts"
            " WHERE interactions_fts MATCH :query AND rowid = :id");
        st.bind(":query", query);
        st.bind(":id", hit.id);
        if (st.executeStep()) hit.snippet = st.getColumn(0).getString();
        for (const Participant& p : participants(*impl_, hit.id)) {
          if (!hit.name.empty()) hit.name += ", ";
          hit.name += p.name;
        }
      }
    }
    return hits;
  });
}

}  // namespace kith
