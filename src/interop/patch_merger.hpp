// Merging what another address book says about people (formats::ContactPatch, from a vCard or
// LinkedIn) into the store: finding the contact a patch is about, or adding it. Used by
// import (import.cpp) and by the contacts sync (contacts_sync.cpp) for cards new to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "formats/contact_patch.hpp"
#include "interop/import.hpp"
#include "kith/store.hpp"

namespace kith {

// A contact whose introducer was named by uuid but not known yet when it was merged: the
// introducer may come later in the same file.
struct PendingIntroduction {
  std::int64_t contact_id = 0;
  std::string introducer;  // uuid
};

// Links each pending contact to its introducer, when that is a contact now.
Status introduce(Store& store, const std::vector<PendingIntroduction>& pending);

// REQUIRES (for every call but the constructor): inside Store::write or rehearse.
class PatchMerger {
 public:
  // `by_name`: a person the file gives no email for is also found by name (LinkedIn).
  PatchMerger(Store& store, const ImportOptions& options, ImportReport& report,
              std::vector<std::string>& warnings, bool by_name)
      : store_(store), options_(options), report_(report), warnings_(warnings), by_name_(by_name) {}

  Status load_types();

  // Finds the patch's contact and merges the patch into it (merge_into), or adds it. Returns
  // the contact's id.
  Result<std::int64_t> merge(formats::ContactPatch& patch);

  // The contact the patch is about: by UID (a kith uuid, or one remembered from an earlier
  // import), by external id, by email, else (by_name, no email) by a name that is one
  // contact's name or other name. nullopt when none is.
  Result<std::optional<std::int64_t>> find(const formats::ContactPatch& patch);
  // True when the last find() found its contact by a key (a UID or an external id), not by
  // an email or a name.
  bool found_by_key() const { return found_by_key_; }

  // Merges the patch into contact `id` (formats::apply: its fields replace, its lists add; a
  // card whose REV is older than the contact's last change only fills what kith lacks), or
  // adds it as a new contact when `id` is nullopt; its UIDs that are not the contact's uuid
  // are kept as external ids, exactly as written. Unknown types are left out with a warning.
  // Counts what it did in the report. Returns the contact's id.
  Result<std::int64_t> merge_into(formats::ContactPatch& patch, std::optional<std::int64_t> id);

  // Links the introducers that came later in the file.
  Status finish() { return introduce(store_, pending_); }

 private:
  Store& store_;
  const ImportOptions& options_;
  ImportReport& report_;
  std::vector<std::string>& warnings_;
  bool by_name_;
  bool found_by_name_ = false;
  bool found_by_key_ = false;
  std::vector<RelationshipType> types_;
  std::vector<PendingIntroduction> pending_;
};

}  // namespace kith
