// One person, one record: the store's side of kith merge and kith dupes, and finding a
// contact by its whole name.
#include <algorithm>
#include <unordered_map>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

std::int64_t count(Store::Impl& impl, const char* sql, std::int64_t keep, std::int64_t other) {
  auto& st = impl.prepare(sql);
  st.bind(":other", other);
  if (std::string_view(sql).find(":keep") != std::string_view::npos) st.bind(":keep", keep);
  st.executeStep();
  std::int64_t n = st.getColumn(0).getInt64();
  st.reset();
  return n;
}

void run(Store::Impl& impl, const char* sql, std::int64_t keep, std::int64_t other) {
  auto& st = impl.prepare(sql);
  st.bind(":other", other);
  if (std::string_view(sql).find(":keep") != std::string_view::npos) st.bind(":keep", keep);
  st.exec();
}

}  // namespace

Result<std::vector<ContactName>> Store::contacts_named(std::string_view name, bool other_names) {
  return guarded(*impl_, [&]() -> Result<std::vector<ContactName>> {
    auto& st = impl_->prepare(
        other_names ? "SELECT id, name FROM contacts WHERE name_key = :key UNION"
                      " SELECT c.id, c.name FROM contact_akas a"
                      " JOIN contacts c ON c.id = a.contact_id WHERE a.name_key = :key ORDER BY 1"
                    : "SELECT id, name FROM contacts WHERE name_key = :key ORDER BY id");
    st.bind(":key", fold_for_match(name));
    std::vector<ContactName> out;
    while (st.executeStep())
      out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString()});
    return out;
  });
}

Result<MergeReach> Store::merge_reach(std::int64_t keep, std::int64_t other) {
  return guarded(*impl_, [&]() -> Result<MergeReach> {
    MergeReach r;
    r.interactions = count(
        *impl_, "SELECT count(*) FROM interaction_people WHERE contact_id = :other", keep, other);
    r.shared = count(*impl_,
                     "SELECT count(*) FROM interaction_people o WHERE o.contact_id = :other"
                     " AND EXISTS (SELECT 1 FROM interaction_people k"
                     "   WHERE k.interaction_id = o.interaction_id AND k.contact_id = :keep)",
                     keep, other);
    r.reminders =
        count(*impl_, "SELECT count(*) FROM reminders WHERE contact_id = :other", keep, other);
    r.introduced =
        count(*impl_, "SELECT count(*) FROM contacts WHERE met_via_id = :other AND id != :keep",
              keep, other);
    r.external_ids =
        count(*impl_, "SELECT count(*) FROM external_ids WHERE contact_id = :other", keep, other);
    r.aliases = count(*impl_, "SELECT count(*) FROM contact_aliases WHERE contact_id = :other",
                      keep, other);
    r.goals =
        count(*impl_, "SELECT count(*) FROM goal_people WHERE contact_id = :other", keep, other);
    r.links = count(*impl_,
                    "SELECT count(DISTINCT CASE WHEN a = :other THEN b ELSE a END) FROM knows"
                    " WHERE (a = :other AND b != :keep) OR (b = :other AND a != :keep)",
                    keep, other);
    return r;
  });
}

Status Store::merge_contacts(const Contact& merged, const Contact& other) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  KITH_TRY(update_contact(merged));
  return guarded(*impl_, [&]() -> Status {
    Impl& impl = *impl_;
    const std::int64_t keep = merged.id, gone = other.id;
    // The summary row of the contact about to go first, so that no trigger recomputes it.
    run(impl, "DELETE FROM contact_stats WHERE contact_id = :other", keep, gone);
    run(impl,
        "DELETE FROM interaction_people WHERE contact_id = :other AND interaction_id IN"
        " (SELECT interaction_id FROM interaction_people WHERE contact_id = :keep)",
        keep, gone);
    run(impl, "UPDATE interaction_people SET contact_id = :keep WHERE contact_id = :other", keep,
        gone);
    run(impl, "UPDATE reminders SET contact_id = :keep WHERE contact_id = :other", keep, gone);
    run(impl, "UPDATE contacts SET met_via_id = :keep WHERE met_via_id = :other AND id != :keep",
        keep, gone);
    run(impl, "UPDATE external_ids SET contact_id = :keep WHERE contact_id = :other", keep, gone);
    // A goal both were linked to keeps the kept contact's role.
    run(impl,
        "DELETE FROM goal_people WHERE contact_id = :other AND goal_id IN"
        " (SELECT goal_id FROM goal_people WHERE contact_id = :keep)",
        keep, gone);
    run(impl, "UPDATE goal_people SET contact_id = :keep WHERE contact_id = :other", keep, gone);
    // Who knows whom: a link between the two goes (nobody knows themselves), and one to
    // someone both knew keeps the kept contact's.
    run(impl,
        "DELETE FROM knows WHERE (a = :other AND b = :keep) OR (a = :keep AND b = :other)"
        " OR ((a = :other OR b = :other) AND EXISTS (SELECT 1 FROM knows k"
        "   WHERE (k.a = :keep AND k.b = (CASE WHEN knows.a = :other THEN knows.b ELSE knows.a "
        "END))"
        "      OR (k.b = :keep AND k.a = (CASE WHEN knows.a = :other THEN knows.b ELSE knows.a "
        "END))))",
        keep, gone);
    run(impl,
        "UPDATE knows SET a = :keep, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE a = "
        ":other",
        keep, gone);
    run(impl,
        "UPDATE knows SET b = :keep, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE b = "
        ":other",
        keep, gone);
    run(impl, "UPDATE contact_aliases SET contact_id = :keep WHERE contact_id = :other", keep,
        gone);
    auto& alias = impl.prepare(
        "INSERT OR REPLACE INTO contact_aliases (contact_id, uuid, former_id)"
        " VALUES (:keep, :uuid, :other)");
    alias.bind(":keep", keep);
    alias.bind(":uuid", other.uuid);
    alias.bind(":other", gone);
    alias.exec();
    run(impl, "DELETE FROM contacts WHERE id = :other", keep, gone);
    catch_up_summaries(impl, {keep});
    return Status{};
  });
}

Result<std::vector<DupeCandidate>> Store::dupe_candidates() {
  return guarded(*impl_, [&]() -> Result<std::vector<DupeCandidate>> {
    std::vector<DupeCandidate> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    auto& people =
        impl_->prepare("SELECT id, name, name_key FROM contacts WHERE archived = 0 ORDER BY id");
    while (people.executeStep()) {
      DupeCandidate c;
      c.id = people.getColumn(0).getInt64();
      c.name = {people.getColumn(1).getString(), people.getColumn(2).getString()};
      at.emplace(c.id, out.size());
      out.push_back(std::move(c));
    }
    auto& channels = impl_->prepare("SELECT contact_id, kind, value FROM contact_channels");
    while (channels.executeStep()) {
      auto found = at.find(channels.getColumn(0).getInt64());
      if (found == at.end()) continue;
      DupeCandidate& c = out[found->second];
      (std::string_view(channels.getColumn(1).getText()) == "email" ? c.emails : c.phones)
          .push_back(channels.getColumn(2).getString());
    }
    auto& akas = impl_->prepare("SELECT contact_id, name, name_key FROM contact_akas");
    while (akas.executeStep()) {
      auto found = at.find(akas.getColumn(0).getInt64());
      if (found == at.end()) continue;
      out[found->second].akas.push_back(
          {akas.getColumn(1).getString(), akas.getColumn(2).getString()});
    }
    return out;
  });
}

Result<std::vector<std::string>> Store::aliases(std::int64_t contact_id) {
  return guarded(*impl_, [&]() -> Result<std::vector<std::string>> {
    auto& st =
        impl_->prepare("SELECT uuid FROM contact_aliases WHERE contact_id = :id ORDER BY uuid");
    st.bind(":id", contact_id);
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}

}  // namespace kith
