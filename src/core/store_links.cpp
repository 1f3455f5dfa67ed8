// The store's links between people: kith knows and intro, and what kith path reads.
#include <algorithm>
#include <unordered_map>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

KnowsLink read_knows(SQLite::Statement& st) {
  KnowsLink k;
  k.id = st.getColumn(0).getInt64();
  k.uuid = st.getColumn(1).getString();
  k.a = st.getColumn(2).getInt64();
  k.b = st.getColumn(3).getInt64();
  k.how = st.getColumn(4).getString();
  if (auto since = optional_day(st.getColumn(5))) k.since = *since;
  return k;
}

}  // namespace

Result<std::optional<KnowsLink>> Store::knows_link(std::int64_t a, std::int64_t b) {
  return guarded(*impl_, [&]() -> Result<std::optional<KnowsLink>> {
    auto& st = impl_->prepare(
        "SELECT id, uuid, a, b, how, since FROM knows"
        " WHERE (a = :a AND b = :b) OR (a = :b AND b = :a) ORDER BY id LIMIT 1");
    st.bind(":a", a);
    st.bind(":b", b);
    if (!st.executeStep()) return std::optional<KnowsLink>();
    return std::optional<KnowsLink>(read_knows(st));
  });
}

Result<std::int64_t> Store::add_knows(std::int64_t a, std::int64_t b, std::string_view how,
                                      Date since) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO knows (uuid, a, b, how, since) VALUES (:uuid, :a, :b, :how, :since)");
    st.bind(":uuid", new_uuid());
    st.bind(":a", a);
    st.bind(":b", b);
    bind_text(st, ":how", how);
    st.bind(":since", since.to_string());
    st.exec();
    return impl_->db.getLastInsertRowid();
  });
}

Status Store::set_knows_how(std::int64_t id, std::string_view how) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE knows SET how = :how, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = :id");
    bind_text(st, ":how", how);
    st.bind(":id", id);
    if (st.exec() == 0) return not_found("no link with id " + std::to_string(id));
    return {};
  });
}

Result<std::int64_t> Store::remove_knows(std::int64_t a, std::int64_t b) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare("DELETE FROM knows WHERE (a = :a AND b = :b) OR (a = :b AND b = :a)");
    st.bind(":a", a);
    st.bind(":b", b);
    return static_cast<std::int64_t>(st.exec());
  });
}

Result<std::vector<PathLink>> Store::links_of(const std::vector<std::int64_t>& ids) {
  return guarded(*impl_, [&]() -> Result<std::vector<PathLink>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    std::vector<PathLink> out;
    const std::string list = id_list(ids);
    // Recorded links, through knows_by_a and knows_by_b; a row between two of `ids` once.
    auto& knows = impl.prepare(
        "SELECT a, b, how, since FROM knows WHERE a IN (SELECT value FROM json_each(:ids))"
        " UNION ALL SELECT a, b, how, since FROM knows"
        " WHERE b IN (SELECT value FROM json_each(:ids))"
        " AND a NOT IN (SELECT value FROM json_each(:ids))");
    knows.bind(":ids", list);
    while (knows.executeStep()) {
      PathLink l;
      l.a = knows.getColumn(0).getInt64();
      l.b = knows.getColumn(1).getInt64();
      l.source = LinkSource::knows;
      l.how = knows.getColumn(2).getString();
      l.last = optional_day(knows.getColumn(3));
      out.push_back(std::move(l));
    }
    // Introducers, both ways, through contacts_by_introducer and the primary key.
    auto& introduced = impl.prepare(
        "SELECT id, met_via_id FROM contacts"
        " WHERE met_via_id IN (SELECT value FROM json_each(:ids))"
        " UNION ALL SELECT id, met_via_id FROM contacts"
        " WHERE id IN (SELECT value FROM json_each(:ids)) AND met_via_id IS NOT NULL"
        " AND met_via_id NOT IN (SELECT value FROM json_each(:ids))");
    introduced.bind(":ids", list);
    while (introduced.executeStep()) {
      PathLink l;
      l.a = introduced.getColumn(1).getInt64();  // the introducer
      l.b = introduced.getColumn(0).getInt64();
      l.source = LinkSource::introducer;
      if (l.a != l.b) out.push_back(std::move(l));
    }
    // People logged together: each person's interactions through the primary key of
    // interaction_people, their other people through interaction_people_by_interaction.
    auto& together = impl.prepare(
        "SELECT p.contact_id, q.contact_id, count(*), max(p.day)"
        " FROM interaction_people p JOIN interaction_people q"
        "   ON q.interaction_id = p.interaction_id AND q.contact_id <> p.contact_id"
        " WHERE p.contact_id IN (SELECT value FROM json_each(:ids))"
        " AND (q.contact_id NOT IN (SELECT value FROM json_each(:ids))"
        "      OR q.contact_id > p.contact_id)"
        " GROUP BY p.contact_id, q.contact_id");
    together.bind(":ids", list);
    while (together.executeStep()) {
      PathLink l;
      l.a = together.getColumn(0).getInt64();
      l.b = together.getColumn(1).getInt64();
      l.source = LinkSource::together;
      l.count = together.getColumn(2).getInt();
      l.last = optional_day(together.getColumn(3));
      out.push_back(std::move(l));
    }
    return out;
  });
}

Result<std::vector<PathPerson>> Store::path_people(const std::vector<std::int64_t>& ids,
                                                   Date today) {
  return guarded(*impl_, [&]() -> Result<std::vector<PathPerson>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    // The year's interactions are counted through the primary key of interaction_people
    // (contact_id, day, interaction_id): a range of one index per person.
    auto& st = impl.prepare(
        "SELECT c.id, c.name, c.archived, c.target, s.last_day, coalesce(s.given, 0),"
        " coalesce(s.received, 0), coalesce(s.weight, 0),"
        " (SELECT count(*) FROM interaction_people p"
        "   WHERE p.contact_id = c.id AND p.day > :year_ago AND p.day <= :today),"
        " (SELECT t.name FROM contact_types ct JOIN types t ON t.id = ct.type_id"
        "   WHERE ct.contact_id = c.id ORDER BY t.weight DESC, t.name LIMIT 1)"
        " FROM contacts c LEFT JOIN contact_stats s ON s.contact_id = c.id"
        " WHERE c.id IN (SELECT value FROM json_each(:ids))");
    st.bind(":ids", id_list(ids));
    st.bind(":year_ago", today.plus_days(-365).to_string());
    st.bind(":today", today.to_string());
    std::vector<PathPerson> out;
    while (st.executeStep()) {
      PathPerson p;
      p.id = st.getColumn(0).getInt64();
      p.name = st.getColumn(1).getString();
      p.archived = st.getColumn(2).getInt() != 0;
      p.target = st.getColumn(3).getInt() != 0;
      p.last_contact = optional_day(st.getColumn(4));
      p.given = st.getColumn(5).getInt64();
      p.received = st.getColumn(6).getInt64();
      int weight = st.getColumn(7).getInt();
      p.weight = weight >= kMinWeight ? weight : kUntypedWeight;
      p.interactions_year = st.getColumn(8).getInt();
      if (!st.getColumn(9).isNull()) p.type = st.getColumn(9).getString();
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<std::vector<std::int64_t>> Store::contacts_at(std::string_view org) {
  return guarded(*impl_, [&]() -> Result<std::vector<std::int64_t>> {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    const std::string key = fold_for_match(org);
    std::vector<std::int64_t> out;
    if (key.empty()) return out;
    // Each organisation folded once, however many people work there.
    auto& st =
        impl.prepare("SELECT id, org FROM contacts WHERE archived = 0 AND org <> '' ORDER BY id");
    enum Match : char { none, whole, part };
    std::unordered_map<std::string, Match> seen;
    std::vector<std::int64_t> wholes;
    std::vector<std::int64_t> parts;
    while (st.executeStep()) {
      std::string name = st.getColumn(1).getString();
      auto [it, fresh] = seen.try_emplace(std::move(name), none);
      if (fresh) {
        std::string folded = fold_for_match(it->first);
        it->second = folded == key ? whole : folded.find(key) != std::string::npos ? part : none;
      }
      if (it->second == whole) wholes.push_back(st.getColumn(0).getInt64());
      if (it->second == part) parts.push_back(st.getColumn(0).getInt64());
    }
    out = wholes.empty() ? std::move(parts) : std::move(wholes);
    return out;
  });
}

}  // namespace kith
