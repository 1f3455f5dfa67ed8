// The properties of the file-format targets (properties.hpp): kith JSON import, vCard, CSV.
#include <memory>
#include <sstream>
#include <stdexcept>

#include "formats/contact_patch.hpp"
#include "formats/content_line.hpp"
#include "formats/csv.hpp"
#include "formats/linkedin.hpp"
#include "formats/vcard.hpp"
#include "interop/export.hpp"
#include "interop/import.hpp"
#include "kith/contact.hpp"
#include "kith/store.hpp"
#include "kith/text.hpp"
#include "properties.hpp"

namespace kith::fuzz {
namespace {

// Most records (cards, rows) one input is read for: a small input cannot hold more anyway,
// and a bound keeps each input's cost small.
constexpr int kMaxRecords = 64;

// An error message as the CLI prints it must be one line naming the problem; this is what
// can be checked whatever the input.
bool is_one_line(const std::string& message) {
  return !message.empty() && message.find_first_of("\r\n") == std::string::npos;
}

// --- kith JSON import --------------------------------------------------------------------

// Everything the database holds, as kith's JSON export with a fixed export time: two
// databases with the same dump hold the same records.
std::string dump(Store& store) {
  std::ostringstream out;
  ExportOptions options;
  options.now = "2000-01-01T00:00:00.000Z";
  auto counts = export_to(store, out, options);
  if (!counts) throw std::runtime_error("export failed: " + counts.error().message);
  return out.str();
}

// An in-memory database, made again only after an import changed it: most inputs are not
// kith JSON and cost no database setup.
class ImportFixture {
 public:
  Store& store() {
    if (!store_) {
      auto store = Store::in_memory();
      if (!store) throw std::runtime_error(store.error().message);
      store_ = std::make_unique<Store>(std::move(*store));
      if (empty_dump_.empty()) empty_dump_ = dump(*store_);
    }
    return *store_;
  }
  const std::string& empty_dump() {
    store();
    return empty_dump_;
  }
  void discard() { store_.reset(); }

 private:
  std::unique_ptr<Store> store_;
  std::string empty_dump_;
};

Result<ImportReport> import_bytes(Store& store, const std::string& bytes, bool dry_run) {
  ImportOptions options;
  options.format = ImportFormat::json;
  options.dry_run = dry_run;
  options.today = *Date::from_ymd(2026, 11, 22);
  auto open = [&]() -> Result<std::unique_ptr<std::istream>> {
    return std::unique_ptr<std::istream>(std::make_unique<std::istringstream>(bytes));
  };
  return import_from(store, "fuzz.json", open, options);
}

bool same_counts(const MergeCounts& a, const MergeCounts& b) {
  return a.added == b.added && a.updated == b.updated && a.skipped == b.skipped;
}

bool same_counts(const ImportReport& a, const ImportReport& b) {
  return same_counts(a.types, b.types) && same_counts(a.contacts, b.contacts) &&
         same_counts(a.interactions, b.interactions) && same_counts(a.reminders, b.reminders);
}

bool changes_nothing(const ImportReport& r) {
  for (const MergeCounts* c : {&r.types, &r.contacts, &r.interactions, &r.reminders}) {
    if (c->added != 0 || c->updated != 0) return false;
  }
  return true;
}

std::string check_json_import(std::string_view input) {
  static ImportFixture fixture;
  const std::string bytes(input);
  Store& store = fixture.store();
  const std::string& before = fixture.empty_dump();

  auto rehearsal = import_bytes(store, bytes, true);
  if (dump(store) != before) return "a dry run changed the database";
  auto first = import_bytes(store, bytes, false);
  if (!first) {
    const Error& e = first.error();
    if (e.code != Errc::bad_file)
      return "the import failed with other than a bad file: " + e.message;
    if (!is_one_line(e.message) || e.message.rfind("fuzz.json: ", 0) != 0) {
      return "the import's error is not one line naming the file";
    }
    if (dump(store) != before) return "a failed import changed the database";
    if (rehearsal) return "the dry run succeeded where the import failed";
    if (rehearsal.error().message != e.message) return "the dry run failed differently";
    return "";
  }
  // Whatever happens next, the next input starts from an empty database.
  struct Discard {
    ImportFixture& fixture;
    ~Discard() { fixture.discard(); }
  } discard{fixture};
  if (!rehearsal) return "the dry run failed where the import succeeded";
  if (!same_counts(*rehearsal, *first)) return "the dry run's counts differ from the import's";

  // Idempotence: the same bytes again add and update nothing, and change no record.
  const std::string imported = dump(store);
  auto second = import_bytes(store, bytes, false);
  if (!second) return "importing the same bytes again failed: " + second.error().message;
  if (!changes_nothing(*second)) return "importing the same bytes again added or updated records";
  if (dump(store) != imported) return "importing the same bytes again changed the database";
  return "";
}

// --- vCard -------------------------------------------------------------------------------

bool all_utf8(const std::vector<std::string>& texts) {
  for (const std::string& t : texts) {
    if (!is_valid_utf8(t)) return false;
  }
  return true;
}

bool patch_is_utf8(const formats::ContactPatch& p) {
  for (const std::optional<std::string>* text :
       {&p.org, &p.title, &p.note, &p.learn, &p.offer, &p.met_via, &p.met_via_contact}) {
    if (*text && !is_valid_utf8(**text)) return false;
  }
  for (const ImportantDate& d : p.dates) {
    if (!is_valid_utf8(d.label)) return false;
  }
  for (const ExternalId& id : p.external_ids) {
    if (!is_valid_utf8(id.id)) return false;
  }
  return is_valid_utf8(p.name) && all_utf8(p.uids) && all_utf8(p.emails) && all_utf8(p.phones) &&
         all_utf8(p.tags) && all_utf8(p.types);
}

// The uuid a contact new from a card gets in this round trip.
constexpr std::string_view kRoundTripUuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";

// The contact a card describes, as the importer makes a new one: the first UID that is a
// UUID is its uuid (else a fixed one), other UIDs are kept as external ids.
ContactRecord new_contact(formats::ContactPatch patch) {
  ContactRecord record;
  Contact& c = record.contact;
  for (const std::string& uid : patch.uids) {
    std::string bare = ascii_lower(uid.substr(0, 9)) == "urn:uuid:" ? uid.substr(9) : uid;
    if (c.uuid.empty() && is_uuid(bare)) {
      c.uuid = lowercase_uuid(bare);
    } else if (!(is_uuid(bare) && lowercase_uuid(bare) == c.uuid)) {
      patch.external_ids.push_back({ExternalSource::vcard, uid, std::nullopt});
    }
  }
  if (c.uuid.empty()) c.uuid = kRoundTripUuid;
  formats::apply(patch, c, record.external_ids);
  if (patch.met_via) record.met_via_contact = patch.met_via_contact;
  return record;
}

// "" when every physical line of a vCard ends in CRLF and has at most 75 octets before it.
std::string check_lines(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t lf = text.find('\n', start);
    if (lf == std::string::npos) return "the vCard does not end in CRLF";
    if (lf == start || text[lf - 1] != '\r') return "a vCard line ends in a bare LF";
    std::string_view line(text.data() + start, lf - 1 - start);
    if (line.find('\r') != std::string_view::npos) return "a bare CR inside a vCard line";
    if (line.size() > formats::kFoldOctets) return "a vCard line longer than 75 octets";
    start = lf + 1;
  }
  return "";
}

// A contact as a short text of the fields the vCard writer carries.
std::string describe(const ContactRecord& r) {
  const Contact& c = r.contact;
  std::string out = c.uuid + "|" + c.name + "|" + c.org + "|" + c.title + "|" + c.note + "|" +
                    c.learn + "|" + c.offer + "|" + c.met_via + "|" +
                    r.met_via_contact.value_or("-") + "|" + (c.archived ? "archived" : "") + "|" +
                    (c.every ? c.every->to_string() : "-") + "|" +
                    (c.circle ? std::to_string(*c.circle) : "-") + "|" +
                    (c.birthday ? c.birthday->to_string() : "-") + "|";
  for (const auto* list : {&c.emails, &c.phones, &c.tags, &c.types}) {
    for (const std::string& item : *list) out += item + ",";
    out += "|";
  }
  for (const ImportantDate& d : c.dates) out += d.label + "=" + d.date.to_string() + ",";
  out += "|";
  for (const ExternalId& id : r.external_ids) {
    out += std::string(to_string(id.source)) + " " + id.id + " " +
           (id.since ? id.since->to_string() : "-") + ",";
  }
  return out;
}

std::string check_card_round_trip(const formats::ContactPatch& patch) {
  // The importer leaves out a card whose name is no valid name (a line break, a control
  // character): there is nothing to write back.
  if (!normalize_name(patch.name)) return "";
  ContactRecord record = new_contact(patch);
  std::ostringstream written;
  formats::write_vcard(written, record);
  const std::string text = written.str();
  if (std::string lines = check_lines(text); !lines.empty()) return lines;
  if (!is_valid_utf8(text)) return "the vCard writer wrote invalid UTF-8";

  std::istringstream in(text);
  formats::VCardReader reader(in);
  formats::VCard card;
  auto read = reader.next(card);
  if (!read) return "the written vCard does not read back: " + read.error().message;
  if (!*read) return "the written vCard holds no card";
  std::vector<std::string> warnings;
  auto again = formats::contact_patch(card, warnings);
  if (!again) return "the written vCard has nothing to name the person by";
  if (!warnings.empty()) return "the written vCard reads back with a warning: " + warnings[0];
  if (describe(new_contact(*again)) != describe(record)) {
    return "the written vCard reads back as another person";
  }
  formats::VCard extra;
  auto more = reader.next(extra);
  if (!more || *more) return "the written vCard holds more than one card";
  return "";
}

std::string check_vcard(std::string_view input) {
  std::istringstream in{std::string(input)};
  formats::VCardReader reader(in);
  for (int cards = 0; cards < kMaxRecords; ++cards) {
    formats::VCard card;
    auto more = reader.next(card);
    if (!more) {
      if (more.error().code != Errc::bad_file) return "the vCard reader failed oddly";
      if (!is_one_line(more.error().message)) return "a vCard error is not one line";
      return "";
    }
    if (!*more) return "";
    for (const formats::VCardProperty& p : card.properties) {
      if (!is_valid_utf8(p.value)) return "a vCard value is not UTF-8 after decoding";
    }
    std::vector<std::string> warnings;
    auto patch = formats::contact_patch(card, warnings);
    // A warning may quote a decoded value with its line breaks: the CLI prints every warning
    // through printable(), which makes it one line. What the core owes is the line number.
    for (const std::string& w : warnings) {
      if (w.rfind("line ", 0) != 0) return "a warning without its line";
    }
    if (!patch) continue;
    if (patch->name.empty()) return "a person without a name";
    if (!patch_is_utf8(*patch)) return "what a card says is not UTF-8";
    if (std::string round = check_card_round_trip(*patch); !round.empty()) return round;
  }
  return "";
}

// --- CSV -----------------------------------------------------------------------------------

constexpr char kFieldSeparator = '\x1f';
constexpr char kRecordSeparator = '\x1e';

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string check_csv_reader(std::string_view input) {
  std::istringstream in{std::string(input)};
  formats::CsvReader reader(in);
  std::vector<std::string> fields;
  int last_line = 0;
  for (int records = 0; records < kMaxRecords; ++records) {
    auto more = reader.next(fields);
    if (!more) {
      if (more.error().code != Errc::bad_file) return "the CSV reader failed oddly";
      if (!is_one_line(more.error().message)) return "a CSV error is not one line";
      return "";
    }
    if (!*more) return "";
    if (fields.empty()) return "a CSV record without a field";
    for (const std::string& f : fields) {
      if (f.size() > formats::CsvReader::kMaxField) return "a CSV field over the limit";
    }
    if (reader.line() <= last_line) return "CSV records' lines do not increase";
    last_line = reader.line();
  }
  return "";
}

std::string check_linkedin_reader(std::string_view input) {
  std::istringstream in{std::string(input)};
  formats::LinkedInReader reader(in);
  for (int rows = 0; rows < kMaxRecords; ++rows) {
    formats::LinkedInConnection row;
    auto more = reader.next(row);
    if (!more) {
      if (more.error().code != Errc::bad_file) return "the LinkedIn reader failed oddly";
      if (!is_one_line(more.error().message)) return "a LinkedIn error is not one line";
      return "";
    }
    if (!*more) return "";
    std::vector<std::string> warnings;
    auto patch = formats::contact_patch(row, warnings);
    for (const std::string& w : warnings) {
      if (w.rfind("line ", 0) != 0) return "a LinkedIn warning without its line";
    }
    if (!patch) continue;
    if (!patch_is_utf8(*patch)) return "what a connection says is not UTF-8";
    if (patch->external_ids.size() != 1 || !linkedin_profile(patch->external_ids[0].id)) {
      return "a connection kept without its profile";
    }
  }
  return "";
}

// Writer then reader: every record of fields comes back as it was. CSV text cannot hold a
// NUL byte (the reader takes it for binary data) nor a field over the reader's limit, so the
// fields are cut at the separators from the input without its NULs, up to that limit.
std::string check_csv_round_trip(std::string_view input) {
  std::string text(input.substr(0, formats::CsvReader::kMaxField));
  std::erase(text, '\0');
  std::vector<std::vector<std::string>> records;
  for (const std::string& record : split(text, kRecordSeparator)) {
    records.push_back(split(record, kFieldSeparator));
  }
  std::ostringstream out;
  for (const auto& fields : records) formats::write_csv_row(out, fields);

  std::istringstream in(out.str());
  formats::CsvReader reader(in);
  std::vector<std::string> fields;
  for (const auto& expected : records) {
    auto more = reader.next(fields);
    if (!more) return "written CSV does not read back: " + more.error().message;
    if (!*more) return "written CSV reads back fewer records";
    if (fields != expected) return "written CSV reads back other fields";
  }
  auto more = reader.next(fields);
  if (!more || *more) return "written CSV reads back more records";
  return "";
}

std::string check_csv(std::string_view input) {
  if (std::string r = check_csv_reader(input); !r.empty()) return r;
  if (std::string r = check_linkedin_reader(input); !r.empty()) return r;
  return check_csv_round_trip(input);
}

}  // namespace

std::string json_import_properties(std::string_view input) { return check_json_import(input); }
std::string vcard_properties(std::string_view input) { return check_vcard(input); }
std::string csv_properties(std::string_view input) { return check_csv(input); }

}  // namespace kith::fuzz
