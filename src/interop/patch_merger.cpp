#include "interop/patch_merger.hpp"

#include <algorithm>

#include "kith/text.hpp"

namespace kith {
namespace {

std::string without_urn(const std::string& uid) {
  return ascii_lower(uid.substr(0, 9)) == "urn:uuid:" ? uid.substr(9) : uid;
}

// The uuid a new contact takes from the file: its first UID that is a UUID.
std::optional<std::string> uuid_from(const formats::ContactPatch& patch) {
  for (const std::string& uid : patch.uids) {
    std::string bare = without_urn(uid);
    if (is_uuid(bare)) return lowercase_uuid(bare);
  }
  return std::nullopt;
}

// True unless the patch names a contact by a kith uuid that is not `uuid` (one merged into
// that contact).
bool names_uuid(const formats::ContactPatch& patch, const std::string& uuid) {
  for (const std::string& uid : patch.uids) {
    std::string bare = without_urn(uid);
    if (is_uuid(bare) && lowercase_uuid(bare) != uuid) return false;
  }
  return true;
}

// A card whose REV is older than the contact's last change fills in only what kith lacks:
// it never overwrites a newer edit made in kith.
void older(formats::ContactPatch& patch, const Contact& contact) {
  auto keep_kiths = [](auto& value, bool kith_has) {
    if (kith_has) value.reset();
  };
  patch.name = contact.name;
  keep_kiths(patch.org, !contact.org.empty());
  keep_kiths(patch.title, !contact.title.empty());
  keep_kiths(patch.note, !contact.note.empty());
  keep_kiths(patch.learn, !contact.learn.empty());
  keep_kiths(patch.offer, !contact.offer.empty());
  keep_kiths(patch.met_via, !contact.met_via.empty());
  keep_kiths(patch.birthday, contact.birthday.has_value());
  keep_kiths(patch.every, contact.every.has_value());
  keep_kiths(patch.circle, contact.circle.has_value());
  keep_kiths(patch.archived, true);
  std::erase_if(patch.dates, [&](const ImportantDate& date) {
    return std::any_of(contact.dates.begin(), contact.dates.end(),
                       [&](const ImportantDate& known) { return known.label == date.label; });
  });
}

}  // namespace

Status introduce(Store& store, const std::vector<PendingIntroduction>& pending) {
  for (const PendingIntroduction& p : pending) {
    auto introducer = store.contact_id_by_uuid(p.introducer);
    if (!introducer) return introducer.error();
    if (*introducer && **introducer != p.contact_id) {
      KITH_TRY(store.set_met_via_id(p.contact_id, **introducer));
    }
  }
  return {};
}

Status PatchMerger::load_types() {
  auto types = store_.types();
  if (!types) return types.error();
  types_ = std::move(*types);
  return {};
}

Result<std::int64_t> PatchMerger::merge(formats::ContactPatch& patch) {
  auto found = find(patch);
  if (!found) return found.error();
  return merge_into(patch, *found);
}

Result<std::int64_t> PatchMerger::merge_into(formats::ContactPatch& patch,
                                             std::optional<std::int64_t> id) {
  std::erase_if(patch.types, [&](const std::string& name) {
    bool known = std::any_of(types_.begin(), types_.end(),
                             [&](const RelationshipType& t) { return t.name == name; });
    if (!known) {
      warnings_.push_back("line " + std::to_string(patch.line) + ": unknown type '" + name +
                          "'; left out");
    }
    return !known;
  });
  Contact contact;
  std::vector<ExternalId> ids;
  if (id) {
    auto stored = store_.contact(*id);
    if (!stored) return stored.error();
    contact = std::move(*stored);
    // Found by name, or by the uuid of a contact merged into it: the name stays kith's.
    if (found_by_name_ || !names_uuid(patch, contact.uuid)) patch.name = contact.name;
    if (patch.rev && *patch.rev < contact.updated_at.substr(0, 19) + ".000Z") older(patch, contact);
    auto stored_ids = store_.external_ids(*id);
    if (!stored_ids) return stored_ids.error();
    ids = std::move(*stored_ids);
  } else {
    contact.added_on = options_.today;
    contact.uuid = uuid_from(patch).value_or("");
    for (const std::string& tag : patch.tags_when_new) patch.tags.push_back(tag);
  }
  // A UID that is not this contact's uuid as kith writes it is remembered exactly as written
  // (a phone's "5C3F0A1E-..." in its capitals), so the same card is found again.
  for (const std::string& uid : patch.uids) {
    if (uid != contact.uuid && uid != "urn:uuid:" + contact.uuid) {
      patch.external_ids.push_back({ExternalSource::vcard, uid, std::nullopt});
    }
  }
  bool changed = formats::apply(patch, contact, ids);
  std::optional<std::string> introducer;
  if (patch.met_via) {
    std::optional<std::int64_t> introducer_id;
    if (patch.met_via_contact) {
      auto known = store_.contact_id_by_uuid(*patch.met_via_contact);
      if (!known) return known.error();
      introducer_id = *known;
      if (!introducer_id) introducer = patch.met_via_contact;
    }
    changed |= contact.met_via_id != introducer_id;
    contact.met_via_id = introducer_id;
  }

  if (!id) {
    auto added = store_.add_contact(contact);
    if (!added) return added.error();
    id = *added;
    ++report_.contacts.added;
  } else if (changed) {
    KITH_TRY(store_.update_contact(contact));
    ++report_.contacts.updated;
  } else {
    ++report_.contacts.skipped;
    return *id;
  }
  KITH_TRY(store_.set_external_ids(*id, ids));
  if (introducer) pending_.push_back({*id, *introducer});
  return *id;
}

Result<std::optional<std::int64_t>> PatchMerger::find(const formats::ContactPatch& patch) {
  found_by_name_ = false;
  found_by_key_ = true;
  for (const std::string& uid : patch.uids) {
    std::string bare = without_urn(uid);
    if (is_uuid(bare)) {
      auto id = store_.contact_id_by_uuid(lowercase_uuid(bare));
      if (!id || *id) return id;
    }
    auto id = store_.contact_id_by_external_id(ExternalSource::vcard, uid);
    if (!id || *id) return id;
  }
  for (const ExternalId& external : patch.external_ids) {
    auto id = store_.contact_id_by_external_id(external.source, external.id);
    if (!id || *id) return id;
  }
  found_by_key_ = false;
  for (const std::string& email : patch.emails) {
    auto id = store_.contact_id_by_email(email);
    if (!id || *id) return id;
  }
  if (by_name_ && patch.emails.empty()) {
    auto named = store_.contacts_named(patch.name, true);
    if (!named) return named.error();
    // Someone with another LinkedIn profile is another person of the same name.
    std::erase_if(*named, [&](const ContactName& candidate) {
      auto ids = store_.external_ids(candidate.id);
      return ids && std::any_of(ids->begin(), ids->end(), [&](const ExternalId& known) {
               return known.source == ExternalSource::linkedin &&
                      std::none_of(patch.external_ids.begin(), patch.external_ids.end(),
                                   [&](const ExternalId& own) { return own.id == known.id; });
             });
    });
    if (named->size() == 1) {
      found_by_name_ = true;
      return std::optional(named->front().id);
    }
    if (named->size() > 1) ++report_.possible_duplicates;
  }
  return std::optional<std::int64_t>();
}

}  // namespace kith
