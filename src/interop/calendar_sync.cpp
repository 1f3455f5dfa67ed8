#include "interop/calendar_sync.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "formats/ics.hpp"
#include "kith/cancel.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOwnSuffix = "@kith";
constexpr std::uintmax_t kMaxEventFile = 1 << 20;  // bigger files are not kith's events

Error cannot(std::string_view what, const fs::path& path, const std::string& why) {
  return Error{Errc::bad_file, "cannot " + std::string(what) + " '" + path.string() + "': " + why};
}

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

// Replaces `path` with `text` atomically: a hidden temporary file in the same folder (which
// vdirsyncer never reads: it is not "*.ics"), mode 0600, renamed over it. Not fsynced: the
// calendar is derived, and a file a crash left short differs from its event, so the next
// sync writes it again.
Status replace_file(const fs::path& path, const std::string& text) {
  fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp");
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return cannot("write", path, std::strerror(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      return cannot("write", path, std::strerror(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return cannot("write", path, std::strerror(error));
  }
  return {};
}

struct Existing {
  fs::path path;
  std::string text;
};

}  // namespace

Result<CalendarSyncReport> sync_calendar(Store& store, const fs::path& dir,
                                         const CalendarSyncOptions& options) {
  CalendarSyncReport report;
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (!exists && !options.dry_run) {
    if (!fs::create_directory(dir, ec) || ec) {
      return cannot("create the calendar folder", dir, ec ? ec.message() : "it exists");
    }
    ::chmod(dir.c_str(), 0700);
  } else if (exists && !fs::is_directory(dir, ec)) {
    return cannot("sync the calendar into", dir, "not a folder");
  }

  // kith's events already there, by UID.
  std::map<std::string, Existing> ours;
  if (exists) {
    fs::directory_iterator it(dir, ec), end;
    if (ec) return cannot("read the calendar folder", dir, ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return cannot("read the calendar folder", dir, ec.message());
      const fs::path& path = it->path();
      std::string name = path.filename().string();
      if (name.starts_with(".") || !name.ends_with(".ics")) continue;
      if (!it->is_regular_file(ec) || it->file_size(ec) > kMaxEventFile) continue;
      std::ifstream in(path, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in && !in.eof()) return cannot("read", path, "read error");
      std::string uid = uid_of(text);
      if (!uid.ends_with(kOwnSuffix)) continue;
      if (ours.count(uid)) {
        report.warnings.push_back(name + ": a second file of event " + uid + "; left alone");
        continue;
      }
      ours[uid] = {path, std::move(text)};
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
      KITH_TRY(replace_file(path, text));
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
    if (!fs::remove(existing.path, ec) && ec) return cannot("remove", existing.path, ec.message());
  }
  return report;
}

}  // namespace kith
