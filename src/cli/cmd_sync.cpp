// kith sync --calendar DIR [--dry-run]: kith's calendar into a vdir (one .ics per event).
// kith sync --contacts DIR [--dry-run]: contacts two-way with a vdir (one .vcf per contact).
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/output.hpp"
#include "cli/render.hpp"
#include "interop/calendar_sync.hpp"
#include "interop/contacts_sync.hpp"

namespace kith::cli {
namespace {

struct SyncOptions {
  std::string calendar;
  std::string contacts;
  bool dry_run = false;
};

void print_warnings(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    write_stderr(fmt::format("kith: warning: {}\n", printable(warning)));
  }
}

Status run_contacts_sync(Context& ctx, const SyncOptions& o) {
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  ContactsSyncOptions options;
  options.today = ctx.today;
  options.dry_run = o.dry_run;
  auto report = sync_contacts(*store, o.contacts, options);
  if (!report) return report.error();
  print_warnings(report->warnings);
  for (const std::string& conflict : report->conflicts) {
    write_stderr(fmt::format("kith: edited on both sides: {}\n", printable(conflict)));
  }
  if (ctx.json) {
    print_json({{"contacts", o.contacts},
                {"dry_run", o.dry_run},
                {"added", report->added},
                {"changed", report->changed},
                {"archived", report->archived},
                {"written", report->written},
                {"removed", report->removed},
                {"unchanged", report->unchanged},
                {"conflicts", report->conflicts}});
    return {};
  }
  fmt::print(
      "{} {}: {} added, {} changed, {} archived in kith; {} card{} {}, {} removed; {} "
      "unchanged{}\n",
      o.dry_run ? "Dry run: contacts" : "Contacts", printable(o.contacts), report->added,
      report->changed, report->archived, report->written, report->written == 1 ? "" : "s",
      o.dry_run ? "to write" : "written", report->removed, report->unchanged,
      o.dry_run ? "; nothing was changed." : ".");
  return {};
}

Status run_sync(Context& ctx, const SyncOptions& o) {
  if (o.calendar.empty() == o.contacts.empty()) {
    return invalid_input(
        "give one of --contacts DIR and --calendar DIR, one sync at a time "
        "(see 'kith sync --help')");
  }
  if (!o.contacts.empty()) return run_contacts_sync(ctx, o);
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  CalendarSyncOptions options;
  options.now = now_timestamp();
  options.dry_run = o.dry_run;
  auto report = sync_calendar(*store, o.calendar, options);
  if (!report) return report.error();
  print_warnings(report->warnings);
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
      ->option_text("DIR");
  cmd->add_option("--contacts", options->contacts,
                  "The vdir to keep kith's contacts in, two-way: one .vcf file per contact")
      ->option_text("DIR");
  cmd->add_flag("--dry-run,-n", options->dry_run,
                "Say what would come in and be written and removed; change nothing");
  cmd->footer(
      "Each birthday, date, open reminder, promise and booked outreach is one event in its own\n"
      "file, with a stable UID; recurring where the source recurs. Events whose source is done,\n"
      "cancelled or deleted are removed; files that are not kith's are left alone. Run it\n"
      "before vdirsyncer (docs/sync.md), from cron for instance:\n"
      "  kith sync --calendar ~/.calendars/kith && vdirsyncer sync\n"
      "With --contacts, cards added, changed and deleted in the folder come in (a deleted card\n"
      "archives its contact), and contacts added, changed, archived and deleted in kith go\n"
      "out. A field edited on both sides keeps the newer edit. 'kith undo' reverts what a\n"
      "sync changed in kith.");
  on_chosen(*cmd, options, action, run_sync);
}

}  // namespace kith::cli
