// kith sync DIR (device_sync.hpp): the folder, the files, and the order things happen in.
#include "interop/device_sync.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <system_error>

#include "formats/sync_file.hpp"
#include "interop/output_file.hpp"
#include "kith/contact.hpp"

namespace kith {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kExtension = ".kithsync";
constexpr std::size_t kDeviceIdLength = 16;
// Files to apply at least this large go in through Store::bulk: about 4,000 records.
constexpr std::uintmax_t kBulkBytes = 1 << 20;

std::string new_device_id() {
  std::random_device random;
  std::uniform_int_distribution<int> digit(0, 15);
  std::string id;
  for (std::size_t i = 0; i < kDeviceIdLength; ++i) id += "0123456789abcdef"[digit(random)];
  return id;
}

bool is_device_id(std::string_view name) {
  return name.size() == kDeviceIdLength && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string file_name(std::int64_t number) {
  std::string digits = std::to_string(number);
  return std::string(8 - std::min<std::size_t>(8, digits.size()), '0') + digits +
         std::string(kExtension);
}

// The number of a device file, "00000007.kithsync"; nullopt for any other name.
std::optional<std::int64_t> file_number(std::string_view name) {
  if (!name.ends_with(kExtension)) return std::nullopt;
  name.remove_suffix(kExtension.size());
  if (name.size() < 8) return std::nullopt;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  if (ec != std::errc{} || end != name.data() + name.size() || n <= 0) return std::nullopt;
  return n;
}

// What sync tools leave beside the files they carry: their temporary files (Syncthing's
// ".syncthing.NAME.tmp", hidden ones, "~" and ".tmp" names) and conflict copies (Syncthing's
// "NAME.sync-conflict-DATE-TIME-ID.EXT", Dropbox's "NAME (X's conflicted copy DATE).EXT",
// Nextcloud's "NAME (conflicted copy DATE).EXT").
bool is_conflict_copy(std::string_view name) {
  return name.find(".sync-conflict-") != std::string_view::npos ||
         name.find("conflicted copy") != std::string_view::npos ||
         name.find("(conflict") != std::string_view::npos;
}
bool is_temporary(std::string_view name) {
  return name.starts_with('.') || name.starts_with('~') || name.ends_with('~') ||
         name.ends_with(".tmp") || name.ends_with(".part");
}

Error folder_error(const fs::path& path, const std::error_code& ec) {
  return Error{Errc::bad_file, "cannot use sync folder '" + path.string() + "': " + ec.message()};
}

// The device files of one folder, by number; the rest is reported or skipped.
Result<std::map<std::int64_t, fs::path>> device_files(const fs::path& dir,
                                                      std::vector<std::string>& warnings) {
  std::map<std::int64_t, fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_temporary(name)) continue;
    if (auto n = file_number(name); n && it->is_regular_file(ec)) {
      files[*n] = it->path();
    } else if (is_conflict_copy(name)) {
      warnings.push_back(it->path().string() +
                         ": a sync tool's conflict copy, ignored (two databases write as one "
                         "device: see docs/sync.md)");
    } else {
      warnings.push_back(it->path().string() + ": not a kith sync file, ignored");
    }
  }
  if (ec) return folder_error(dir, ec);
  return files;
}

// Whether a device file is whole: a header naming its device and number, and a trailer that
// counts its lines. A file still being carried or written is not (yet).
struct Whole {
  bool whole = false;
  std::string why;
  std::string device_name;
};
Result<Whole> check_whole(const fs::path& path, std::string_view device, std::int64_t number) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{Errc::bad_file, "cannot read '" + path.string() + "'"};
  std::string line;
  std::string first;
  std::string last;
  std::int64_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    if (lines == 1) first = line;
    last = std::move(line);
  }
  if (in.bad()) return Error{Errc::bad_file, "cannot read '" + path.string() + "'"};
  Whole w;
  if (lines < 2) {
    w.why = "not whole yet";
    return w;
  }
  auto header = parse_sync_line(first);
  if (!header) {
    return Error{Errc::bad_file,
                 "sync file '" + path.string() + "' line 1: " + header.error().message};
  }
  const auto* h = std::get_if<SyncFileHeader>(&*header);
  if (!h || h->device != device || h->file != number) {
    return Error{Errc::bad_file, "sync file '" + path.string() +
                                     "': its header does not name its device and number"};
  }
  w.device_name = h->name;
  auto trailer = parse_sync_line(last);
  const SyncFileEnd* e = trailer ? std::get_if<SyncFileEnd>(&*trailer) : nullptr;
  if (!e) {
    w.why = "not whole yet";
    return w;
  }
  if (e->file != number || e->lines != lines - 2) {
    return Error{Errc::bad_file,
                 "sync file '" + path.string() + "': its trailer does not match its lines"};
  }
  w.whole = true;
  return w;
}

class Sync {
 public:
  Sync(Store& store, const fs::path& dir, const DeviceSyncOptions& options)
      : store_(store), dir_(dir), options_(options) {}

  Result<DeviceSyncReport> run();

 private:
  Status send();
  Status send_line(const SyncLine& line);
  Status apply_peers();
  Status apply_file(const fs::path& path);
  // Applies one line; deferred lines are kept when `keep_deferred`.
  Result<SyncApplied::Outcome> apply_line(const std::string& text, const SyncLine& line);
  Status apply_deletion(const SyncDeletion& d);
  Status retry_deferred();
  Status remove_deleted_contacts();
  Status purge_own_files();
  std::string device_name(const std::string& id) const;

  Store& store_;
  fs::path dir_;
  const DeviceSyncOptions& options_;
  DeviceSyncReport report_;
  SyncDevice device_;
  std::unique_ptr<OutputFile> out_;
  std::int64_t out_lines_ = 0;
  std::int64_t out_number_ = 0;
  std::set<std::string> deleted_;             // uuids deleted by this sync, either way
  std::map<std::string, std::string> names_;  // device id -> name
  std::vector<std::pair<std::string, std::int64_t>> applied_;  // peer positions to store
  std::map<std::string, std::int64_t> peer_applied_;
};

std::string Sync::device_name(const std::string& id) const {
  if (id == device_.id) return device_.name;
  if (auto it = names_.find(id); it != names_.end() && !it->second.empty()) return it->second;
  return id.empty() ? "before syncing" : id;
}

Status Sync::send_line(const SyncLine& line) {
  if (options_.dry_run) return {};
  if (!out_) {
    // This device's next file: after every file of its own in the folder.
    const fs::path own = dir_ / device_.id;
    std::error_code ec;
    fs::create_directory(own, ec);
    if (ec) return folder_error(own, ec);
    fs::permissions(own, fs::perms::owner_all, ec);
    std::vector<std::string> ignored;
    auto files = device_files(own, ignored);
    if (!files) return files.error();
    out_number_ = files->empty() ? 1 : files->rbegin()->first + 1;
    auto out = OutputFile::open(own / file_name(out_number_), options_.database);
    if (!out) return out.error();
    out_ = std::move(*out);
    out_->stream() << sync_line(SyncFileHeader{kSyncFormat, device_.id, device_.name, out_number_})
                   << '\n';
  }
  out_->stream() << sync_line(line) << '\n';
  ++out_lines_;
  return {};
}

Status Sync::send() {
  auto device = store_.sync_device();
  if (!device) return device.error();
  if (!*device) {
    device_ = {new_device_id(), options_.device_name, 0};
    KITH_TRY(store_.join_sync(device_));
    report_.first = true;
  } else {
    device_ = **device;
  }
  report_.device = device_.id;
  // Each edit is stamped with the time it was made (SyncChange), not the time of the sync.
  std::int64_t clock = device_.clock;

  if (report_.first) {
    // Everything this database holds, with the least stamps: what it held before it met the
    // others.
    for (SyncKind kind : {SyncKind::type, SyncKind::contact, SyncKind::interaction,
                          SyncKind::reminder, SyncKind::goal, SyncKind::link}) {
      KITH_TRY(store_.each_sync_uuid(kind, [&](const std::string& uuid) -> Status {
        auto record = store_.sync_record(kind, uuid);
        if (!record) return record.error();
        if (!*record) return {};
        ++report_.sent;
        return send_line(std::move(**record));
      }));
    }
  } else {
    std::vector<SyncDeletion> deletions;  // sent last, after the records they may merge into
    KITH_TRY(store_.each_sync_change([&](const SyncChange& change) -> Status {
      auto record = store_.sync_record(change.kind, change.uuid);
      if (!record) return record.error();
      if (!*record) {
        if (!change.deleted && !change.created) return {};
        SyncDeletion d{change.kind, change.uuid, {}, std::nullopt};
        clock = tick(clock, change.created_at);
        d.stamp = {clock, device_.id};
        if (change.kind == SyncKind::contact) {
          // Merged into another contact (kith merge): the uuid lives on as its alias.
          auto into = store_.contact_id_by_uuid(change.uuid);
          if (!into) return into.error();
          if (*into) {
            auto keep = store_.contact(**into);
            if (!keep) return keep.error();
            d.merged_into = keep->uuid;
          }
        }
        deletions.push_back(std::move(d));
        return {};
      }
      SyncRecord& r = **record;
      if (change.created) {
        clock = tick(clock, change.created_at);
        r.created = Stamp{clock, device_.id};
        KITH_TRY(store_.forget_tombstone(r.uuid));  // made again after its deletion
      } else {
        for (const SyncChange::Edit& e : change.edits) {
          clock = tick(clock, e.at);
          const Stamp stamp{clock, device_.id};
          if (e.elem.empty()) {
            auto it = r.fields.find(e.field);
            if (it == r.fields.end()) continue;
            r.bases[e.field] = it->second.stamp;
            it->second.stamp = stamp;
          } else {
            r.sets[e.field][e.elem].stamp = stamp;  // a removed element is added as removed
          }
          KITH_TRY(store_.set_sync_stamp(r.uuid, e.field, e.elem, stamp));
        }
      }
      ++report_.sent;
      return send_line(r);
    }));
    for (const SyncDeletion& d : deletions) {
      if (!d.merged_into) deleted_.insert(d.uuid);
      KITH_TRY(store_.add_tombstone(d));
      ++report_.sent_deleted;
      KITH_TRY(send_line(d));
    }
  }
  KITH_TRY(store_.clear_sync_changes());
  device_.clock = clock;
  KITH_TRY(store_.set_sync_clock(clock));
  if (out_) {
    out_->stream() << sync_line(SyncFileEnd{out_number_, out_lines_}) << '\n';
    KITH_TRY(out_->commit());
    report_.file = (fs::path(device_.id) / file_name(out_number_)).string();
    out_.reset();
  }
  return {};
}

Result<SyncApplied::Outcome> Sync::apply_line(const std::string& text, const SyncLine& line) {
  if (const auto* d = std::get_if<SyncDeletion>(&line)) {
    device_.clock = std::max(device_.clock, d->stamp.clock);
    KITH_TRY(apply_deletion(*d));
    return SyncApplied::Outcome::deleted;
  }
  const auto* r = std::get_if<SyncRecord>(&line);
  if (!r) return SyncApplied::Outcome::unchanged;
  for (const auto& [_, v] : r->fields) device_.clock = std::max(device_.clock, v.stamp.clock);
  for (const auto& [_, set] : r->sets)
    for (const auto& [__, v] : set) device_.clock = std::max(device_.clock, v.stamp.clock);
  auto applied = store_.apply_sync_record(*r, device_.id);
  if (!applied) return applied.error();
  for (SyncConflict& c : applied->conflicts) {
    ReportedConflict rc;
    rc.kept_device = device_name(c.kept_stamp.device);
    rc.lost_device = device_name(c.lost_stamp.device);
    if (rc.kept_device == rc.lost_device) {  // two machines of one name: tell them apart
      rc.kept_device += " (" + c.kept_stamp.device.substr(0, 6) + ")";
      rc.lost_device += " (" + c.lost_stamp.device.substr(0, 6) + ")";
    }
    auto now = store_.sync_record(c.kind, c.uuid);
    if (now && *now) {
      const auto& f = (*now)->fields;
      for (const char* label : {"name", "summary", "text"}) {
        if (auto it = f.find(label); it != f.end() && it->second.value) {
          rc.record = *it->second.value;
          break;
        }
      }
    }
    if (rc.record.empty()) rc.record = c.uuid;
    rc.conflict = std::move(c);
    report_.conflicts.push_back(std::move(rc));
  }
  switch (applied->outcome) {
    case SyncApplied::Outcome::added: ++report_.added; break;
    case SyncApplied::Outcome::changed: ++report_.changed; break;
    case SyncApplied::Outcome::deferred:
      ++report_.deferred;
      KITH_TRY(store_.defer_sync_line(text));
      break;
    default: break;
  }
  return applied->outcome;
}

Status Sync::apply_deletion(const SyncDeletion& d) {
  auto known = store_.tombstone(d.uuid);
  if (!known) return known.error();
  if (*known) return {};
  if (d.kind == SyncKind::contact && d.merged_into) {
    auto other = store_.sync_local_id(SyncKind::contact, d.uuid);
    if (!other) return other.error();
    auto keep = store_.contact_id_by_uuid(*d.merged_into);
    if (!keep) return keep.error();
    if (*other && *keep && **keep != **other) {
      // Merged on another device: merged here too, so that what only this device knew of the
      // merged contact (an interaction logged before the sync) follows it.
      auto kept = store_.contact(**keep);
      if (!kept) return kept.error();
      auto gone = store_.contact(**other);
      if (!gone) return gone.error();
      Contact merged = merged_contact(*kept, *gone);
      merged.id = kept->id;
      KITH_TRY(store_.merge_contacts(merged, *gone));
      ++report_.changed;
      return {};
    }
  }
  auto had = store_.apply_sync_deletion(d);
  if (!had) return had.error();
  deleted_.insert(d.uuid);
  if (*had) ++report_.deleted;
  return {};
}

Status Sync::apply_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{Errc::bad_file, "cannot read '" + path.string() + "'"};
  std::string text;
  std::int64_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    auto line = parse_sync_line(text);
    if (!line) {
      return Error{Errc::bad_file, "sync file '" + path.string() + "' line " +
                                       std::to_string(number) + ": " + line.error().message};
    }
    auto outcome = apply_line(text, *line);
    if (!outcome) return outcome.error();
  }
  if (in.bad()) return Error{Errc::bad_file, "cannot read '" + path.string() + "'"};
  return {};
}

Status Sync::retry_deferred() {
  return store_.each_deferred_sync_line([&](std::int64_t id, const std::string& text) -> Status {
    auto line = parse_sync_line(text);
    KITH_TRY(store_.drop_deferred_sync_line(id));
    if (!line) return {};  // checked when it came in; a newer kith's line is dropped
    auto outcome = apply_line(text, *line);  // kept again when still waiting
    if (!outcome) return outcome.error();
    return {};
  });
}

Status Sync::apply_peers() {
  auto applied = store_.sync_applied();
  if (!applied) return applied.error();
  peer_applied_ = std::move(*applied);

  std::error_code ec;
  std::vector<fs::path> peers;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_temporary(name) || name == device_.id) continue;
    std::error_code type_ec;
    if (is_device_id(name) && it->is_directory(type_ec)) {
      peers.push_back(it->path());
    } else if (!name.starts_with('.')) {
      report_.warnings.push_back(it->path().string() + ": not a kith device folder, ignored");
    }
  }
  if (ec) return folder_error(dir_, ec);
  std::sort(peers.begin(), peers.end());

  // What to apply: each device's whole files after the last one applied, in order, up to the
  // first that is missing or not whole yet.
  struct Due {
    std::string device;
    std::string name;
    std::vector<std::pair<std::int64_t, fs::path>> files;
  };
  std::vector<Due> due;
  std::uintmax_t bytes = 0;
  for (const fs::path& peer : peers) {
    Due d{peer.filename().string(), "", {}};
    auto files = device_files(peer, report_.warnings);
    if (!files) return files.error();
    std::int64_t done = peer_applied_.count(d.device) ? peer_applied_[d.device] : 0;
    for (const auto& [number, path] : *files) {
      if (number <= done) continue;
      if (number != done + 1) {
        report_.warnings.push_back(peer.string() + ": waiting for file " + file_name(done + 1));
        break;
      }
      auto whole = check_whole(path, d.device, number);
      if (!whole) return whole.error();
      if (!whole->whole) {
        report_.warnings.push_back(path.string() + ": " + whole->why + ", left for later");
        break;
      }
      d.name = whole->device_name;
      names_[d.device] = d.name;
      d.files.emplace_back(number, path);
      bytes += fs::file_size(path, ec);
      done = number;
    }
    if (!d.files.empty()) due.push_back(std::move(d));
  }

  auto apply_all = [&]() -> Status {
    KITH_TRY(retry_deferred());
    for (const Due& d : due) {
      for (const auto& [number, path] : d.files) KITH_TRY(apply_file(path));
      report_.devices.push_back(d.name.empty() ? d.device : d.name);
      KITH_TRY(store_.set_sync_applied(d.device, d.name, d.files.back().first));
    }
    report_.deferred = 0;  // what is still waiting once everything came in
    return retry_deferred();
  };
  // What comes in is not news to send back; a large load (a device's first sync) goes in bulk,
  // as a large import does.
  KITH_TRY(store_.record_sync_changes(false));
  KITH_TRY(bytes >= kBulkBytes ? store_.bulk(apply_all) : apply_all());
  return store_.record_sync_changes(true);
}

Status Sync::remove_deleted_contacts() {
  auto ids = store_.tombstoned_contacts();
  if (!ids) return ids.error();
  // Deleted elsewhere: not news to send back (sent again, stamped now, it could outrank a later
  // kith redo on the device that deleted it).
  KITH_TRY(store_.record_sync_changes(false));
  for (std::int64_t id : *ids) {
    auto forgotten = store_.forget_person(id);
    if (!forgotten) return forgotten.error();
    KITH_TRY(store_.remove_contact(id));
  }
  KITH_TRY(store_.record_sync_changes(true));
  if (!ids->empty()) {
    store_.note_change({.command = "sync", .summary = "", .day = options_.today, .final = true});
  }
  return {};
}

// This device's files rewritten without the lines about records deleted since: kith rm leaves
// no trace, in the folder either. Other devices do the same with theirs when the deletion
// reaches them.
Status Sync::purge_own_files() {
  if (deleted_.empty() || options_.dry_run) return {};
  std::vector<std::string> ignored;
  const fs::path own = dir_ / device_.id;
  std::error_code ec;
  if (!fs::is_directory(own, ec)) return {};
  auto files = device_files(own, ignored);
  if (!files) return files.error();
  for (const auto& [number, path] : *files) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> kept;
    std::string text;
    bool dropped = false;
    while (std::getline(in, text)) {
      auto line = parse_sync_line(text);
      if (line) {
        const std::string* uuid = nullptr;
        if (const auto* r = std::get_if<SyncRecord>(&*line)) uuid = &r->uuid;
        if (uuid && deleted_.contains(*uuid)) {
          dropped = true;
          continue;
        }
      }
      kept.push_back(std::move(text));
    }
    if (!dropped) continue;
    // The trailer counts the lines that are left.
    auto out = OutputFile::open(path, options_.database);
    if (!out) return out.error();
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (i + 1 == kept.size()) {
        out.value()->stream() << sync_line(SyncFileEnd{number,
                                                       static_cast<std::int64_t>(kept.size()) - 2})
                              << '\n';
      } else {
        out.value()->stream() << kept[i] << '\n';
      }
    }
    KITH_TRY(out.value()->commit());
  }
  return {};
}

Result<DeviceSyncReport> Sync::run() {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) {
    if (options_.dry_run || fs::exists(dir_, ec)) {
      return Error{Errc::bad_file, "cannot use sync folder '" + dir_.string() + "': " +
                                       (fs::exists(dir_, ec) ? "not a folder" : "no such folder")};
    }
    fs::create_directory(dir_, ec);
    if (ec) return folder_error(dir_, ec);
    fs::permissions(dir_, fs::perms::owner_all, ec);
  }
  auto body = [&]() -> Status {
    KITH_TRY(send());
    KITH_TRY(apply_peers());
    // What applying wrote is not news to send back.
    KITH_TRY(store_.clear_sync_changes());
    KITH_TRY(store_.set_sync_clock(device_.clock));
    std::string summary = "sync with " + dir_.string();
    store_.note_change({.command = "sync", .summary = summary, .day = options_.today});
    return {};
  };
  if (options_.dry_run) {
    KITH_TRY(store_.rehearse([&]() -> Status { return body(); }));
    return report_;
  }
  KITH_TRY(store_.write(body));
  KITH_TRY(store_.write([&] { return remove_deleted_contacts(); }));
  KITH_TRY(purge_own_files());
  return report_;
}

}  // namespace

Result<DeviceSyncReport> sync_devices(Store& store, const fs::path& dir,
                                      const DeviceSyncOptions& options) {
  return Sync(store, dir, options).run();
}

}  // namespace kith
