#include "interop/import.hpp"

#include <algorithm>
#include <memory>

#include "formats/contact_patch.hpp"
#include "formats/kith_json.hpp"
#include "formats/linkedin.hpp"
#include "formats/vcard.hpp"
#include "kith/cancel.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// A file error named by the input's name; database, internal and cancellation errors pass
// through unchanged.
Error in_file(std::string_view name, const Error& e) {
  if (e.code == Errc::storage || e.code == Errc::internal || e.code == Errc::cancelled) return e;
  return {Errc::bad_file, std::string(name) + ": " + e.message};
}

// Reports progress every kProgressEvery records.
class Progress {
 public:
  explicit Progress(const std::function<void(std::uint64_t, std::uint64_t)>& report,
                    std::uint64_t total = 0)
      : report_(report), total_(total) {}
  void tick() {
    if (++records_ % kProgressEvery == 0 && report_) report_(records_, total_);
  }
  void done() const {
    if (report_) report_(records_, total_);
  }

 private:
  const std::function<void(std::uint64_t, std::uint64_t)>& report_;
  std::uint64_t total_;
  std::uint64_t records_ = 0;
};

// Counts what merging one record did, and ticks the progress. Where an import notices a
// cancel: between records.
Status tally(const Result<Merge>& merge, MergeCounts& counts, Progress& progress) {
  if (!merge) return merge.error();
  KITH_TRY(check_cancel());
  switch (*merge) {
    case Merge::added: ++counts.added; break;
    case Merge::updated: ++counts.updated; break;
    case Merge::skipped: ++counts.skipped; break;
  }
  progress.tick();
  return {};
}

// A contact whose introducer was named by uuid but not known yet when it was merged: the
// introducer may come later in the same file.
struct PendingIntroduction {
  std::int64_t contact_id = 0;
  std::string introducer;  // uuid
};

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

// --- kith JSON -------------------------------------------------------------------------------

// The contact a record refers to; nullopt for one a sync deleted (kith sync DIR: it does not come
// back with what refers to it).
Result<std::optional<std::int64_t>> known_contact(Store& store, const std::string& uuid,
                                                  std::string_view role) {
  auto id = store.contact_id_by_uuid(uuid);
  if (!id) return id.error();
  if (*id) return *id;
  auto deleted = store.tombstone(uuid);
  if (!deleted) return deleted.error();
  if (*deleted) return std::optional<std::int64_t>{};
  return invalid_input("unknown " + std::string(role) + " " + uuid);
}

// Records from which an import loads in bulk, when they are also at least 1/kBulkShare of
// what the database holds (a full-text rebuild then costs less than indexing row by row).
constexpr std::int64_t kBulkRecords = 2000;
constexpr std::int64_t kBulkShare = 8;

Status import_json(Store& store, const ImportSource& open, const ImportOptions& options,
                   ImportReport& report) {
  formats::KithJsonOutline outline;
  {
    auto in = open();
    if (!in) return in.error();
    auto read = formats::read_kith_json(**in, {});
    if (!read) return read.error();
    outline = std::move(*read);
  }
  // References point backwards in kith's order (types, contacts, then interactions and
  // reminders): one pass merges everything. Any other order takes a pass per step.
  using formats::Section;
  std::vector<std::vector<Section>> passes;
  if (std::is_sorted(outline.order.begin(), outline.order.end())) {
    passes = {{Section::types, Section::contacts, Section::interactions, Section::reminders}};
  } else {
    passes = {{Section::types}, {Section::contacts}, {Section::interactions, Section::reminders}};
  }
  std::uint64_t total = 0;
  for (std::size_t count : outline.counts) total += count;
  Progress progress(options.progress, total);
  std::vector<PendingIntroduction> pending;

  formats::KithJsonHandlers all;
  all.type = [&](TypeRecord& r) { return tally(store.merge_type(r), report.types, progress); };
  all.contact = [&](ContactRecord& r) -> Status {
    std::optional<std::int64_t> introducer;
    if (r.met_via_contact) {
      auto id = store.contact_id_by_uuid(*r.met_via_contact);
      if (!id) return id.error();
      introducer = *id;
      r.contact.met_via_id = introducer;
    }
    auto merge = store.merge_contact(r);
    KITH_TRY(tally(merge, report.contacts, progress));
    if (*merge != Merge::skipped && r.met_via_contact && !introducer) {
      auto id = store.contact_id_by_uuid(r.contact.uuid);
      if (!id) return id.error();
      pending.push_back({id->value_or(0), *r.met_via_contact});
    }
    return {};
  };
  all.interaction = [&](InteractionRecord& r) -> Status {
    std::vector<std::int64_t> people;
    for (const std::string& uuid : r.people) {
      auto id = known_contact(store, uuid, "person");
      if (!id) return id.error();
      if (*id) people.push_back(**id);
    }
    if (people.empty()) return tally(Merge::skipped, report.interactions, progress);
    return tally(store.merge_interaction(r, people), report.interactions, progress);
  };
  all.reminder = [&](ReminderRecord& r) -> Status {
    std::optional<std::int64_t> contact;
    if (r.contact) {
      auto id = known_contact(store, *r.contact, "contact");
      if (!id) return id.error();
      if (!*id) return tally(Merge::skipped, report.reminders, progress);
      contact = *id;
    }
    return tally(store.merge_reminder(r, contact), report.reminders, progress);
  };

  // A load that is a sizeable part of the database goes faster in bulk (Store::bulk).
  auto size = store.approximate_size();
  if (!size) return size.error();
  std::int64_t incoming =
      static_cast<std::int64_t>(outline.counts[static_cast<std::size_t>(Section::contacts)] +
                                outline.counts[static_cast<std::size_t>(Section::interactions)]);
  bool in_bulk = incoming >= kBulkRecords && incoming * kBulkShare >= *size;

  auto merge_all = [&]() -> Status {
    for (const auto& sections : passes) {
      auto wants = [&](Section s) {
        return std::find(sections.begin(), sections.end(), s) != sections.end();
      };
      formats::KithJsonHandlers handlers;
      if (wants(Section::types)) handlers.type = all.type;
      if (wants(Section::contacts)) handlers.contact = all.contact;
      if (wants(Section::interactions)) handlers.interaction = all.interaction;
      if (wants(Section::reminders)) handlers.reminder = all.reminder;
      auto in = open();
      if (!in) return in.error();
      auto read = formats::read_kith_json(**in, handlers);
      if (!read) return read.error();
    }
    return Status{};
  };
  KITH_TRY(in_bulk ? store.bulk(merge_all) : merge_all());
  KITH_TRY(introduce(store, pending));
  progress.done();
  return {};
}

// --- vCard and LinkedIn: people as other address books describe them -------------------------

class PatchMerger {
 public:
  // `by_name`: a person the file gives no email for is also found by name (LinkedIn).
  PatchMerger(Store& store, const ImportOptions& options, ImportReport& report,
              std::vector<std::string>& warnings, bool by_name)
      : store_(store), options_(options), report_(report), warnings_(warnings), by_name_(by_name) {}

  Status load_types() {
    auto types = store_.types();
    if (!types) return types.error();
    types_ = std::move(*types);
    return {};
  }

  Status merge(formats::ContactPatch& patch) {
    std::erase_if(patch.types, [&](const std::string& name) {
      bool known = std::any_of(types_.begin(), types_.end(),
                               [&](const RelationshipType& t) { return t.name == name; });
      if (!known) {
        warnings_.push_back("line " + std::to_string(patch.line) + ": unknown type '" + name +
                            "'; left out");
      }
      return !known;
    });
    auto found = find(patch);
    if (!found) return found.error();
    std::optional<std::int64_t> id = *found;

    Contact contact;
    std::vector<ExternalId> ids;
    if (id) {
      auto stored = store_.contact(*id);
      if (!stored) return stored.error();
      contact = std::move(*stored);
      // Found by name, or by the uuid of a contact merged into it: the name stays kith's.
      if (found_by_name_ || !names_uuid(patch, contact.uuid)) patch.name = contact.name;
      auto stored_ids = store_.external_ids(*id);
      if (!stored_ids) return stored_ids.error();
      ids = std::move(*stored_ids);
    } else {
      contact.added_on = options_.today;
      contact.uuid = uuid_from(patch).value_or("");
      for (const std::string& tag : patch.tags_when_new) patch.tags.push_back(tag);
    }
    // A UID that is not this contact's uuid is remembered, so the same card is found again.
    for (const std::string& uid : patch.uids) {
      std::string bare = without_urn(uid);
      if (!(is_uuid(bare) && lowercase_uuid(bare) == contact.uuid)) {
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
      return {};
    }
    KITH_TRY(store_.set_external_ids(*id, ids));
    if (introducer) pending_.push_back({*id, *introducer});
    return {};
  }

  Status finish() { return introduce(store_, pending_); }

 private:
  static std::string without_urn(const std::string& uid) {
    return ascii_lower(uid.substr(0, 9)) == "urn:uuid:" ? uid.substr(9) : uid;
  }

  // The uuid a new contact takes from the file: its first UID that is a UUID.
  static std::optional<std::string> uuid_from(const formats::ContactPatch& patch) {
    for (const std::string& uid : patch.uids) {
      std::string bare = without_urn(uid);
      if (is_uuid(bare)) return lowercase_uuid(bare);
    }
    return std::nullopt;
  }

  // True unless the patch names a contact by a kith uuid that is not `uuid` (one merged into
  // that contact).
  static bool names_uuid(const formats::ContactPatch& patch, const std::string& uuid) {
    for (const std::string& uid : patch.uids) {
      std::string bare = without_urn(uid);
      if (is_uuid(bare) && lowercase_uuid(bare) != uuid) return false;
    }
    return true;
  }

  // The contact the patch is about: by UID (a kith uuid, or one remembered from an earlier
  // import), by external id, by email, else (by_name_, no email) by a name that is one
  // contact's name or other name.
  Result<std::optional<std::int64_t>> find(const formats::ContactPatch& patch) {
    found_by_name_ = false;
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

  Store& store_;
  const ImportOptions& options_;
  ImportReport& report_;
  std::vector<std::string>& warnings_;
  bool by_name_;
  bool found_by_name_ = false;
  std::vector<RelationshipType> types_;
  std::vector<PendingIntroduction> pending_;
};

// Reads people from a file with `next` (returning false at the end; a person it leaves
// empty was left out with a warning) and merges each.
template <class Next>
Status import_people(Store& store, const ImportOptions& options, ImportReport& report,
                     std::vector<std::string>& warnings, Next next) {
  PatchMerger merger(store, options, report, warnings, options.format == ImportFormat::linkedin);
  KITH_TRY(merger.load_types());
  Progress progress(options.progress);
  while (true) {
    std::optional<formats::ContactPatch> patch;
    auto more = next(patch);
    if (!more) return more.error();
    if (!*more) break;
    KITH_TRY(check_cancel());
    if (patch) KITH_TRY(merger.merge(*patch));
    if (warnings.size() > kMaxWarnings) {  // memory stays bounded however bad the file
      report.warnings_left_out += warnings.size() - kMaxWarnings;
      warnings.resize(kMaxWarnings);
    }
    progress.tick();
  }
  KITH_TRY(merger.finish());
  progress.done();
  return {};
}

Status import_vcard(Store& store, const ImportSource& open, const ImportOptions& options,
                    ImportReport& report, std::vector<std::string>& warnings) {
  auto in = open();
  if (!in) return in.error();
  formats::VCardReader reader(**in);
  bool any = false;
  KITH_TRY(import_people(store, options, report, warnings,
                         [&](std::optional<formats::ContactPatch>& patch) -> Result<bool> {
                           formats::VCard card;
                           auto more = reader.next(card);
                           if (!more || !*more) return more;
                           any = true;
                           patch = formats::contact_patch(card, warnings);
                           return true;
                         }));
  if (!any) return Error{Errc::bad_file, "no vCard in it (no BEGIN:VCARD)"};
  return {};
}

Status import_linkedin(Store& store, const ImportSource& open, const ImportOptions& options,
                       ImportReport& report, std::vector<std::string>& warnings) {
  auto in = open();
  if (!in) return in.error();
  formats::LinkedInReader reader(**in);
  return import_people(store, options, report, warnings,
                       [&](std::optional<formats::ContactPatch>& patch) -> Result<bool> {
                         formats::LinkedInConnection row;
                         auto more = reader.next(row);
                         if (!more || !*more) return more;
                         patch = formats::contact_patch(row, warnings);
                         return true;
                       });
}

}  // namespace

std::string_view to_string(ImportFormat format) {
  switch (format) {
    case ImportFormat::vcard: return "vcard";
    case ImportFormat::linkedin: return "linkedin";
    case ImportFormat::json: break;
  }
  return "json";
}

Result<ImportFormat> parse_import_format(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "json") return ImportFormat::json;
  if (t == "vcard" || t == "vcf") return ImportFormat::vcard;
  if (t == "linkedin") return ImportFormat::linkedin;
  return invalid_input("unknown import format '" + std::string(text) +
                       "': expected json, vcard or linkedin");
}

namespace {

// "import of people.vcf: 12 contacts added, 3 updated; 40 interactions added", for the
// journal.
std::string import_summary(std::string_view name, const ImportReport& report) {
  std::string out = "import of " + std::string(name) + ":";
  std::string_view separator = " ";
  auto part = [&](const MergeCounts& counts, std::string_view noun) {
    if (counts.added == 0 && counts.updated == 0) return;
    out += separator;
    out += std::to_string(counts.added + counts.updated) + " " + std::string(noun);
    if (counts.updated > 0) out += " (" + std::to_string(counts.updated) + " updated)";
    separator = ", ";
  };
  part(report.types, "types");
  part(report.contacts, "contacts");
  part(report.interactions, "interactions");
  part(report.reminders, "reminders");
  if (separator == " ") out += " nothing new";
  return out;
}

}  // namespace

Result<ImportReport> import_from(Store& store, std::string_view name, const ImportSource& open,
                                 const ImportOptions& options) {
  ImportReport report;
  std::vector<std::string> warnings;
  auto body = [&]() -> Status {
    report = ImportReport{};
    warnings.clear();
    Status status;
    switch (options.format) {
      case ImportFormat::json: status = import_json(store, open, options, report); break;
      case ImportFormat::vcard:
        status = import_vcard(store, open, options, report, warnings);
        break;
      case ImportFormat::linkedin:
        status = import_linkedin(store, open, options, report, warnings);
        break;
    }
    if (status) store.note_change({"import", import_summary(name, report), options.today});
    return status;
  };
  Status status = options.dry_run ? store.rehearse(body) : store.write(body);
  // A cancel also ends the input early (ImportInput's streams): whatever failed after one
  // failed because of it.
  if (!status && cancel_requested()) return cancelled_error();
  if (!status) return in_file(name, status.error());
  for (const std::string& warning : warnings) {
    if (report.warnings.size() < kMaxWarnings) {
      report.warnings.push_back(std::string(name) + ": " + warning);
    } else {
      ++report.warnings_left_out;
    }
  }
  return report;
}

}  // namespace kith
