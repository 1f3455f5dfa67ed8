// kith sync --contacts DIR: kith's contacts kept two-way in a vdir, one .vcf file per contact,
// for vdirsyncer to carry to a CardDAV server (a phone's address book) or khard to edit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

struct ContactsSyncOptions {
  Date today;            // the day a contact new from the folder is added on; the journal's day
  bool dry_run = false;  // say what would come in and go out; change nothing
};

struct ContactsSyncReport {
  // Into kith, from the folder.
  std::uint64_t added = 0;     // cards new to kith
  std::uint64_t changed = 0;   // contacts a card changed
  std::uint64_t archived = 0;  // contacts whose card was deleted
  // Out to the folder, from kith.
  std::uint64_t written = 0;    // card files added or rewritten
  std::uint64_t removed = 0;    // card files of contacts deleted or archived in kith
  std::uint64_t unchanged = 0;  // cards that already agreed with their contact
  // Fields both sides changed differently: "Ada Lovelace: note (kept the card's, newer)".
  std::vector<std::string> conflicts;
  std::vector<std::string> warnings;  // "FILE: why", for files left alone or values left out
};

// Brings the vdir `dir` (created, 0700, when missing; its parent must exist) and the active
// contacts in line, remembering in the database (Store::vdir_cards) what each card file held
// when kith last wrote or read it:
// - a card file new to kith is matched to a contact (by UID, an earlier import's UID, else an
//   email of a contact without a card there) and merged into it as `kith import` would, or
//   added; the card keeps its file name and its UID exactly as written;
// - a card file changed since (by mtime, size or inode; an unchanged one is not read) is merged
//   field by field with the contact (formats::merge_card: the base is what kith last wrote,
//   and the card's REV decides an edit of one field on both sides);
// - a card file deleted archives its contact (`kith unarchive`, or `kith undo` of the sync,
//   brings it back, and its card with it at the next sync);
// - a contact added (or unarchived) in kith gets a file "<UID>.vcf", its UID the contact's uuid
//   (or a UID it came with); a contact changed in kith is written in place; the card of a
//   contact archived or deleted (kith rm, merge, undo) in kith is removed.
// The contact changes are one write, noted "sync" in the journal, so `kith undo` reverts them;
// what the folder held is not journaled. Files are written atomically, mode 0600. Hidden files,
// files not ending ".vcf" and files over 8 MiB are never read.
// Errors change nothing: Errc::bad_file naming the folder when it cannot be made, read or
// written (checked before anything changes), or naming the file and line of a card that cannot
// be parsed; Errc::storage for the database.
Result<ContactsSyncReport> sync_contacts(Store& store, const std::filesystem::path& dir,
                                         const ContactsSyncOptions& options);

}  // namespace kith
