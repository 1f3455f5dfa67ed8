// kith sync --calendar DIR [--dry-run]: kith's calendar into a vdir (one .ics per event).
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/output.hpp"
#include "cli/render.hpp"
#include "interop/calendar_sync.hpp"

namespace kith::cli {
namespace {

struct SyncOptions {
  std::string calendar;
  bool dry_run = false;
};

Status run_sync(Context& ctx, const SyncOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  CalendarSyncOptions options;
  options.now = now_timestamp();
  options.dry_run = o.dry_run;
  auto report = sync_calendar(*store, o.calendar, options);
  if (!report) return report.error();
  for (const std::string& warning : report->warnings) {
    write_stderr(fmt::format("kith: warning: {}\n", printable(warning)));
  }
  if (ctx.json) {
    print_json({{"calendar", o.calendar},
                {"dry_run", o.dry_run},
                {"written", report->written},
                {"unchanged", report->unchanged},
                {"removed", report->removed}});
    return {};
  }
  fmt::print("{} {}: {} event{} {}, {} removed, {} unchanged{}\n",
             o.dry_run ? "Dry run: calendar" : "Calendar", printable(o.calendar), report->written,
             report->written == 1 ? "" : "s", o.dry_run ? "to write" : "written", report->removed,
             report->unchanged, o.dry_run ? "; nothing was written." : ".");
  return {};
}

}  // namespace

void add_sync_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<SyncOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("--calendar", options->calendar,
                  "The vdir to keep kith's calendar in: one .ics file per event")
      ->required()
      ->option_text("DIR");
  cmd->add_flag("--dry-run,-n", options->dry_run, "Say what would be written and removed");
  cmd->footer(
      "Each birthday, date, open reminder, promise and booked outreach is one event in its own\n"
      "file, with a stable UID; recurring where the source recurs. Events whose source is done,\n"
      "cancelled or deleted are removed; files that are not kith's are left alone. Run it\n"
      "before vdirsyncer (docs/sync.md), from cron for instance:\n"
      "  kith sync --calendar ~/.calendars/kith && vdirsyncer sync");
  on_chosen(*cmd, options, action, run_sync);
}

}  // namespace kith::cli
