// kith export [--format json|vcard|ics|csv] [-o FILE]: everything as kith JSON, contacts as
// vCard or CSV, reminders and yearly dates as an iCalendar.
#include <fmt/core.h>

#include <iostream>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "interop/export.hpp"

namespace kith::cli {
namespace {

struct ExportCliOptions {
  std::optional<std::string> format;
  std::optional<std::string> output;
};

// The format: --format, else the output file's extension, else json.
Result<ExportFormat> chosen_format(const ExportCliOptions& o) {
  if (o.format) return parse_export_format(*o.format);
  if (o.output) {
    std::string ext = std::filesystem::path(*o.output).extension().string();
    if (ext == ".vcf" || ext == ".vcard") return ExportFormat::vcard;
    if (ext == ".ics") return ExportFormat::ics;
    if (ext == ".csv") return ExportFormat::csv;
  }
  return ExportFormat::json;
}

std::string what_was_written(ExportFormat format, const ExportCounts& n) {
  auto count = [](std::uint64_t k, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", k, k == 1 ? one : many);
  };
  switch (format) {
    case ExportFormat::json: {
      std::vector<std::string> parts{count(n.types, "type", "types"),
                                     count(n.contacts, "contact", "contacts"),
                                     count(n.interactions, "interaction", "interactions"),
                                     count(n.reminders, "reminder", "reminders")};
      if (n.goals) parts.push_back(count(n.goals, "goal", "goals"));
      if (n.links > 0) parts.push_back(count(n.links, "link", "links"));  // who knows whom
      return join_people(parts);
    }
    case ExportFormat::ics:
      return fmt::format("{} ({} and the yearly dates of {})", count(n.events, "event", "events"),
                         count(n.reminders, "reminder", "reminders"),
                         count(n.contacts, "person", "people"));
    case ExportFormat::vcard:
    case ExportFormat::csv: break;
  }
  return count(n.contacts, "contact", "contacts");
}

Status run_export(Context& ctx, const ExportCliOptions& o) {
  auto format = chosen_format(o);
  if (!format) return format.error();
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  if (o.output) note_missing(ctx, *store);
  ExportOptions options;
  options.format = *format;
  options.now = now_timestamp();
  options.today = ctx.today;

  if (!o.output) {
    auto written = export_to_stream(*store, std::cout, options);
    if (!written) return written.error();
    return {};
  }
  std::filesystem::path path(*o.output);
  auto written = export_to_file(*store, path, ctx.db_path, options);
  if (!written) return written.error();
  if (ctx.json) {
    Json out;
    out["file"] = path.string();
    out["format"] = std::string(to_string(*format));
    out["types"] = written->types;
    out["contacts"] = written->contacts;
    out["interactions"] = written->interactions;
    out["reminders"] = written->reminders;
    out["goals"] = written->goals;
    out["links"] = written->links;
    out["events"] = written->events;
    print_json(out);
    return {};
  }
  fmt::print("Exported {} to {} ({}).\n", what_was_written(*format, *written),
             printable(path.string()), to_string(*format));
  return {};
}

}  // namespace

void add_export_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ExportCliOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("--format,-f", options->format,
                  "json (everything, the default), vcard (contacts), ics (reminders, birthdays "
                  "and dates as a calendar), csv (a contact table); default: the extension of "
                  "-o FILE, else json")
      ->option_text("FORMAT");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (atomically, mode 0600; a FIFO or device directly) instead of "
                  "standard output; never kith's own database or the files beside it")
      ->option_text("FILE");
  cmd->footer(
      "Examples:\n  kith export -o backup.json\n  kith export --format vcard > contacts.vcf\n"
      "  kith export -o kith.ics");
  on_chosen(*cmd, options, action, run_export);
}

}  // namespace kith::cli
