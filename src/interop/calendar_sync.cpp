#include "interop/calendar_sync.hpp"

#include <map>
#include <set>
#include <sstream>

#include "formats/ics.hpp"
#include "interop/vdir.hpp"
#include "kith/cancel.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOwnSuffix = "@kith";
constexpr std::uintmax_t kMaxEventFile = 1 << 20;  // bigger files are not kith's events

// The event's file as kith writes it: one VCALENDAR with the one VEVENT.
std::string event_file(const formats::CalendarEvent& event, const std::string& now) {
  std::ostringstream out;
  formats::IcsWriter writer(out, now);
  writer.add(event);
  writer.finish();
  return std::move(out).str();
}

// The text without its DTSTAMP lines: two files that differ only there hold the same event.
std::string without_stamp(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(start, end - start);
    if (!line.starts_with("DTSTAMP")) out += line;
    start = end;
  }
  return out;
}

// The first UID of an iCalendar text, unfolded; "" when it has none.
std::string uid_of(std::string_view text) {
  std::size_t at = text.starts_with("UID:") ? 0 : text.find("\nUID:");
  if (at == std::string_view::npos) return "";
  if (text[at] == '\n') ++at;
  at += 4;
  std::string uid;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    uid += line;
    at = end + 1;
    if (at >= text.size() || (text[at] != ' ' && text[at] != '\t')) break;
    ++at;  // a folded line goes on after its one space
  }
  return uid;
}

struct Existing {
  fs::path path;
  std::string text;
};

}  // namespace

Result<CalendarSyncReport> sync_calendar(Store& store, const fs::path& dir,
                                         const CalendarSyncOptions& options) {
  CalendarSyncReport report;
  auto exists = vdir::prepare_folder(dir, !options.dry_run, "calendar");
  if (!exists) return exists.error();

  // kith's events already there, by UID.
  std::map<std::string, Existing> ours;
  if (*exists) {
    auto items = vdir::list_items(dir, ".ics", kMaxEventFile, "calendar");
    if (!items) return items.error();
    for (vdir::Item& item : *items) {
      auto text = vdir::read_item(dir / item.name);
      if (!text) return text.error();
      std::string uid = uid_of(*text);
      if (!uid.ends_with(kOwnSuffix)) continue;
      if (ours.count(uid)) {
        report.warnings.push_back(item.name + ": a second file of event " + uid + "; left alone");
        continue;
      }
      ours[uid] = {dir / item.name, std::move(*text)};
    }
  }

  // Every event the database holds now, written where it changed.
  std::set<std::string> current;
  auto put = [&](const std::vector<formats::CalendarEvent>& events) -> Status {
    for (const formats::CalendarEvent& event : events) {
      KITH_TRY(check_cancel());
      current.insert(event.uid);
      std::string text = event_file(event, options.now);
      auto found = ours.find(event.uid);
      if (found != ours.end() && without_stamp(found->second.text) == without_stamp(text)) {
        ++report.unchanged;
        continue;
      }
      ++report.written;
      if (options.dry_run) continue;
      fs::path path = found != ours.end() ? found->second.path : dir / (event.uid + ".ics");
      auto written = vdir::replace_file(path, text);
      if (!written) return written.error();
    }
    return {};
  };
  KITH_TRY(store.read([&]() -> Status {
    KITH_TRY(store.each_reminder(
        true, [&](const ReminderRecord& r) { return put(formats::reminder_events(r)); }));
    return store.each_contact(
        [&](const ContactRecord& r) { return put(formats::occasion_events(r)); });
  }));

  // kith's events whose source is done, cancelled or gone.
  for (const auto& [uid, existing] : ours) {
    if (current.count(uid)) continue;
    ++report.removed;
    if (options.dry_run) continue;
    KITH_TRY(vdir::remove_item(existing.path));
  }
  return report;
}

}  // namespace kith
