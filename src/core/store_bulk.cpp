// Loading many records at once: the per-row triggers off, a set-based catch-up after.
#include <optional>

#include "store_impl.hpp"

namespace kith {
namespace {

// The triggers that cost the most per row written in a load: each statement that touches a
// full-text index flushes it, and each link recomputes or adjusts one person's summary.
constexpr const char* kSwitchedOff[] = {
    "interaction_people_added", "interaction_people_removed", "contacts_fts_insert",
    "contacts_fts_delete",      "contacts_fts_update",        "interactions_fts_insert",
    "interactions_fts_delete",  "interactions_fts_update",
};

// What interaction_people_added and _removed keep for each person, recomputed for all the
// people whose links the load changed (the store records them while a bulk load runs) in one
// statement. Person by person through the links' primary key, so that no sorter holds the
// load's links in memory (a GROUP BY over them took 20 MB at a million interactions).
constexpr const char* kCatchUpSummaries =
    "UPDATE contact_stats SET (last_day, given, received, last_gave_day) ="
    " (SELECT max(p.day),"
    "   coalesce(sum(CASE i.direction WHEN 'gave' THEN i.weight END), 0),"
    "   coalesce(sum(CASE i.direction WHEN 'received' THEN i.weight END), 0),"
    "   max(CASE i.direction WHEN 'gave' THEN p.day END)"
    "  FROM interaction_people p JOIN interactions i ON i.id = p.interaction_id"
    "  WHERE p.contact_id = contact_stats.contact_id)"
    " WHERE contact_id IN (SELECT value FROM json_each(:people))";

}  // namespace

Status Store::bulk(const std::function<Status()>& body) {
  KITH_TRY(require_write(*impl_));
  std::vector<std::string> saved;
  KITH_TRY(guarded(*impl_, [&]() -> Status {
    SQLite::Database& db = impl_->db;
    // Schema changes wait for no statement of this connection to be running.
    for (auto& [sql, statement] : impl_->statements) statement->reset();
    for (const char* name : kSwitchedOff) {
      auto& sql =
          impl_->prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = :name");
      sql.bind(":name", name);
      if (!sql.executeStep()) continue;
      saved.push_back(sql.getColumn(0).getString());
      sql.reset();
      db.exec(std::string("DROP TRIGGER main.") + name);
    }
    impl_->bulk_people.emplace();
    return Status{};
  }));
  struct Done {  // the tracking ends however the body ends
    std::optional<std::unordered_set<std::int64_t>>& people;
    ~Done() { people.reset(); }
  } done{impl_->bulk_people};
  KITH_TRY(body());  // on failure the transaction rolls back, triggers and all
  return guarded(*impl_, [&]() -> Status {
    SQLite::Database& db = impl_->db;
    for (auto& [sql, statement] : impl_->statements) statement->reset();
    // The touched people as a JSON array, for json_each: one statement whatever their number.
    std::string people = "[";
    for (std::int64_t id : *impl_->bulk_people) {
      if (people.size() > 1) people += ',';
      people += std::to_string(id);
    }
    people += ']';
    SQLite::Statement catch_up(db, kCatchUpSummaries);
    catch_up.bind(":people", people);
    catch_up.exec();
    db.exec("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')");
    db.exec("INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')");
    for (const std::string& sql : saved) db.exec(sql);
    return Status{};
  });
}

Result<std::int64_t> Store::approximate_size() {
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "SELECT coalesce((SELECT max(id) FROM contacts), 0)"
        " + coalesce((SELECT max(id) FROM interactions), 0)");
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

}  // namespace kith
