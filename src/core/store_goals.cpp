// Career goals and their people (migrations/0010_goals_and_links.sql), and the people whose
// records mention a goal's words (the candidates for its suggestions).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "kith/goal.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

Goal read_goal(SQLite::Statement& st) {
  Goal g;
  g.id = st.getColumn(0).getInt64();
  g.uuid = st.getColumn(1).getString();
  g.text = st.getColumn(2).getString();
  g.by = optional_day(st.getColumn(3));
  auto needs = parse_needs(st.getColumn(4).getString());
  if (needs) g.needs = std::move(*needs);
  g.added_on = optional_day(st.getColumn(5)).value_or(Date());
  g.done_on = optional_day(st.getColumn(6));
  g.created_at = st.getColumn(7).getString();
  g.updated_at = st.getColumn(8).getString();
  return g;
}

void bind_day(SQLite::Statement& st, const char* name, const std::optional<Date>& day) {
  bind_optional(st, name, day ? std::optional<std::string>(day->to_string()) : std::nullopt);
}

// An FTS5 query for one word in one column (or in the whole table when `column` is empty),
// matching it as a prefix ("mentor" finds "mentoring"). The word is quoted, so that nothing
// in it is FTS5 syntax.
std::string word_query(std::string_view column, std::string_view word) {
  std::string out;
  if (!column.empty()) out = std::string(column) + " : ";
  out += '"';
  for (char ch : word) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += "\"*";
  return out;
}

}  // namespace

Result<std::int64_t> Store::add_goal(const Goal& goal) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO goals (uuid, text, by_day, needs, added_on, done_on)"
        " VALUES (:uuid, :text, :by, :needs, :added, :done)");
    bind_text(st, ":uuid", new_uuid());
    bind_text(st, ":text", goal.text);
    bind_day(st, ":by", goal.by);
    bind_text(st, ":needs", join_needs(goal.needs));
    bind_text(st, ":added", goal.added_on.to_string());
    bind_day(st, ":done", goal.done_on);
    st.exec();
    return impl_->db.getLastInsertRowid();
  });
}

Result<Goal> Store::goal(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<Goal> {
    auto& st = impl_->prepare(
        "SELECT id, uuid, text, by_day, needs, added_on, done_on, created_at, updated_at"
        " FROM goals WHERE id = :id");
    st.bind(":id", id);
    if (!st.executeStep()) {
      return not_found("no goal #" + std::to_string(id) + " (see 'kith goal --all')");
    }
    return read_goal(st);
  });
}

Result<std::vector<Goal>> Store::goals(bool include_done) {
  return guarded(*impl_, [&]() -> Result<std::vector<Goal>> {
    auto& st = impl_->prepare(
        "SELECT id, uuid, text, by_day, needs, added_on, done_on, created_at, updated_at"
        " FROM goals WHERE :all OR done_on IS NULL ORDER BY id");
    st.bind(":all", include_done ? 1 : 0);
    std::vector<Goal> out;
    while (st.executeStep()) out.push_back(read_goal(st));
    return out;
  });
}

Status Store::update_goal(const Goal& goal) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE goals SET text = :text, by_day = :by, needs = :needs, done_on = :done,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id");
    bind_text(st, ":text", goal.text);
    bind_day(st, ":by", goal.by);
    bind_text(st, ":needs", join_needs(goal.needs));
    bind_day(st, ":done", goal.done_on);
    st.bind(":id", goal.id);
    if (st.exec() == 0) return not_found("no goal #" + std::to_string(goal.id));
    return {};
  });
}

Status Store::remove_goal(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    // Its people first, so that the journal records each link it undoes.
    auto& people = impl_->prepare("DELETE FROM goal_people WHERE goal_id = :id");
    people.bind(":id", id);
    people.exec();
    auto& st = impl_->prepare("DELETE FROM goals WHERE id = :id");
    st.bind(":id", id);
    if (st.exec() == 0) return not_found("no goal #" + std::to_string(id));
    return {};
  });
}

Result<std::vector<GoalPerson>> Store::goal_people(std::int64_t goal_id) {
  return guarded(*impl_, [&]() -> Result<std::vector<GoalPerson>> {
    auto& st = impl_->prepare(
        "SELECT c.id, c.name, c.name_key, g.role, c.archived, s.last_day, s.due"
        " FROM goal_people g JOIN contacts c ON c.id = g.contact_id"
        " LEFT JOIN contact_stats s ON s.contact_id = c.id"
        " WHERE g.goal_id = :id ORDER BY c.name_key, c.name, c.id");
    st.bind(":id", goal_id);
    std::vector<GoalPerson> out;
    while (st.executeStep()) {
      GoalPerson p;
      p.contact_id = st.getColumn(0).getInt64();
      p.name = st.getColumn(1).getString();
      p.name_key = st.getColumn(2).getString();
      p.role = st.getColumn(3).getString();
      p.archived = st.getColumn(4).getInt() != 0;
      p.last_contact = optional_day(st.getColumn(5));
      p.due = optional_day(st.getColumn(6));
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<std::optional<std::string>> Store::goal_role(std::int64_t goal_id, std::int64_t contact_id) {
  return guarded(*impl_, [&]() -> Result<std::optional<std::string>> {
    auto& st = impl_->prepare(
        "SELECT role FROM goal_people WHERE goal_id = :goal AND contact_id = :contact");
    st.bind(":goal", goal_id);
    st.bind(":contact", contact_id);
    if (!st.executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(st.getColumn(0).getString());
  });
}

Status Store::set_goal_person(std::int64_t goal_id, std::int64_t contact_id,
                              std::string_view role) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT INTO goal_people (goal_id, contact_id, role) VALUES (:goal, :contact, :role)"
        " ON CONFLICT (goal_id, contact_id) DO UPDATE SET role = excluded.role"
        " WHERE role IS NOT excluded.role");
    st.bind(":goal", goal_id);
    st.bind(":contact", contact_id);
    bind_text(st, ":role", role);
    st.exec();
    return {};
  });
}

Result<bool> Store::remove_goal_person(std::int64_t goal_id, std::int64_t contact_id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<bool> {
    auto& st =
        impl_->prepare("DELETE FROM goal_people WHERE goal_id = :goal AND contact_id = :contact");
    st.bind(":goal", goal_id);
    st.bind(":contact", contact_id);
    return st.exec() > 0;
  });
}

Result<std::vector<PersonGoal>> Store::goals_of(std::int64_t contact_id, bool include_done) {
  return guarded(*impl_, [&]() -> Result<std::vector<PersonGoal>> {
    auto& st = impl_->prepare(
        "SELECT g.id, g.text, p.role, g.done_on IS NOT NULL FROM goal_people p"
        " JOIN goals g ON g.id = p.goal_id"
        " WHERE p.contact_id = :contact AND (:all OR g.done_on IS NULL) ORDER BY g.id");
    st.bind(":contact", contact_id);
    st.bind(":all", include_done ? 1 : 0);
    std::vector<PersonGoal> out;
    while (st.executeStep()) {
      out.push_back({{st.getColumn(0).getInt64(), st.getColumn(1).getString()},
                     st.getColumn(2).getString(),
                     st.getColumn(3).getInt() != 0});
    }
    return out;
  });
}

Result<std::vector<SuggestionCandidate>> Store::goal_candidates(
    const std::vector<std::string>& words, int per_word) {
  return guarded(*impl_, [&]() -> Result<std::vector<SuggestionCandidate>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    std::vector<SuggestionCandidate> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    // The candidate for a person, with the name and key `st` holds in columns 1 and 2.
    auto candidate = [&](SQLite::Statement& st) -> SuggestionCandidate& {
      std::int64_t id = st.getColumn(0).getInt64();
      auto [it, added] = index.emplace(id, out.size());
      if (added) {
        out.emplace_back();
        out.back().id = id;
        out.back().name = st.getColumn(1).getString();
        out.back().name_key = st.getColumn(2).getString();
      }
      return out[it->second];
    };
    // Only people you know: active contacts that are not targets.
    static constexpr std::pair<MatchField, const char*> kColumns[] = {
        {MatchField::learn, "learn"}, {MatchField::offer, "offer"}, {MatchField::title, "title"},
        {MatchField::org, "org"},     {MatchField::name, "name"},   {MatchField::note, "note"}};
    for (const std::string& word : words) {
      for (const auto& [field, column] : kColumns) {
        auto& st = impl.prepare(
            "SELECT c.id, c.name, c.name_key FROM contacts_fts f JOIN contacts c ON c.id = f.rowid"
            " WHERE contacts_fts MATCH :query AND c.archived = 0 AND c.target = 0"
            " ORDER BY f.rowid DESC LIMIT :n");
        st.bind(":query", word_query(column, word));
        st.bind(":n", per_word);
        while (st.executeStep()) candidate(st).matches.push_back({field, word, {}, "", 0});
      }
      auto& talks = impl.prepare(
          "SELECT f.rowid, i.day, i.channel FROM interactions_fts f"
          " JOIN interactions i ON i.id = f.rowid WHERE interactions_fts MATCH :query"
          " ORDER BY f.rowid DESC LIMIT :n");
      talks.bind(":query", word_query("", word));
      talks.bind(":n", per_word);
      while (talks.executeStep()) {
        std::int64_t interaction = talks.getColumn(0).getInt64();
        auto day = optional_day(talks.getColumn(1));
        std::string channel = optional_text(talks.getColumn(2)).value_or("");
        auto& people = impl.prepare(
            "SELECT c.id, c.name, c.name_key FROM interaction_people p"
            " JOIN contacts c ON c.id = p.contact_id"
            " WHERE p.interaction_id = :id AND c.archived = 0 AND c.target = 0");
        people.bind(":id", interaction);
        while (people.executeStep()) {
          candidate(people).matches.push_back(
              {MatchField::interaction, word, day, channel, interaction});
        }
      }
    }
    if (out.empty()) return out;
    // Their types, in one statement.
    std::unordered_set<std::int64_t> ids;
    for (const SuggestionCandidate& c : out) ids.insert(c.id);
    auto& types = impl.prepare(
        "SELECT ct.contact_id, t.name FROM contact_types ct JOIN types t ON t.id = ct.type_id"
        " WHERE ct.contact_id IN (SELECT value FROM json_each(:ids)) ORDER BY ct.contact_id, "
        "t.name");
    types.bind(":ids", json_list(ids));
    while (types.executeStep()) {
      auto it = index.find(types.getColumn(0).getInt64());
      if (it != index.end()) out[it->second].types.push_back(types.getColumn(1).getString());
    }
    return out;
  });
}

}  // namespace kith

namespace kith {
namespace {

std::optional<std::pair<std::int64_t, std::string>> stored_goal(Store::Impl& impl,
                                                                std::string_view uuid) {
  auto& st = impl.prepare("SELECT id, updated_at FROM goals WHERE uuid = :uuid");
  st.bind(":uuid", std::string(uuid));
  if (!st.executeStep()) return std::nullopt;
  auto out = std::make_pair(st.getColumn(0).getInt64(), st.getColumn(1).getString());
  st.reset();
  return out;
}

}  // namespace

Status Store::each_goal(const std::function<Status(const GoalRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    ReadSnapshot snapshot(impl_->db);
    auto& st = impl_->prepare(
        "SELECT id, uuid, text, by_day, needs, added_on, done_on, created_at, updated_at"
        " FROM goals ORDER BY id");
    while (st.executeStep()) {
      GoalRecord record;
      record.goal = read_goal(st);
      auto& people = impl_->prepare(
          "SELECT c.uuid, p.role FROM goal_people p JOIN contacts c ON c.id = p.contact_id"
          " WHERE p.goal_id = :id ORDER BY c.uuid");
      people.bind(":id", record.goal.id);
      while (people.executeStep()) {
        record.people.push_back({people.getColumn(0).getString(), people.getColumn(1).getString()});
      }
      KITH_TRY(visit(record));
    }
    return {};
  });
}

Result<Merge> Store::merge_goal(const GoalRecord& record,
                                const std::vector<std::pair<std::int64_t, std::string>>& people) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<Merge> {
    const Goal& g = record.goal;
    auto existing = stored_goal(*impl_, g.uuid);
    if (existing && record.goal.updated_at <= existing->second) return Merge::skipped;
    if (!existing && tombstone_of(*impl_, g.uuid)) return Merge::skipped;
    auto bind = [&](SQLite::Statement& st) {
      bind_text(st, ":uuid", g.uuid);
      bind_text(st, ":text", g.text);
      bind_day(st, ":by", g.by);
      bind_text(st, ":needs", join_needs(g.needs));
      bind_text(st, ":added", g.added_on.to_string());
      bind_day(st, ":done", g.done_on);
      bind_text(st, ":created_at", g.created_at);
      bind_text(st, ":updated_at", g.updated_at);
    };
    std::int64_t id = 0;
    if (existing) {
      id = existing->first;
      auto& st = impl_->prepare(
          "UPDATE goals SET text = :text, by_day = :by, needs = :needs, added_on = :added,"
          " done_on = :done, created_at = :created_at, updated_at = :updated_at"
          " WHERE uuid = :uuid");
      bind(st);
      st.exec();
      auto& clear = impl_->prepare("DELETE FROM goal_people WHERE goal_id = :id");
      clear.bind(":id", id);
      clear.exec();
    } else {
      auto& st = impl_->prepare(
          "INSERT INTO goals (uuid, text, by_day, needs, added_on, done_on, created_at,"
          " updated_at) VALUES (:uuid, :text, :by, :needs, :added, :done, :created_at,"
          " :updated_at)");
      bind(st);
      st.exec();
      id = impl_->db.getLastInsertRowid();
    }
    for (const auto& [contact, role] : people) {
      auto& st = impl_->prepare(
          "INSERT INTO goal_people (goal_id, contact_id, role) VALUES (:goal, :contact, :role)"
          " ON CONFLICT (goal_id, contact_id) DO UPDATE SET role = excluded.role");
      st.bind(":goal", id);
      st.bind(":contact", contact);
      bind_text(st, ":role", role);
      st.exec();
    }
    return existing ? Merge::updated : Merge::added;
  });
}

}  // namespace kith
