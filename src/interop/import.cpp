#include "interop/import.hpp"

#include <algorithm>
#include <memory>
#include <sstream>

#include "formats/contact_patch.hpp"
#include "formats/kith_json.hpp"
#include "formats/linkedin.hpp"
#include "formats/vcard.hpp"
#include "interop/patch_merger.hpp"
#include "interop/vdir.hpp"
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
    passes = {{Section::types, Section::contacts, Section::interactions, Section::reminders,
               Section::goals, Section::links}};
  } else {
    passes = {{Section::types},
              {Section::contacts},
              {Section::interactions, Section::reminders, Section::goals, Section::links}};
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
  all.goal = [&](GoalRecord& r) -> Status {
    std::vector<std::pair<std::int64_t, std::string>> people;
    for (const GoalRecord::Person& p : r.people) {
      auto id = known_contact(store, p.contact, "person");
      if (!id) return id.error();
      if (*id) people.emplace_back(**id, p.role);
    }
    return tally(store.merge_goal(r, people), report.goals, progress);
  };
  all.link = [&](LinkRecord& r) -> Status {
    auto a = known_contact(store, r.a, "person");
    if (!a) return a.error();
    auto b = known_contact(store, r.b, "person");
    if (!b) return b.error();
    // Someone not here, or two people merged into one here: nothing to link.
    if (!*a || !*b || **a == **b) return tally(Merge::skipped, report.links, progress);
    return tally(store.merge_link(r, **a, **b), report.links, progress);
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
      if (wants(Section::goals)) handlers.goal = all.goal;
      if (wants(Section::links)) handlers.link = all.link;
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
    if (patch) {
      auto merged = merger.merge(*patch);
      if (!merged) return merged.error();
    }
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

// The cards of every .vcf file of a vdir, file by file; an error names the file.
Status import_vcard_folder(Store& store, const std::filesystem::path& dir,
                           const ImportOptions& options, ImportReport& report,
                           std::vector<std::string>& warnings) {
  auto items = vdir::list_items(dir, ".vcf", formats::VCardReader::kMaxProperty, "vCard");
  if (!items) return items.error();
  std::sort(items->begin(), items->end(),
            [](const vdir::Item& a, const vdir::Item& b) { return a.name < b.name; });
  std::size_t next_file = 0;
  std::string file;
  std::unique_ptr<std::istringstream> in;
  std::unique_ptr<formats::VCardReader> reader;
  std::size_t cards = 0;
  KITH_TRY(import_people(store, options, report, warnings,
                         [&](std::optional<formats::ContactPatch>& patch) -> Result<bool> {
                           formats::VCard card;
                           while (true) {
                             if (reader) {
                               std::vector<std::string> card_warnings;
                               auto more = reader->next(card);
                               if (!more)
                                 return Error{Errc::bad_file, file + ": " + more.error().message};
                               if (*more) {
                                 ++cards;
                                 patch = formats::contact_patch(card, card_warnings);
                                 for (std::string& w : card_warnings)
                                   warnings.push_back(file + ": " + w);
                                 return true;
                               }
                             }
                             if (next_file == items->size()) return false;
                             file = (*items)[next_file++].name;
                             auto text = vdir::read_item(dir / file);
                             if (!text) return text.error();
                             in = std::make_unique<std::istringstream>(std::move(*text));
                             reader = std::make_unique<formats::VCardReader>(*in);
                           }
                         }));
  if (cards == 0) return Error{Errc::bad_file, "no vCard in it (no .vcf file with a card)"};
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
  part(report.goals, "goals");
  part(report.links, "links");
  if (separator == " ") out += " nothing new";
  return out;
}

// Runs `merge` (what one format does) as one import: one transaction (rolled back for a dry
// run), one journal entry, errors and warnings named by `name`.
Result<ImportReport> run_import(
    Store& store, std::string_view name, const ImportOptions& options,
    const std::function<Status(ImportReport&, std::vector<std::string>&)>& merge) {
  ImportReport report;
  std::vector<std::string> warnings;
  auto body = [&]() -> Status {
    report = ImportReport{};
    warnings.clear();
    Status status = merge(report, warnings);
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

}  // namespace

Result<ImportReport> import_from(Store& store, std::string_view name, const ImportSource& open,
                                 const ImportOptions& options) {
  return run_import(store, name, options,
                    [&](ImportReport& report, std::vector<std::string>& warnings) -> Status {
                      switch (options.format) {
                        case ImportFormat::json: return import_json(store, open, options, report);
                        case ImportFormat::vcard:
                          return import_vcard(store, open, options, report, warnings);
                        case ImportFormat::linkedin:
                          return import_linkedin(store, open, options, report, warnings);
                      }
                      return Status{};
                    });
}

Result<ImportReport> import_folder(Store& store, const std::filesystem::path& dir,
                                   const ImportOptions& options) {
  return run_import(store, dir.string(), options,
                    [&](ImportReport& report, std::vector<std::string>& warnings) {
                      return import_vcard_folder(store, dir, options, report, warnings);
                    });
}

}  // namespace kith
