// Use cases about one person entered twice: kith merge and kith dupes.
//
// As everywhere in kith/use_cases: one transaction each, plain values in (today included),
// owned values out, read inside that transaction; on any error the database is as it was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/dupes.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// One contact merged into the kept one, as it was, and what of it moved.
struct MergedFrom {
  Contact contact;
  MergeReach moved;
};

struct MergeOutcome {
  Contact before;                  // the kept contact as it was
  Contact after;                   // as it is afterwards (or, for a dry run, would be)
  std::vector<MergedFrom> merged;  // in the order named
  bool dry_run = false;
};

// kith merge KEEP OTHER...: merges each OTHER into KEEP in turn (merged_contact,
// Store::merge_contacts) in one transaction, journaled as one change that kith undo takes back.
// With `dry_run`, does all of it and rolls it back: the outcome says what would move.
// not_found or ambiguous for a WHO that names no one contact; invalid_input, changing nothing,
// for no OTHER, an OTHER that is KEEP, a contact named twice, or an archived one.
Result<MergeOutcome> merge_contacts(Store& store, std::string_view keep,
                                    const std::vector<std::string>& others, bool dry_run,
                                    Date today);

// kith dupes: the likely duplicates among active contacts (find_dupes), strongest first.
Result<std::vector<DupePair>> find_duplicates(Store& store);

}  // namespace kith
