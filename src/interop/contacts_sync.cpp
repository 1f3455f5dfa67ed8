#include "interop/contacts_sync.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

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

// A card file kith reads this time (new or changed): its text and what it says.
struct Changed {
  std::string text;
  std::optional<formats::ContactPatch> patch;  // nullopt: nothing to name a person by
};

// A file of the folder.
struct Seen {
  std::string file;
  vdir::Stamp stamp;
  bool changed = false;  // new to kith, or changed since kith last wrote or read it
};

// The element of `sorted` (by file name) for `file`, or null.
template <class T>
const T* find(const std::vector<T>& sorted, const std::string& file) {
  auto it =
      std::lower_bound(sorted.begin(), sorted.end(), file,
                       [](const T& element, const std::string& f) { return element.file < f; });
  return it != sorted.end() && it->file == file ? &*it : nullptr;
}

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

// True when the card file `on_disk` has the UID `uid` and says what `text` says.
bool says_the_same(const std::string& on_disk, const std::string& text, const std::string& uid) {
  formats::ContactPatch there = patch_of(on_disk);
  return there.uid == uid && formats::same_fields(there, patch_of(text));
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
    rows_ = std::move(*rows);
    auto by_file = [](const auto& a, const auto& b) { return a.file < b.file; };
    std::sort(rows_.begin(), rows_.end(), by_file);
    std::sort(items.begin(), items.end(),
              [](const vdir::Item& a, const vdir::Item& b) { return a.name < b.name; });
    seen_.reserve(items.size());
    for (vdir::Item& item : items) {
      KITH_TRY(check_cancel());
      Seen seen{std::move(item.name), item.stamp};
      const VdirCard* row = find(rows_, seen.file);
      if (!row || !(vdir::Stamp{row->mtime_ns, row->size, row->inode} == seen.stamp)) {
        // Checked now and read again when merged, so that memory holds one card at a time.
        std::vector<std::string> warnings;
        auto card = load(seen.file, warnings);
        if (!card) return card.error();
        for (const std::string& w : warnings) warn(seen.file + ": " + w);
        if (!card->patch) warn(seen.file + ": nothing to name a person by; left alone");
        seen.changed = true;
      }
      seen_.push_back(std::move(seen));
    }
    return {};
  }

  Status run() {
    KITH_TRY(merger_.load_types());
    auto types = store_.types();
    if (!types) return types.error();
    for (const RelationshipType& t : *types) types_.insert(t.name);

    for (const VdirCard& row : rows_) KITH_TRY(known_card(row));
    for (const Seen& seen : seen_) {
      if (!find(rows_, seen.file)) KITH_TRY(new_card(seen));
    }
    auto uncarded = store_.contacts_without_card(folder_);
    if (!uncarded) return uncarded.error();
    for (std::int64_t id : *uncarded) KITH_TRY(new_contact(id));
    KITH_TRY(merger_.finish());
    store_.note_change({"sync", summary(), options_.today});
    return {};
  }

 private:
  void warn(std::string text) { report_.warnings.push_back(std::move(text)); }

  // The card file's text and what it says. Errc::bad_file "PATH: line N: ..." when it cannot
  // be read or parsed.
  Result<Changed> load(const std::string& file, std::vector<std::string>& warnings) {
    const fs::path path = dir_ / file;
    auto text = vdir::read_item(path);
    if (!text) return text.error();
    auto patch = parse_card(*text, warnings);
    if (!patch) return Error{Errc::bad_file, path.string() + ": " + patch.error().message};
    return Changed{std::move(*text), std::move(*patch)};
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

  // Writes the card `text` (unless the file says the same already: then its own text stays,
  // with its formatting) and remembers what the file holds.
  Status put(const std::string& file, const std::string& uid, const ContactRecord& record,
             std::string text, const std::string* on_disk, vdir::Stamp stamp) {
    if (on_disk && (*on_disk == text || says_the_same(*on_disk, text, uid))) {
      text = *on_disk;
      ++report_.unchanged;
    } else {
      ++report_.written;
      if (!options_.dry_run) {
        auto written = vdir::replace_file(dir_ / file, text);
        if (!written) return written.error();
        stamp = *written;
      }
    }
    return store_.put_vdir_card(folder_, file, {uid, text}, record.contact.id, stamp.mtime_ns,
                                stamp.size, stamp.inode);
  }

  Status remove_file(const std::string& file) {
    ++report_.removed;
    if (!options_.dry_run) KITH_TRY(vdir::remove_item(dir_ / file));
    return store_.remove_vdir_card(folder_, file);
  }

  // A card kith wrote or read before.
  Status known_card(const VdirCard& row) {
    KITH_TRY(check_cancel());
    const Seen* seen = find(seen_, row.file);
    if (!seen) {
      // Deleted in the folder: the contact is archived, never uploaded again.
      if (row.contact_active) {
        auto stored = store_.contact(*row.contact_id);
        if (!stored) return stored.error();
        stored->archived = true;
        KITH_TRY(store_.update_contact(*stored));
        ++report_.archived;
      }
      return store_.remove_vdir_card(folder_, row.file);
    }
    if (!row.contact_active) return remove_file(row.file);  // deleted or archived in kith
    if (!seen->changed && row.contact_unchanged) {
      ++report_.unchanged;
      return {};
    }
    std::optional<Changed> changed;
    if (seen->changed) {
      std::vector<std::string> warned_already;
      auto card = load(row.file, warned_already);
      if (!card) return card.error();
      if (!card->patch) return {};  // a card that names nobody now: left alone
      changed = std::move(*card);
    }
    auto base = store_.vdir_base(folder_, row.file);
    if (!base) return base.error();
    auto record = record_of(*row.contact_id);
    if (!record) return record.error();
    const std::string uid = *base ? (*base)->uid : record->contact.uuid;
    const std::string base_text = *base ? (*base)->text : "";
    const formats::ContactPatch base_patch = patch_of(base_text);
    const formats::ContactPatch kith = patch_of(card_text(*record, uid));
    const formats::ContactPatch& card = changed ? *changed->patch : base_patch;
    const std::string& updated = record->contact.updated_at;
    const bool card_newer = card.rev && *card.rev > updated.substr(0, 19) + ".000Z";
    formats::CardMerge merge = formats::merge_card(base_patch, card, kith, card_newer);
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
      auto again = record_of(*row.contact_id);
      if (!again) return again.error();
      record = std::move(again);
    }
    return put(row.file, uid, *record, card_text(*record, uid),
               changed ? &changed->text : &base_text, seen->stamp);
  }

  // A card file kith has not seen before.
  Status new_card(const Seen& seen) {
    const std::string& file = seen.file;
    KITH_TRY(check_cancel());
    std::vector<std::string> warned_already;
    auto card = load(file, warned_already);
    if (!card) return card.error();
    Changed& changed = *card;
    if (!changed.patch) return {};
    formats::ContactPatch& patch = *changed.patch;
    auto found = merger_.find(patch);
    if (!found) return found.error();
    if (*found) {
      auto has = store_.has_vdir_card(folder_, **found);
      if (!has) return has.error();
      bool has_card = *has;
      if (has_card && merger_.found_by_key()) {
        warn(file + ": a second card of a contact that has one; left alone");
        return {};
      }
      if (has_card) *found = std::nullopt;  // an email of someone else's card: another person
    }
    patch.archived = false;  // on the phone again: active
    const std::uint64_t added = import_report_.contacts.added;
    const std::uint64_t updated = import_report_.contacts.updated;
    auto id = merger_.merge_into(patch, *found);
    if (!id) return id.error();
    for (std::string& w : merge_warnings_) warn(file + ": " + w);  // an unknown type
    merge_warnings_.clear();
    report_.added += import_report_.contacts.added - added;
    report_.changed += import_report_.contacts.updated - updated;
    auto record = record_of(*id);
    if (!record) return record.error();
    const std::string uid = patch.uid.value_or(record->contact.uuid);
    return put(file, uid, *record, card_text(*record, uid), &changed.text, seen.stamp);
  }

  // An active contact without a card in the folder.
  Status new_contact(std::int64_t id) {
    KITH_TRY(check_cancel());
    auto record = record_of(id);
    if (!record) return record.error();
    std::string uid = record->contact.uuid;
    for (const ExternalId& external : record->external_ids) {
      if (external.source == ExternalSource::vcard) {
        uid = external.id;  // the UID it came with from another address book
        break;
      }
    }
    std::string file = file_for(uid, record->contact.uuid);
    auto taken = [&](const std::string& name) { return find(seen_, name) || find(rows_, name); };
    if (taken(file)) file = record->contact.uuid + ".vcf";
    if (taken(file)) {
      warn(file + ": another card has this contact's file name; " + record->contact.name +
           " not written");
      return {};
    }
    return put(file, uid, *record, card_text(*record, uid), nullptr, {});
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
  std::vector<VdirCard> rows_;  // the cards kith knows, sorted by file name
  std::vector<Seen> seen_;      // the folder's cards, sorted by file name
  std::set<std::string> types_;
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
