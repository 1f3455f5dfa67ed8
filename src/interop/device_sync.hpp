// kith sync DIR: this database and the other kith databases that share a folder (carried by
// Syncthing, Nextcloud, Dropbox or git) end with the same records (docs/sync.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"
#include "kith/sync.hpp"

namespace kith {

struct DeviceSyncOptions {
  Date today;                      // the journal's day
  std::string device_name;         // this device's name, set at its first sync (the host's)
  std::filesystem::path database;  // never written over
  bool dry_run = false;            // read and compare, write nothing anywhere
};

// A conflict, with what people call the record.
struct ReportedConflict {
  SyncConflict conflict;
  std::string record;       // the contact's name, the interaction's summary...
  std::string kept_device;  // the devices' names
  std::string lost_device;
};

struct DeviceSyncReport {
  std::string device;     // this device's id
  bool first = false;     // its first sync: everything went out
  std::string file;       // the file written, relative to the folder ("" when nothing went out)
  std::int64_t sent = 0;  // records sent
  std::int64_t sent_deleted = 0;     // deletions sent
  std::int64_t added = 0;            // records that came in new
  std::int64_t changed = 0;          // records changed by what came in
  std::int64_t deleted = 0;          // records deleted by what came in
  std::int64_t deferred = 0;         // waiting for a contact another device's file will bring
  std::vector<std::string> devices;  // the other devices whose files were read, by name
  std::vector<ReportedConflict> conflicts;
  std::vector<std::string> warnings;  // files ignored or not whole yet, "PATH: why"
};

// Syncs the database with the folder `dir` (created 0700 when missing; its parent must exist):
// writes what changed here since the last sync (everything, the first time) into a new file of
// its own, "<device>/<number>.kithsync", atomically; then applies every whole file of the other
// devices it has not applied yet, in each device's order, field by field (kith/sync.hpp); then
// removes the contacts deleted elsewhere. The changes it applies are one entry of the journal
// (kith undo), except the removal of contacts, which is final as kith rm is, and leaves no trace:
// this device's own files are rewritten without them.
//
// Files still being written (no trailer), hidden or temporary files, and conflict copies a sync
// tool made are never applied, and a later file of that device waits for them. Errors:
// Errc::bad_file naming the folder or the file (and line) that cannot be read, is damaged or
// comes from a newer kith: nothing is applied then.
Result<DeviceSyncReport> sync_devices(Store& store, const std::filesystem::path& dir,
                                      const DeviceSyncOptions& options);

}  // namespace kith
