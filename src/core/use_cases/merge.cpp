#include "kith/use_cases/merge.hpp"

#include <algorithm>

#include "transaction.hpp"

namespace kith {
namespace {

std::string named(const Contact& c) { return c.name + " (#" + std::to_string(c.id) + ")"; }

// The contacts KEEP and OTHER... name, checked: each active, none twice.
Result<std::vector<Contact>> resolve_all(Store& store, std::string_view keep,
                                         const std::vector<std::string>& others) {
  if (others.empty()) {
    return invalid_input("nothing to merge: name the contacts to merge into " + std::string(keep) +
                         ", like 'kith merge \"Maya Chen\" 42'");
  }
  std::vector<Contact> people;
  std::vector<std::string_view> whos = {keep};
  whos.insert(whos.end(), others.begin(), others.end());
  for (std::string_view who : whos) {
    auto contact = store.resolve(who);
    if (!contact) return contact.error();
    for (const Contact& seen : people) {
      if (seen.id != contact->id) continue;
      if (seen.id == people.front().id) {
        return invalid_input("cannot merge " + named(seen) + " into itself: '" + std::string(who) +
                             "' names the contact to keep");
      }
      return invalid_input(named(seen) + " is named twice ('" + std::string(who) + "')");
    }
    if (contact->archived) {
      return invalid_input(named(*contact) + " is archived: 'kith unarchive' it first to merge it");
    }
    people.push_back(std::move(*contact));
  }
  return people;
}

std::string summary_of(const MergeOutcome& outcome) {
  std::string out = "merge ";
  for (std::size_t i = 0; i < outcome.merged.size(); ++i) {
    if (i) out += ", ";
    out += named(outcome.merged[i].contact);
  }
  return out + " into " + named(outcome.before);
}

}  // namespace

Result<MergeOutcome> merge_contacts(Store& store, std::string_view keep,
                                    const std::vector<std::string>& others, bool dry_run,
                                    Date today) {
  std::optional<MergeOutcome> out;
  auto body = [&]() -> Status {
    auto people = resolve_all(store, keep, others);
    if (!people) return people.error();
    MergeOutcome outcome;
    outcome.dry_run = dry_run;
    outcome.before = people->front();
    Contact kept = people->front();
    for (std::size_t i = 1; i < people->size(); ++i) {
      const Contact& other = (*people)[i];
      auto reach = store.merge_reach(kept.id, other.id);
      if (!reach) return reach.error();
      kept = merged_contact(kept, other);
      KITH_TRY(store.merge_contacts(kept, other));
      outcome.merged.push_back({other, *reach});
    }
    auto after = store.contact(kept.id);
    if (!after) return after.error();
    outcome.after = std::move(*after);
    if (!dry_run) store.note_change({"merge", summary_of(outcome), today});
    out = std::move(outcome);
    return {};
  };
  KITH_TRY(dry_run ? store.rehearse(body) : store.write(body));
  return std::move(*out);
}

Result<std::vector<DupePair>> find_duplicates(Store& store) {
  return in_read<std::vector<DupePair>>(store, [&]() -> Result<std::vector<DupePair>> {
    auto candidates = store.dupe_candidates();
    if (!candidates) return candidates.error();
    return find_dupes(*candidates);
  });
}

}  // namespace kith
