#include "interop/contacts_sync.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "formats/card_merge.hpp"
#include "formats/vcard.hpp"
#include "interop/patch_merger.hpp"
#include "interop/vdir.hpp"
#include "kith/cancel.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxCardFile = 8 << 20;  // as a vCard property may be (a photo)

// A file of the folder, with its card when kith reads it this time (new or changed).
struct Seen {
  vdir::Item item;
  std::optional<std::string> text;
  std::optional<formats::ContactPatch> patch;  // nullopt: nothing to name a person by
};

// The one card of a file. Errc::bad_file "line N: ..." when it holds none, several, or one
// that cannot be parsed.
Result<std::optional<formats::ContactPatch>> parse_card(const std::string& text,
                                                        std::vector<std::string>& warnings) {
  std::istringstream in(text);
  formats::VCardReader reader(in);
  formats::VCard card;
  auto first = reader.next(card);
  if (!first) return first.error();
  if (!*first) return Error{Errc::bad_file, "no vCard in it (no BEGIN:VCARD)"};
  formats::VCard extra;
  auto more = reader.next(extra);
  if (!more) return more.error();
  if (*more) {
    return Error{Errc::bad_file, "line " + std::to_string(extra.line) +
                                     ": a second card (a vdir holds one card per file)"};
  }
  return formats::contact_patch(card, warnings);
}

// The card kith writes for a contact.
std::string card_text(const ContactRecord& record, const std::string& uid) {
  std::ostringstream out;
  formats::write_vcard(out, record, {uid, record.contact.updated_at});
  return std::move(out).str();
}

// What a card kith wrote says, read back as a card from the folder is.
formats::ContactPatch patch_of(const std::string& text) {
  std::vector<std::string> ignored;
  auto patch = parse_card(text, ignored);
  return patch && *patch ? std::move(**patch) : formats::ContactPatch{};
}

// A UID as a file name: itself when it is a plain one, else the contact's uuid.
std::string file_for(const std::string& uid, const std::string& uuid) {
  bool plain = !uid.empty() && uid.size() <= 200 && uid.front() != '.' &&
               std::all_of(uid.begin(), uid.end(), [](char c) {
                 return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '@';
               });
  return (plain ? uid : uuid) + ".vcf";
}

class ContactsSync {
 public:
  ContactsSync(Store& store, const fs::path& dir, std::string folder,
               const ContactsSyncOptions& options, ContactsSyncReport& report)
      : store_(store),
        dir_(dir),
        folder_(std::move(folder)),
        options_(options),
        report_(report),
        import_options_{ImportFormat::vcard, options.dry_run, options.today, {}},
        merger_(store, import_options_, import_report_, merge_warnings_, false) {}

  // Reads the folder's new and changed cards: every error before anything changes.
  Status read(std::vector<vdir::Item> items) {
    auto rows = store_.vdir_cards(folder_);
    if (!rows) return rows.error();
    for (VdirCard& row : *rows) rows_.emplace(row.file, std::move(row));
    for (vdir::Item& item : items) {
      KITH_TRY(check_cancel());
      Seen seen{std::move(item), std::nullopt, std::nullopt};
      auto row = rows_.find(seen.item.name);
      const vdir::Stamp known{row == rows_.end() ? -1 : row->second.mtime_ns,
                              row == rows_.end() ? -1 : row->second.size,
                              row == rows_.end() ? -1 : row->second.inode};
      if (row == rows_.end() || !(known == seen.item.stamp)) {
        auto text = vdir::read_item(seen.item.path);
        if (!text) return text.error();
        std::vector<std::string> warnings;
        auto patch = parse_card(*text, warnings);
        if (!patch) {
          return Error{Errc::bad_file, seen.item.path.string() + ": " + patch.error().message};
        }
        for (const std::string& w : warnings) warn(seen.item.name + ": " + w);
        if (!*patch) warn(seen.item.name + ": nothing to name a person by; left alone");
        seen.text = std::move(*text);
        seen.patch = std::move(*patch);
      }
      seen_.emplace(seen.item.name, std::move(seen));
    }
    return {};
  }

  Status run() {
    KITH_TRY(merger_.load_types());
    auto types = store_.types();
    if (!types) return types.error();
    for (const RelationshipType& t : *types) types_.insert(t.name);
    auto stamps = store_.contact_stamps();
    if (!stamps) return stamps.error();
    for (const ContactStamp& s : *stamps) stamps_.emplace(s.id, s);

    for (const auto& [file, row] : rows_) KITH_TRY(known_card(row));
    for (auto& [file, seen] : seen_) {
      if (!rows_.count(file)) KITH_TRY(new_card(seen));
    }
    for (const ContactStamp& s : *stamps) {
      if (!s.archived && !carded_.count(s.id)) KITH_TRY(new_contact(s));
    }
    KITH_TRY(merger_.finish());
    store_.note_change({"sync", summary(), options_.today});
    return {};
  }

 private:
  void warn(std::string text) { report_.warnings.push_back(std::move(text)); }

  const ContactStamp* active(const std::optional<std::int64_t>& id) const {
    if (!id) return nullptr;
    auto it = stamps_.find(*id);
    return it == stamps_.end() || it->second.archived ? nullptr : &it->second;
  }

  Result<ContactRecord> record_of(std::int64_t id) {
    ContactRecord r;
    auto contact = store_.contact(id);
    if (!contact) return contact.error();
    r.contact = std::move(*contact);
    if (r.contact.met_via_id) {
      auto introducer = store_.contact(*r.contact.met_via_id);
      if (introducer) r.met_via_contact = introducer->uuid;
    }
    auto ids = store_.external_ids(id);
    if (!ids) return ids.error();
    r.external_ids = std::move(*ids);
    return r;
  }

  // Writes the card (unless `text` is what the file holds) and remembers it.
  Status put(const std::string& file, const std::string& uid, const ContactRecord& record,
             const std::string& text, const std::optional<std::string>& on_disk,
             vdir::Stamp stamp) {
    if (on_disk && *on_disk == text) {
      ++report_.unchanged;
    } else {
      ++report_.written;
      if (!options_.dry_run) {
        auto written = vdir::replace_file(dir_ / file, text);
        if (!written) return written.error();
        stamp = *written;
      }
    }
    carded_.insert(record.contact.id);
    VdirCard row{file,           uid,        record.contact.id, record.contact.updated_at,
                 stamp.mtime_ns, stamp.size, stamp.inode};
    return store_.put_vdir_card(folder_, row, text);
  }

  Status remove_file(const std::string& file) {
    ++report_.removed;
    if (!options_.dry_run) KITH_TRY(vdir::remove_item(dir_ / file));
    return store_.remove_vdir_card(folder_, file);
  }

  // A card kith wrote or read before.
  Status known_card(const VdirCard& row) {
    KITH_TRY(check_cancel());
    auto seen = seen_.find(row.file);
    const ContactStamp* contact = active(row.contact_id);
    if (seen == seen_.end()) {
      // Deleted in the folder: the contact is archived, never uploaded again.
      if (contact) {
        auto stored = store_.contact(contact->id);
        if (!stored) return stored.error();
        stored->archived = true;
        KITH_TRY(store_.update_contact(*stored));
        stamps_[contact->id].archived = true;
        ++report_.archived;
      }
      return store_.remove_vdir_card(folder_, row.file);
    }
    if (!contact) return remove_file(row.file);  // deleted or archived in kith
    const bool file_changed = seen->second.text.has_value();
    if (!file_changed && contact->updated_at == row.contact_rev) {
      carded_.insert(contact->id);
      ++report_.unchanged;
      return {};
    }
    if (file_changed && !seen->second.patch) {  // a card that names nobody now: left alone
      carded_.insert(contact->id);
      return {};
    }
    auto base_text = store_.vdir_base(folder_, row.file);
    if (!base_text) return base_text.error();
    auto record = record_of(contact->id);
    if (!record) return record.error();
    const std::string uid = row.uid.value_or(record->contact.uuid);
    const formats::ContactPatch base = patch_of(base_text->value_or(""));
    const formats::ContactPatch kith = patch_of(card_text(*record, uid));
    const formats::ContactPatch& card = file_changed ? *seen->second.patch : base;
    const std::string& updated = record->contact.updated_at;
    const bool card_newer = card.rev && *card.rev > updated.substr(0, 19) + ".000Z";
    formats::CardMerge merge = formats::merge_card(base, card, kith, card_newer);
    for (const std::string& field : merge.conflicts) {
      report_.conflicts.push_back(record->contact.name + ": " + field + " (kept " +
                                  (card_newer ? "the card's, newer)" : "kith's, newer)"));
    }
    std::erase_if(merge.merged.types, [&](const std::string& type) {
      if (types_.count(type)) return false;
      warn(row.file + ": unknown type '" + type + "'; left out");
      return true;
    });
    Contact merged = record->contact;
    if (formats::assign(merge.merged, merged)) {
      if (merged.met_via != record->contact.met_via) merged.met_via_id.reset();
      KITH_TRY(store_.update_contact(merged));
      ++report_.changed;
      auto again = record_of(contact->id);
      if (!again) return again.error();
      record = std::move(again);
    }
    const std::optional<std::string>& on_disk = file_changed ? seen->second.text : *base_text;
    return put(row.file, uid, *record, card_text(*record, uid), on_disk, seen->second.item.stamp);
  }

  // A card file kith has not seen before.
  Status new_card(Seen& seen) {
    KITH_TRY(check_cancel());
    if (!seen.patch) return {};
    formats::ContactPatch& patch = *seen.patch;
    if (patch.uid && uids_.count(*patch.uid)) {
      warn(seen.item.name + ": a second card with UID " + *patch.uid + "; left alone");
      return {};
    }
    auto found = merger_.find(patch);
    if (!found) return found.error();
    if (*found && carded_.count(**found)) {
      if (merger_.found_by_key()) {
        warn(seen.item.name + ": a second card of a contact that has one; left alone");
        return {};
      }
      *found = std::nullopt;  // an email of someone else's card: another person
    }
    patch.archived = false;  // on the phone again: active
    const std::uint64_t added = import_report_.contacts.added;
    const std::uint64_t updated = import_report_.contacts.updated;
    auto id = merger_.merge_into(patch, *found);
    if (!id) return id.error();
    report_.added += import_report_.contacts.added - added;
    report_.changed += import_report_.contacts.updated - updated;
    auto record = record_of(*id);
    if (!record) return record.error();
    stamps_[*id] = {*id, record->contact.uuid, record->contact.updated_at, false};
    const std::string uid = patch.uid.value_or(record->contact.uuid);
    uids_.insert(uid);
    return put(seen.item.name, uid, *record, card_text(*record, uid), seen.text, seen.item.stamp);
  }

  // An active contact without a card in the folder.
  Status new_contact(const ContactStamp& stamp) {
    KITH_TRY(check_cancel());
    auto record = record_of(stamp.id);
    if (!record) return record.error();
    std::string uid = record->contact.uuid;
    for (const ExternalId& id : record->external_ids) {
      if (id.source == ExternalSource::vcard && !uids_.count(id.id)) {
        uid = id.id;  // the UID it came with from another address book
        break;
      }
    }
    std::string file = file_for(uid, record->contact.uuid);
    if (seen_.count(file) || rows_.count(file)) file = record->contact.uuid + ".vcf";
    if (seen_.count(file) || rows_.count(file)) {
      warn(file + ": another card has this contact's file name; " + record->contact.name +
           " not written");
      return {};
    }
    uids_.insert(uid);
    return put(file, uid, *record, card_text(*record, uid), std::nullopt, {});
  }

  std::string summary() const {
    return "sync of contacts with " + dir_.string() + ": " + std::to_string(report_.added) +
           " added, " + std::to_string(report_.changed) + " changed, " +
           std::to_string(report_.archived) + " archived";
  }

  Store& store_;
  fs::path dir_;
  std::string folder_;
  const ContactsSyncOptions& options_;
  ContactsSyncReport& report_;
  ImportOptions import_options_;
  ImportReport import_report_;
  std::vector<std::string> merge_warnings_;
  PatchMerger merger_;
  std::map<std::string, VdirCard> rows_;  // by file name
  std::map<std::string, Seen> seen_;      // the folder's cards, by file name
  std::unordered_map<std::int64_t, ContactStamp> stamps_;
  std::set<std::string> types_;
  std::set<std::int64_t> carded_;  // contacts with a card in the folder, as of now
  std::set<std::string> uids_;     // UIDs of cards new this time
};

}  // namespace

Result<ContactsSyncReport> sync_contacts(Store& store, const fs::path& dir,
                                         const ContactsSyncOptions& options) {
  auto exists = vdir::prepare_folder(dir, !options.dry_run, "contacts");
  if (!exists) return exists.error();
  if (*exists && !options.dry_run) KITH_TRY(vdir::check_writable(dir));
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return vdir::cannot("read the contacts folder", dir, ec.message());
  std::vector<vdir::Item> items;
  if (*exists) {
    auto listed = vdir::list_items(dir, ".vcf", kMaxCardFile, "contacts");
    if (!listed) return listed.error();
    items = std::move(*listed);
  }
  ContactsSyncReport report;
  auto body = [&]() -> Status {
    report = ContactsSyncReport{};
    ContactsSync sync(store, dir, absolute.string(), options, report);
    KITH_TRY(sync.read(std::move(items)));
    return sync.run();
  };
  Status status = options.dry_run ? store.rehearse(body) : store.write(body);
  if (!status) return status.error();
  return report;
}

}  // namespace kith
