#include "kith/use_cases/reconnect.hpp"

#include <algorithm>
#include <utility>

#include "kith/urgency.hpp"

namespace kith {
namespace {

// Streams the candidates of `today` into `selection`, skipping `leave_out`.
Status select_ties(Store& store, Date today, TieSelection& selection,
                   const std::vector<std::int64_t>& leave_out) {
  // The store's filter is wider than is_dormant (a year before today bounds "a year and two
  // cadences"); the selection applies the rule itself.
  return store.each_tie_candidate(
      today.plus_days(-kQuietDays), today.plus_years(-1), [&](const TieCandidate& c) -> Status {
        if (std::find(leave_out.begin(), leave_out.end(), c.id) == leave_out.end()) {
          selection.add(c);
        }
        return {};
      });
}

// The tie with what is shown about it: contact, heaviest type, count and last interaction.
Result<TieToRevive> revive(Store& store, DormantTie tie,
                           const std::vector<RelationshipType>& types) {
  auto contact = store.contact(tie.id);
  if (!contact) return contact.error();
  auto count = store.interaction_count(tie.id);
  if (!count) return count.error();
  HistoryQuery latest;
  latest.contact_id = tie.id;
  latest.limit = 1;
  auto found = store.history(latest);
  if (!found) return found.error();
  TieToRevive out;
  out.heaviest_type = contact->types.empty() ? "" : heaviest_type(*contact, types).first;
  out.tie = std::move(tie);
  out.contact = std::move(*contact);
  out.interactions = *count;
  if (!found->empty()) out.last = std::move(found->front());
  return out;
}

}  // namespace

Status check_reconnect_limit(int limit) {
  if (limit < 1 || limit > kMaxReconnectLimit) {
    return invalid_input("invalid --limit " + std::to_string(limit) + ": expected 1 to " +
                         std::to_string(kMaxReconnectLimit));
  }
  return {};
}

Result<DormantTies> dormant_ties(Store& store, Date today, int limit) {
  KITH_TRY(check_reconnect_limit(limit));
  DormantTies out;
  KITH_TRY(store.read([&]() -> Status {
    TieSelection selection(today, static_cast<std::size_t>(limit));
    KITH_TRY(select_ties(store, today, selection, {}));
    out.total = selection.total();
    std::vector<DormantTie> best = selection.take();
    if (best.empty()) return {};
    auto types = store.types();
    if (!types) return types.error();
    for (DormantTie& tie : best) {
      auto shown = revive(store, std::move(tie), *types);
      if (!shown) return shown.error();
      out.ties.push_back(std::move(*shown));
    }
    return {};
  }));
  return out;
}

Result<std::optional<TieToRevive>> best_dormant_tie(Store& store, Date today,
                                                    const std::vector<std::int64_t>& leave_out) {
  TieSelection selection(today, 1);
  KITH_TRY(select_ties(store, today, selection, leave_out));
  std::vector<DormantTie> best = selection.take();
  if (best.empty()) return std::optional<TieToRevive>();
  auto types = store.types();
  if (!types) return types.error();
  auto shown = revive(store, std::move(best.front()), *types);
  if (!shown) return shown.error();
  return std::optional<TieToRevive>(std::move(*shown));
}

}  // namespace kith
