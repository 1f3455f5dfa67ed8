// The store's answers for kith reconnect: the people who may be dormant ties, from the
// maintained summary (the ranking is the engine's: kith/reconnect.hpp).
#include "store_impl.hpp"

namespace kith {

Status Store::each_tie_candidate(Date quiet_through, Date lapsed_through,
                                 const std::function<Status(const TieCandidate&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    Impl& impl = *impl_;
    ReadSnapshot snapshot(impl.db);
    // The count stops at :cap links, read through the primary key of interaction_people
    // (contact_id, day, interaction_id): the busiest person costs what anyone else does.
    auto& st = impl.prepare(
        "SELECT s.contact_id, c.name, c.name_key, s.cadence, s.weight, s.given, s.received,"
        " s.last_day, c.offer <> '',"
        " (SELECT count(*) FROM (SELECT 1 FROM interaction_people p"
        "   WHERE p.contact_id = s.contact_id LIMIT :cap))"
        " FROM contact_stats s JOIN contacts c ON c.id = s.contact_id"
        " WHERE c.archived = 0 AND c.target = 0 AND s.last_day IS NOT NULL"
        " AND ((s.cadence IS NULL AND s.last_day <= :quiet)"
        "   OR (s.cadence IS NOT NULL AND s.last_day <= :lapsed))"
        " ORDER BY s.contact_id");
    st.bind(":cap", kMaxCountedInteractions);
    st.bind(":quiet", quiet_through.to_string());
    st.bind(":lapsed", lapsed_through.to_string());
    TieCandidate c;
    while (st.executeStep()) {
      c.id = st.getColumn(0).getInt64();
      c.name = st.getColumn(1).getString();
      c.name_key = st.getColumn(2).getString();
      c.facts = TieFacts{};
      if (!st.getColumn(3).isNull()) {
        // A cadence not in kith's form is never due: like none.
        c.facts.cadence = optional_duration(st.getColumn(3));
      }
      c.facts.weight = st.getColumn(4).getInt();
      c.facts.given = st.getColumn(5).getInt64();
      c.facts.received = st.getColumn(6).getInt64();
      c.facts.last = optional_day(st.getColumn(7));
      c.facts.has_offer = st.getColumn(8).getInt() != 0;
      c.facts.interactions = st.getColumn(9).getInt64();
      KITH_TRY(visit(c));
    }
    return {};
  });
}

Result<std::int64_t> Store::interaction_count(std::int64_t contact_id) {
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare("SELECT count(*) FROM interaction_people WHERE contact_id = :id");
    st.bind(":id", contact_id);
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

}  // namespace kith
