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

// What interaction_people_added and _removed keep for each person, and what the rhythm
// triggers keep (the cadence and weight, and through contact_stats_due the due day),
// recomputed for the given people in one statement. Person by person through the links'
// primary key, so that no sorter holds a load's links in memory (a GROUP BY over them took
// 20 MB at a million interactions).
constexpr const char* kCatchUpSummaries =
    "UPDATE contact_stats SET (last_day, given, received, last_gave_day) ="
    " (SELECT max(p.day),"
    "   coalesce(sum(CASE i.direction WHEN 'gave' THEN i.weight END), 0),"
    "   coalesce(sum(CASE i.direction WHEN 'received' THEN i.weight END), 0),"
    "   max(CASE i.direction WHEN 'gave' THEN p.day END)"
    "  FROM interaction_people p JOIN interactions i ON i.id = p.interaction_id"
    "  WHERE p.contact_id = contact_stats.contact_id),"
    " (cadence, weight) ="
    " (SELECT cadence, weight FROM contact_rhythm r WHERE r.contact_id = contact_stats.contact_id)"
    " WHERE contact_id IN (SELECT value FROM json_each(:people))";

}  // namespace

std::vector<std::string> switch_off_triggers(Store::Impl& impl,
                                             std::span<const char* const> names) {
  std::vector<std::string> saved;
  // Schema changes wait for no statement of this connection to be running.
  for (auto& [sql, statement] : impl.statements) statement->reset();
  for (const char* name : names) {
    auto& sql =
        impl.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = :name");
    sql.bind(":name", name);
    if (!sql.executeStep()) continue;
    saved.push_back(sql.getColumn(0).getString());
    sql.reset();
    impl.db.exec(std::string("DROP TRIGGER main.") + name);
  }
  return saved;
}

void switch_on_triggers(Store::Impl& impl, const std::vector<std::string>& saved) {
  for (auto& [sql, statement] : impl.statements) statement->reset();
  for (const std::string& sql : saved) impl.db.exec(sql);
}

std::string json_list(const std::unordered_set<std::int64_t>& ids) {
  std::string list = "[";
  for (std::int64_t id : ids) {
    if (list.size() > 1) list += ',';
    list += std::to_string(id);
  }
  return list + "]";
}

void catch_up_summaries(Store::Impl& impl, const std::unordered_set<std::int64_t>& people) {
  if (people.empty()) return;
  auto& catch_up = impl.prepare(kCatchUpSummaries);
  catch_up.bind(":people", json_list(people));
  catch_up.exec();
}

void rebuild_search_indexes(Store::Impl& impl) {
  impl.db.exec("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')");
  impl.db.exec("INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')");
}

Status Store::bulk(const std::function<Status()>& body) {
  KITH_TRY(require_write(*impl_));
  std::vector<std::string> saved;
  KITH_TRY(guarded(*impl_, [&]() -> Status {
    saved = switch_off_triggers(*impl_, kSwitchedOff);
    impl_->bulk_people.emplace();
    return Status{};
  }));
  struct Done {  // the tracking ends however the body ends
    std::optional<std::unordered_set<std::int64_t>>& people;
    ~Done() { people.reset(); }
  } done{impl_->bulk_people};
  KITH_TRY(body());  // on failure the transaction rolls back, triggers and all
  return guarded(*impl_, [&]() -> Status {
    for (auto& [sql, statement] : impl_->statements) statement->reset();
    catch_up_summaries(*impl_, *impl_->bulk_people);
    rebuild_search_indexes(*impl_);
    switch_on_triggers(*impl_, saved);
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
