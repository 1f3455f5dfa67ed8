// kith sync DIR [--dry-run]: this database and the other kith databases sharing a folder.
// kith sync --calendar DIR [--dry-run]: kith's calendar into a vdir (one .ics per event).
// kith sync --contacts DIR [--dry-run]: contacts two-way with a vdir (one .vcf per contact).
#include <fmt/core.h>
#include <unistd.h>

#include <ctime>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/output.hpp"
#include "cli/render.hpp"
#include "interop/calendar_sync.hpp"
#include "interop/contacts_sync.hpp"
#include "interop/device_sync.hpp"

namespace kith::cli {
namespace {

struct SyncOptions {
  std::string folder;
  std::string calendar;
  std::string contacts;
  bool dry_run = false;
};

void print_warnings(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    write_stderr(fmt::format("kith: warning: {}\n", printable(warning)));
  }
}

// The fields whose values are a person's own words: a conflict names them, never shows them.
bool private_field(const std::string& field) {
  return field == "note" || field == "learn" || field == "offer" || field == "summary" ||
         field == "text" || field == "met_via";
}

std::string when(const Stamp& stamp) {
  if (stamp.clock == 0) return "before syncing";
  const std::time_t seconds = static_cast<std::time_t>(wall_of(stamp.clock) / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string shown(const std::optional<std::string>& value) {
  return value ? "'" + printable(*value) + "'" : "nothing";
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "kith";
  return name;
}

Status run_device_sync(Context& ctx, const SyncOptions& o) {
  auto store = ctx.open(o.dry_run ? Store::Access::read : Store::Access::write);
  if (!store) return store.error();
  DeviceSyncOptions options;
  options.today = ctx.today;
  options.device_name = host_name();
  options.database = ctx.db_path;
  options.dry_run = o.dry_run;
  auto report = sync_devices(*store, o.folder, options);
  if (!report) return report.error();
  print_warnings(report->warnings);
  if (ctx.json) {
    nlohmann::json conflicts = nlohmann::json::array();
    for (const ReportedConflict& c : report->conflicts) {
      conflicts.push_back({{"kind", to_string(c.conflict.kind)},
                           {"uuid", c.conflict.uuid},
                           {"record", c.record},
                           {"field", c.conflict.field},
                           {"kept", c.conflict.kept ? nlohmann::json(*c.conflict.kept) : nullptr},
                           {"kept_device", c.kept_device},
                           {"lost", c.conflict.lost ? nlohmann::json(*c.conflict.lost) : nullptr},
                           {"lost_device", c.lost_device}});
    }
    print_json({{"folder", o.folder},
                {"device", report->device},
                {"first", report->first},
                {"dry_run", o.dry_run},
                {"file", report->file},
                {"sent", report->sent},
                {"sent_deleted", report->sent_deleted},
                {"added", report->added},
                {"changed", report->changed},
                {"deleted", report->deleted},
                {"deferred", report->deferred},
                {"devices", report->devices},
                {"conflicts", std::move(conflicts)}});
    return {};
  }
  const auto plural = [](std::int64_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string out = o.dry_run ? "Dry run: " : "";
  out += fmt::format(
      "{} {}{}", o.dry_run ? "would send" : "Sent", plural(report->sent, "record", "records"),
      report->sent_deleted
          ? fmt::format(" and {}", plural(report->sent_deleted, "deletion", "deletions"))
          : "");
  if (report->first) out += " (this device's first sync)";
  if (report->devices.empty()) {
    out += "; nothing new from other devices";
  } else {
    std::string devices;
    for (const std::string& d : report->devices)
      devices += (devices.empty() ? "" : ", ") + printable(d);
    out += fmt::format("; from {}: {} added, {} changed, {} deleted", devices, report->added,
                       report->changed, report->deleted);
  }
  if (report->deferred) {
    out += fmt::format("; {} waiting for a contact not arrived yet",
                       plural(report->deferred, "record", "records"));
  }
  out += o.dry_run ? ". Nothing was changed.\n" : ".\n";
  fmt::print("{}", out);
  for (const ReportedConflict& c : report->conflicts) {
    const std::string& f = c.conflict.field;
    if (private_field(f)) {
      fmt::print("Conflict: {}, {}: kept the edit from {} ({}) over the one from {} ({}).\n",
                 printable(c.record), f, printable(c.kept_device), when(c.conflict.kept_stamp),
                 printable(c.lost_device), when(c.conflict.lost_stamp));
    } else {
      fmt::print("Conflict: {}, {}: kept {} from {} ({}) over {} from {} ({}).\n",
                 printable(c.record), f, shown(c.conflict.kept), printable(c.kept_device),
                 when(c.conflict.kept_stamp), shown(c.conflict.lost), printable(c.lost_device),
                 when(c.conflict.lost_stamp));
    }
  }
  return {};
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
  const int given = int(!o.folder.empty()) + int(!o.calendar.empty()) + int(!o.contacts.empty());
  if (given != 1) {
    return invalid_input(
        std::string(given == 0 ? "kith sync needs a folder" : "one sync at a time") +
        ": give one of DIR, --contacts DIR and --calendar DIR (see 'kith sync "
        "--help')");
  }
  if (!o.folder.empty()) return run_device_sync(ctx, o);
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
  cmd->add_option("DIR", options->folder,
                  "The folder shared with kith on your other devices (Syncthing, "
                  "Nextcloud, Dropbox, git)");
  cmd->add_option("--calendar", options->calendar,
                  "The vdir to keep kith's calendar in: one .ics file per event")
      ->option_text("DIR");
  cmd->add_option("--contacts", options->contacts,
                  "The vdir to keep kith's contacts in, two-way: one .vcf file per contact")
      ->option_text("DIR");
  cmd->add_flag("--dry-run,-n", options->dry_run,
                "Say what would come in and be written and removed; change nothing");
  cmd->footer(
      "kith sync DIR: each device writes what changed on it into files of its own in DIR and\n"
      "applies the others' files, field by field: the later edit wins, deletions travel. Run\n"
      "it on every device, from cron for instance; see docs/sync.md.\n"
      "kith sync --calendar DIR: each birthday, date, open reminder, promise and booked\n"
      "outreach is one event in its own file, with a stable UID; recurring where the source\n"
      "recurs. Events whose source is done, cancelled or deleted are removed; files that are not\n"
      "kith's are left alone. Run it before vdirsyncer (docs/sync.md), from cron for instance:\n"
      "  kith sync --calendar ~/.calendars/kith && vdirsyncer sync\n"
      "kith sync --contacts DIR: cards added, changed and deleted in the folder come in (a\n"
      "deleted card archives its contact), and contacts added, changed, archived and deleted\n"
      "in kith go out. A field edited on both sides keeps the newer edit. 'kith undo' reverts\n"
      "what a sync changed in kith.");
  on_chosen(*cmd, options, action, run_sync);
}

}  // namespace kith::cli
