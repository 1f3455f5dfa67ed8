// kith import FILE|- [--format json|vcard|linkedin] [--dry-run]: merge a kith export, an
// address book or LinkedIn connections into the database, all or nothing.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/output.hpp"
#include "cli/render.hpp"
#include "interop/import.hpp"
#include "interop/import_input.hpp"

namespace kith::cli {
namespace {

struct ImportCliOptions {
  std::string file;
  std::optional<std::string> format;
  bool dry_run = false;
};

Result<ImportFormat> chosen_format(const ImportCliOptions& o) {
  if (o.format) return parse_import_format(*o.format);
  return guess_import_format(o.file);
}

// Where a pipe or standard input is copied before an import reads it: $TMPDIR, else /tmp.
std::filesystem::path spool_folder() {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
  return ec ? std::filesystem::path("/tmp") : folder;
}

// Shows "records read" on stderr while an import takes more than a moment, only when
// stderr is a terminal; clears the line when done.
class ProgressLine {
 public:
  explicit ProgressLine(std::string file)
      : file_(std::move(file)), terminal_(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressLine() {
    if (shown_) write_stderr("\r\x1b[K");
  }
  void operator()(std::uint64_t records, std::uint64_t total) {
    using namespace std::chrono;
    if (!terminal_) return;
    auto now = steady_clock::now();
    if (now - start_ < milliseconds(500) || now - last_ < milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    if (total > 0) {
      write_stderr(fmt::format("\rkith: importing {}: {} of {} records ({}%)", file_, records,
                               total, records * 100 / total));
    } else {
      write_stderr(fmt::format("\rkith: importing {}: {} records read", file_, records));
    }
  }

 private:
  std::string file_;
  bool terminal_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

Json counts_json(const MergeCounts& c) {
  return {{"added", c.added}, {"updated", c.updated}, {"skipped", c.skipped}};
}

Status run_import(Context& ctx, const ImportCliOptions& o) {
  // A folder is a vdir of vCards (kith sync --contacts's, khard's, vdirsyncer's).
  std::error_code ec;
  const bool folder = o.file != kStandardInput && std::filesystem::is_directory(o.file, ec);
  auto given =
      o.format ? parse_import_format(*o.format) : Result<ImportFormat>(ImportFormat::vcard);
  if (folder && (!given || *given != ImportFormat::vcard)) {
    return invalid_input("a folder is imported as vCards, one or more per .vcf file: --format " +
                         *o.format + " cannot read '" + o.file + "' (see 'kith import --help')");
  }
  auto format = folder ? Result<ImportFormat>(ImportFormat::vcard) : chosen_format(o);
  if (!format) return format.error();
  // The whole input first: no database or writers' lock is held while a pipe is still
  // coming. Declared before the store, so that it is closed after it.
  std::optional<ImportInput> input;
  if (!folder) {
    auto opened = ImportInput::open(o.file, spool_folder(), ctx.db_path);
    if (!opened) return opened.error();
    input = std::move(*opened);
  }
  const std::string name = input ? input->name() : o.file;
  // A dry run writes nothing, not even a new database file.
  auto store = ctx.open(o.dry_run ? Store::Access::read : Store::Access::write);
  if (!store) return store.error();

  ImportOptions options;
  options.format = *format;
  options.dry_run = o.dry_run;
  options.today = ctx.today;
  ProgressLine progress(printable(name));
  options.progress = [&](std::uint64_t records, std::uint64_t total) { progress(records, total); };
  auto report = input ? import_from(*store, name, input->source(), options)
                      : import_folder(*store, o.file, options);
  if (!report) return report.error();

  for (const std::string& warning : report->warnings) {
    write_stderr(fmt::format("kith: warning: {}\n", printable(warning)));
  }
  if (report->warnings_left_out > 0) {
    write_stderr(fmt::format("kith: warning: and {} more\n", report->warnings_left_out));
  }
  if (ctx.json) {
    Json out;
    out["file"] = o.file;
    out["format"] = std::string(to_string(*format));
    out["dry_run"] = o.dry_run;
    out["types"] = counts_json(report->types);
    out["contacts"] = counts_json(report->contacts);
    out["interactions"] = counts_json(report->interactions);
    out["reminders"] = counts_json(report->reminders);
    out["goals"] = counts_json(report->goals);
    out["links"] = counts_json(report->links);
    out["warnings"] = report->warnings;
    out["warnings_left_out"] = report->warnings_left_out;
    out["possible_duplicates"] = report->possible_duplicates;
    print_json(out);
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"RECORDS"},
               {"ADDED", Table::Align::right},
               {"UPDATED", Table::Align::right},
               {*format == ImportFormat::json ? "SKIPPED" : "UNCHANGED", Table::Align::right}});
  auto row = [&](std::string_view kind, const MergeCounts& c) {
    table.add({{std::string(kind)},
               {std::to_string(c.added)},
               {std::to_string(c.updated)},
               {std::to_string(c.skipped), Paint::dim}});
  };
  if (*format == ImportFormat::json) row("types", report->types);
  row("contacts", report->contacts);
  if (*format == ImportFormat::json) {
    row("interactions", report->interactions);
    row("reminders", report->reminders);
    const MergeCounts& g = report->goals;
    if (g.added + g.updated + g.skipped > 0) row("goals", g);
    const MergeCounts& links = report->links;  // a file without links has no row for them
    if (links.added + links.updated + links.skipped > 0) row("links", links);
  }
  fmt::print("{} {} ({}){}\n", o.dry_run ? "Dry run: would import" : "Imported", printable(name),
             to_string(*format), o.dry_run ? "; nothing was written." : ".");
  fmt::print("{}", table.render(paint));
  if (report->possible_duplicates > 0) {
    const bool one = report->possible_duplicates == 1;
    fmt::print("{} {} added {} a name several contacts have: 'kith dupes' lists {}.\n",
               report->possible_duplicates, one ? "person" : "people", one ? "has" : "have",
               one ? "it" : "them");
  }
  return {};
}

}  // namespace

void add_import_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ImportCliOptions>();
  CLI::App* cmd = &command;
  cmd->add_option(
         "file", options->file,
         "The file to import; - for standard input (pipes and FIFOs work as files); a folder: "
         "its .vcf files (a vdir)")
      ->required()
      ->option_text("FILE");
  cmd->add_option("--format,-f", options->format,
                  "json (a kith export), vcard (an address book), linkedin (LinkedIn's "
                  "Connections.csv); default: by extension (.vcf, .csv), else json (and for -)")
      ->option_text("FORMAT");
  cmd->add_flag("--dry-run,-n", options->dry_run,
                "Say what would be added, updated and skipped; write nothing");
  cmd->footer(
      "All or nothing: a file with any invalid record changes nothing. kith JSON merges by\n"
      "uuid and keeps the newer record; importing it twice changes nothing. vCard and\n"
      "LinkedIn update the contacts they recognise (by UID, profile URL or email).\n"
      "Examples:\n  kith import backup.json --dry-run\n  kith import contacts.vcf\n"
      "  kith import Connections.csv --format linkedin\n"
      "  curl -s https://example.com/contacts.vcf | kith import - --format vcard");
  on_chosen(*cmd, options, action, run_import);
}

}  // namespace kith::cli
