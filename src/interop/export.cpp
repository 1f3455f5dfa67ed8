#include "interop/export.hpp"

#include <streambuf>

#include "formats/csv.hpp"
#include "formats/ics.hpp"
#include "formats/kith_json.hpp"
#include "formats/vcard.hpp"
#include "interop/output_file.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// Stops a stream early once it fails (a full disk): no point reading on.
Status writable(const std::ostream& out) {
  if (!out) return Error{Errc::bad_file, "cannot write the export"};
  return {};
}

// Passes bytes on to another stream buffer, counting them.
class Counting : public std::streambuf {
 public:
  explicit Counting(std::streambuf* sink) : sink_(sink) {}
  std::uint64_t count() const { return count_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (traits_type::eq_int_type(sink_->sputc(traits_type::to_char_type(c)), traits_type::eof())) {
      return traits_type::eof();
    }
    ++count_;
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize put = sink_->sputn(s, n);
    if (put > 0) count_ += static_cast<std::uint64_t>(put);
    return put;
  }
  int sync() override { return sink_->pubsync(); }

 private:
  std::streambuf* sink_;
  std::uint64_t count_ = 0;
};

Status export_json(Store& store, std::ostream& out, const ExportOptions& options,
                   ExportCounts& counts) {
  formats::KithJsonWriter writer(out, options.now);
  KITH_TRY(store.each_type([&](const TypeRecord& r) {
    writer.add(r);
    ++counts.types;
    return writable(out);
  }));
  KITH_TRY(store.each_contact([&](const ContactRecord& r) {
    writer.add(r);
    ++counts.contacts;
    return writable(out);
  }));
  KITH_TRY(store.each_interaction([&](const InteractionRecord& r) {
    writer.add(r);
    ++counts.interactions;
    return writable(out);
  }));
  KITH_TRY(store.each_reminder(false, [&](const ReminderRecord& r) {
    writer.add(r);
    ++counts.reminders;
    return writable(out);
  }));
  KITH_TRY(store.each_goal([&](const GoalRecord& r) {
    writer.add(r);
    ++counts.goals;
    return writable(out);
  }));
  KITH_TRY(store.each_link([&](const LinkRecord& r) {
    writer.add(r);
    ++counts.links;
    return writable(out);
  }));
  writer.finish();
  return {};
}

Status export_vcard(Store& store, std::ostream& out, ExportCounts& counts) {
  return store.each_contact([&](const ContactRecord& r) {
    formats::write_vcard(out, r);
    ++counts.contacts;
    return writable(out);
  });
}

Status export_ics(Store& store, std::ostream& out, const ExportOptions& options,
                  ExportCounts& counts) {
  formats::IcsWriter writer(out, options.now);
  auto add = [&](const std::vector<formats::CalendarEvent>& events) {
    for (const auto& e : events) writer.add(e);
    counts.events += events.size();
    return writable(out);
  };
  KITH_TRY(store.each_reminder(true, [&](const ReminderRecord& r) {
    auto events = formats::reminder_events(r);  // none for an agenda topic
    if (!events.empty()) ++counts.reminders;
    return add(events);
  }));
  KITH_TRY(store.each_contact([&](const ContactRecord& r) {
    auto events = formats::occasion_events(r);
    if (!events.empty()) ++counts.contacts;
    return add(events);
  }));
  writer.finish();
  return {};
}

Status export_csv(Store& store, std::ostream& out, const ExportOptions& options,
                  ExportCounts& counts) {
  auto types = store.types();
  if (!types) return types.error();
  formats::write_csv_row(out, formats::contacts_csv_header());
  return store.each_contact([&](const ContactRecord& r) {
    formats::write_csv_row(
        out,
        formats::contact_csv_row(r.contact, effective_cadence(r.contact, *types), options.today));
    ++counts.contacts;
    return writable(out);
  });
}

}  // namespace

std::string_view to_string(ExportFormat format) {
  switch (format) {
    case ExportFormat::vcard: return "vcard";
    case ExportFormat::ics: return "ics";
    case ExportFormat::csv: return "csv";
    case ExportFormat::json: break;
  }
  return "json";
}

Result<ExportFormat> parse_export_format(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "json") return ExportFormat::json;
  if (t == "vcard" || t == "vcf") return ExportFormat::vcard;
  if (t == "ics" || t == "ical" || t == "icalendar") return ExportFormat::ics;
  if (t == "csv") return ExportFormat::csv;
  return invalid_input("unknown export format '" + std::string(text) +
                       "': expected json, vcard, ics or csv");
}

Result<ExportCounts> export_to(Store& store, std::ostream& out, const ExportOptions& options) {
  ExportCounts counts;
  // One snapshot for the whole document: its records refer to each other.
  KITH_TRY(store.read([&]() -> Status {
    switch (options.format) {
      case ExportFormat::json: return export_json(store, out, options, counts);
      case ExportFormat::vcard: return export_vcard(store, out, counts);
      case ExportFormat::ics: return export_ics(store, out, options, counts);
      case ExportFormat::csv: return export_csv(store, out, options, counts);
    }
    return Status{};
  }));
  out.flush();
  KITH_TRY(writable(out));
  return counts;
}

Result<ExportCounts> export_to_stream(Store& store, std::ostream& out,
                                      const ExportOptions& options) {
  Counting counting(out.rdbuf());
  std::ostream counted(&counting);
  auto counts = export_to(store, counted, options);
  out.flush();
  if (counts || counting.count() == 0) return counts;
  return Error{counts.error().code, "the export is incomplete: " + counts.error().message};
}

Result<ExportCounts> export_to_file(Store& store, const std::filesystem::path& target,
                                    const std::filesystem::path& database,
                                    const ExportOptions& options) {
  auto file = OutputFile::open(target, database);
  if (!file) return file.error();
  auto counts = export_to(store, (*file)->stream(), options);
  if (!counts) {
    if (counts.error().code != Errc::bad_file) return counts.error();
    KITH_TRY((*file)->commit());  // refuses the failed stream, naming the file and the reason
    return Error{Errc::bad_file, "cannot write '" + target.string() + "'"};
  }
  KITH_TRY((*file)->commit());
  return counts;
}

}  // namespace kith
