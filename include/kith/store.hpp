// The store: kith's one SQLite database file.
//
// Invariants:
// - The file carries kith's application_id; a file that is not a kith database, is damaged,
//   or was written by a newer kith is refused with Errc::storage and never written to.
// - The schema is brought up to date on open, one migration per transaction, after copying
//   an existing database aside with the SQLite backup API.
// - Every change happens inside write(): one IMMEDIATE transaction, committed only when the
//   body succeeds. Mutating methods called outside write() fail with Errc::internal.
// - A new file and its folder are created 0600/0700 whatever the umask.
//
// Thread-safety: a Store is one connection; use it from one thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/dupes.hpp"
#include "kith/goal.hpp"
#include "kith/interaction.hpp"
#include "kith/journal.hpp"
#include "kith/path.hpp"
#include "kith/plan.hpp"
#include "kith/reconnect.hpp"
#include "kith/records.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"
#include "kith/review.hpp"
#include "kith/status.hpp"
#include "kith/sync.hpp"
#include "kith/urgency.hpp"

namespace kith {

struct ContactQuery {
  std::optional<std::string> type;  // only contacts with this type
  std::optional<std::string> tag;   // only contacts with this tag
  bool archived = false;            // archived contacts instead of active ones
  std::optional<bool> targets;      // only targets (true), only non-targets (false), or both
  // Only contacts whose check-in was due before this day, the longest overdue first (by the
  // maintained summary; by name otherwise).
  std::optional<Date> overdue_on;
  // Otherwise by net balance (given minus received), the most negative first; with
  // `traded_only`, only people with something given or received.
  bool by_balance = false;
  bool traded_only = false;
};

struct HistoryQuery {
  std::optional<std::int64_t> contact_id;  // one person, or everyone
  std::optional<Date> since;               // on or after this day
  int limit = 0;                           // 0 = no limit
};

struct SearchHit {
  enum class Kind { contact, interaction };
  Kind kind = Kind::contact;
  std::int64_t id = 0;      // the contact's or the interaction's id
  std::string name;         // the contact, or the interaction's people joined by ", "
  std::optional<Date> day;  // the interaction's day
  std::string snippet;      // the matching text, matches marked with [ and ]
  double rank = 0;          // lower is better (FTS5 bm25)
};

// A contact's id and name.
struct ContactName {
  std::int64_t id = 0;
  std::string name;
};

// What merging one contact into another moves (Store::merge_reach).
struct MergeReach {
  std::int64_t interactions = 0;  // the interactions it took part in
  std::int64_t shared = 0;        // of which the kept contact took part in too
  std::int64_t reminders = 0;     // its reminders, open or done
  std::int64_t introduced = 0;    // the contacts it introduced
  std::int64_t external_ids = 0;  // vCard UIDs and LinkedIn profiles
  std::int64_t aliases = 0;       // the uuids of contacts merged into it before
  std::int64_t goals = 0;         // the goals it is linked to
  std::int64_t links = 0;         // the people it knows (kith knows), the kept one aside
};

// "A knows B" as kith knows and kith intro record it (the table knows).
struct KnowsLink {
  std::int64_t id = 0;
  std::string uuid;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::string how;  // "" when not said
  Date since;       // the day it was recorded
};

// A type change: each field left empty keeps its value.
struct TypeChange {
  std::optional<std::optional<Duration>> every;  // a value, or nullopt inside to clear it
  std::optional<int> weight;
};

// This database as a sync device (kith sync DIR).
struct SyncDevice {
  std::string id;          // random, made at the first sync
  std::string name;        // for people to read: the host's name
  std::int64_t clock = 0;  // the last clock value it issued or saw (kith/sync.hpp)
};

// What changed in one record since the last sync (Store::each_sync_change).
struct SyncChange {
  SyncKind kind = SyncKind::contact;
  std::string uuid;
  bool created = false;  // added since the last sync
  bool deleted = false;  // deleted since (and not added again)
  struct Edit {
    std::string field;
    std::string elem;     // '' for a plain field
    std::int64_t at = 0;  // wall milliseconds of the edit
  };
  std::vector<Edit> edits;
  std::int64_t created_at = 0;  // wall milliseconds of the add or the deletion
};

// What applying one incoming record did (Store::apply_sync_record).
struct SyncApplied {
  enum class Outcome {
    unchanged,  // this device already had it all, or better
    added,
    changed,
    deleted,   // tombstoned here: dropped
    deferred,  // names a contact this device has not heard of yet
  };
  Outcome outcome = Outcome::unchanged;
  std::vector<SyncConflict> conflicts;
};

// Open reminders for the daily report (Store::due_reminders).
struct DueReminders {
  std::vector<Reminder> reminders;  // the ones it may list, in no particular order
  std::size_t due_total = 0;        // due by today, listed or not
  std::size_t upcoming_total = 0;   // due after today, within the window
};

// A card file of a contacts vdir as kith last wrote or read it (kith sync --contacts; the
// table vdir_cards), with what a sync needs to know of it without reading it whole.
struct VdirCard {
  std::string file;                        // the file name in the folder
  std::optional<std::int64_t> contact_id;  // nullopt once the contact is deleted (kith rm)
  bool contact_active = false;             // the contact exists and is not archived
  bool contact_unchanged = false;          // ... and has not changed since the card was made
  // The file as kith last saw it: the same three mean an unchanged file.
  std::int64_t mtime_ns = 0;
  std::int64_t size = 0;
  std::int64_t inode = 0;
};

// What a card file held when kith last wrote or read it.
struct VdirBase {
  std::string uid;   // the card's UID as written
  std::string text;  // the card
};

class Store {
 public:
  enum class Access {
    // A missing (or empty) file is not created: an empty in-memory database stands in. All
    // queries through the Store see one snapshot, the database as of the first of them,
    // however many other kith processes write meanwhile. write() is not available.
    read,
    write,  // a missing file is created with its folder
    // As write for an existing database; a missing (or empty) file is not created: an empty
    // in-memory database stands in as for read, and missing() is true. For a command that
    // writes only what it finds in the database (kith plan --save).
    write_existing,
  };

  // Opens (and, for Access::write only, creates) the database at `path` and migrates it.
  // Errc::storage naming the path and the reason on any failure; the file is left as it was.
  static Result<Store> open(const std::filesystem::path& path, Access access);
  // A new, empty database at the latest schema that lives in memory and ends with the
  // Store; writable, set up as open() sets up a file. For tests and fuzzing, where a file
  // per case would cost more than the case. Errc::storage if SQLite fails.
  static Result<Store> in_memory();

  // The connection and its prepared statements (src/core/store_impl.hpp); internal.
  struct Impl;

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // True when the file did not exist (or was empty) and an in-memory database stood in for it
  // (Access::read and Access::write_existing).
  bool missing() const;
  // The newest schema level this kith knows.
  static int latest_schema_level();

  // Runs `body` in one IMMEDIATE transaction; commits when it returns ok, else rolls back
  // and returns its error. Errc::storage when the database stays locked past the timeout.
  // REQUIRES: opened with Access::write (else Errc::internal).
  Status write(const std::function<Status()>& body);

  // Runs `body` in one read transaction, so that every query in it sees the same state of
  // the database even while other programs write (an export must not see an interaction
  // whose person it did not see). Inside write(), just runs `body`.
  Status read(const std::function<Status()>& body);

  // Runs `body` like write() but always rolls back: what a dry run uses to see what a change
  // would do. Returns the body's status.
  Status rehearse(const std::function<Status()>& body);

  // For loading many records at once: runs `body` with the triggers that maintain the
  // full-text indexes and the per-person summaries on every link switched off, then brings
  // both up to date in a few set-based statements (a full-text rebuild, one aggregate over
  // the touched people's interactions) and switches the triggers back on. The database ends
  // exactly as if the records had been written one by one; it is faster once the load is a
  // sizeable part of the database (each statement touching a full-text index costs a flush).
  // REQUIRES: inside write() or rehearse(); a failure leaves the transaction to roll back.
  Status bulk(const std::function<Status()>& body);
  // About how many contacts and interactions the database holds (their highest ids): cheap,
  // for choosing between a bulk load and writing row by row.
  Result<std::int64_t> approximate_size();

  // Relationship types, sorted by name.
  Result<std::vector<RelationshipType>> types();
  // How many active (not archived) contacts have each type; types nobody has are absent.
  Result<std::map<std::string, std::int64_t>> type_counts();
  // REQUIRES: inside write(). invalid_input when the name exists.
  Status add_type(const RelationshipType& type);
  // REQUIRES: inside write(). not_found when there is no such type.
  Status change_type(std::string_view name, const TypeChange& change);

  // Finds one contact by WHO (docs/architecture.md, "Who"): an id, or the whole or a unique part of
  // the name, case- and accent-insensitive; a whole-name match wins over partial ones. "#12" is
  // always the id (not_found when no contact has it), never a name; a bare "12" is the id too,
  // unless another contact's whole name is "12": then it is ambiguous.
  // not_found when nothing matches; ambiguous listing the candidates with their ids.
  Result<Contact> resolve(std::string_view who);
  // not_found when there is no contact with this id.
  Result<Contact> contact(std::int64_t id);
  // Contacts matching the query, sorted by name (case- and accent-insensitive).
  Result<std::vector<Contact>> contacts(const ContactQuery& query);
  // The same one at a time, for lists too long to hold; stops at the first failing visit.
  Status stream_contacts(const ContactQuery& query, const std::function<Status(Contact&&)>& visit);

  // REQUIRES: inside write(). Adds the contact (its id, uuid, timestamps and derived fields
  // are ignored; a uuid is generated) and returns its id. not_found for an unknown type.
  Result<std::int64_t> add_contact(const Contact& contact);
  // REQUIRES: inside write(). Replaces the stored fields of contact.id with these.
  Status update_contact(const Contact& contact);
  // REQUIRES: inside write(). Marks the contact a target or a normal contact (Contact::target)
  // and marks it updated. not_found when there is no such contact.
  Status set_target(std::int64_t id, bool target);
  // REQUIRES: inside write(). Deletes the contact, its reminders, its links to interactions,
  // and the interactions nobody else took part in, with their full-text index entries. Once
  // committed and checkpointed (as when the last connection closes), none of their text is
  // left in the database file: secure_delete zeroes freed content, and the search indexes
  // are rewritten, which takes time in proportion to their size.
  Status remove_contact(std::int64_t id);

  // The contacts whose whole name folds as `name` does (fold_for_match), and with
  // `other_names` also those who go by it (Contact::akas), by id.
  Result<std::vector<ContactName>> contacts_named(std::string_view name, bool other_names);

  // --- Who knows whom (store_links.cpp; kith/path.hpp).

  // The recorded link between a and b, in either direction (the oldest row when two devices
  // recorded it); nullopt when there is none.
  Result<std::optional<KnowsLink>> knows_link(std::int64_t a, std::int64_t b);
  // REQUIRES: inside write(); a != b, both contacts. Records that a knows b; returns its id.
  Result<std::int64_t> add_knows(std::int64_t a, std::int64_t b, std::string_view how, Date since);
  // REQUIRES: inside write(). Sets how the link's two people know each other. not_found when
  // there is no such link.
  Status set_knows_how(std::int64_t id, std::string_view how);
  // REQUIRES: inside write(). Removes every recorded link between a and b, in both
  // directions; returns how many rows it removed.
  Result<std::int64_t> remove_knows(std::int64_t a, std::int64_t b);
  // Every link that touches one of `ids`: recorded ones (knows: how and since), introducers
  // (contacts.met_via_id, both ways) and people logged together (together: how many
  // interactions, the latest one's day). One query per source; a pair may come more than once.
  Result<std::vector<PathLink>> links_of(const std::vector<std::int64_t>& ids);
  // The people with these ids, with what you have between you as of `today` (PathPerson);
  // unknown ids are left out. In no particular order.
  Result<std::vector<PathPerson>> path_people(const std::vector<std::int64_t>& ids, Date today);
  // The ids of the active contacts whose organisation folds (fold_for_match) as `org` does;
  // when none does, of those whose folded organisation contains it. By id.
  Result<std::vector<std::int64_t>> contacts_at(std::string_view org);

  // --- One person, one record (src/core/store_merge.cpp).

  // What merging `other` into `keep` moves, counted before it moves.
  Result<MergeReach> merge_reach(std::int64_t keep, std::int64_t other);
  // REQUIRES: inside write(); merged.id is keep's id, and merged is merged_contact(keep,
  // other). Merges contact `other` into it (kith merge): stores `merged` as the kept contact;
  // moves other's interactions (dropping other's link to those keep took part in too),
  // reminders, external ids, and the uuids merged into other before, to keep; points the
  // contacts other introduced at keep; keeps other's uuid as an alias of keep; deletes other
  // and recomputes keep's summary.
  Status merge_contacts(const Contact& merged, const Contact& other);
  // Every active contact as kith dupes compares them: names, other names, emails, phones.
  Result<std::vector<DupeCandidate>> dupe_candidates();
  // The uuids merged into the contact (its aliases), sorted.
  Result<std::vector<std::string>> aliases(std::int64_t contact_id);

  // REQUIRES: inside write(). Adds the interaction for interaction.people (by id; names are
  // ignored) and returns its id.
  Result<std::int64_t> add_interaction(const Interaction& interaction);
  // REQUIRES: inside write(). Stores the day, summary, channel, direction and weight of the
  // interaction with interaction.id (its people are not touched) and marks it updated. The
  // triggers move its people's summaries (last contact, balance, next check-in) and the
  // full-text index with it. not_found when there is no such interaction.
  Status update_interaction(const Interaction& interaction);
  // REQUIRES: inside write(). Adds the contact to the interaction's people / removes it from
  // them; the contact's summary follows. Neither checks that someone is left (the use case
  // does). not_found when the interaction has no such person (remove_participant).
  Status add_participant(std::int64_t interaction_id, std::int64_t contact_id);
  Status remove_participant(std::int64_t interaction_id, std::int64_t contact_id);
  // REQUIRES: inside write(). Deletes the interaction: its links to its people first, so that
  // each person's summary is recomputed without it, then the interaction and its full-text
  // entry. not_found when there is no such interaction.
  Status remove_interaction(std::int64_t id);
  // The interaction with this id, its people sorted by name as history() gives them.
  // not_found naming the id when there is none.
  Result<Interaction> interaction(std::int64_t id);
  // Interactions, newest first (by day, then by id).
  Result<std::vector<Interaction>> history(const HistoryQuery& query);
  // The same, one at a time, without holding them all: stops at the first error `visit`
  // returns and returns it.
  Status stream_history(const HistoryQuery& query,
                        const std::function<Status(Interaction&&)>& visit);

  // REQUIRES: inside write(). Adds the reminder (anchor defaults to due when unset by the
  // caller: pass the same day), open or already closed (done_on, last_done: a skip), and
  // returns its id.
  Result<std::int64_t> add_reminder(const Reminder& reminder);
  // not_found naming the id when there is no such reminder.
  Result<Reminder> reminder(std::int64_t id);
  // Reminders, soonest first (then by id): open ones, or all with `include_done`; about one
  // contact, or everyone. Agenda topics and skips are not listed (is_dated): see topics() and
  // skips().
  Result<std::vector<Reminder>> reminders(std::optional<std::int64_t> contact_id,
                                          bool include_done = false);
  // The same one at a time, for lists too long to hold; stops at the first failing visit.
  Status stream_reminders(std::optional<std::int64_t> contact_id, bool include_done,
                          const std::function<Status(Reminder&&)>& visit);
  // The open agenda topics (reminders of kind topic) of one contact, oldest first, or of
  // everyone, by contact name, then oldest first.
  Result<std::vector<Reminder>> topics(std::optional<std::int64_t> contact_id);
  // The skips (reminders of kind skip) of one contact or of everyone, on or after `since` when
  // given, newest first (by day, then id).
  Result<std::vector<Reminder>> skips(std::optional<std::int64_t> contact_id,
                                      std::optional<Date> since);
  // REQUIRES: inside write(). Stores every field of the reminder with reminder.id (not its
  // uuid or contact_name) and marks it updated. not_found when there is no such reminder.
  Status update_reminder(const Reminder& reminder);
  // What the daily report lists of open reminders: of those due by `today`, the first
  // `limit` promises and the first `limit` others (each soonest first, then by id); of those
  // due after `today` and by `through`, the first `limit`; and how many there are of each.
  // Reads no more than that, however many reminders are open.
  Result<DueReminders> due_reminders(Date today, Date through, int limit);
  // REQUIRES: inside write(). Marks done, on `day`, the contact's open planned outreach
  // (reminders of kind plan) due no later than kPlanFulfilledAhead days after `day`: talking
  // to someone fulfils the outreach booked for them. Returns how many it closed.
  Result<int> fulfil_plans(std::int64_t contact_id, Date day);
  static constexpr int kPlanFulfilledAhead = 7;
  static constexpr int kSearchCandidates = 2000;

  // The overdue people for select_most_urgent (urgency.hpp, where the contract is), from the
  // maintained summary: one queue per cadence through the index contact_stats (cadence, due),
  // and lookups by person. Archived people and people without a cadence are never due; the
  // engine leaves out people with outreach booked. Errors come back from the source's calls
  // as Errc::storage. REQUIRES: the Store outlives the source; for one snapshot, use it
  // inside read() or write().
  std::unique_ptr<DueSource> due_source();
  // Everyone whose check-in is due on or before `through` (archived people and people
  // without a cadence never are), as plan candidates without their full contacts.
  // With `also`: those people too, due or not (those never due excepted).
  Result<std::vector<PlanCandidate>> plan_candidates(Date through,
                                                     const std::vector<std::int64_t>& also = {});
  // The birthdays and important dates of active contacts falling on the days from `today` to
  // `today` + `days`, as upcoming_occasions gives them, read through the month-day indexes.
  Result<std::vector<Occasion>> occasions(Date today, int days);
  // The contacts that may be dormant ties (kith/reconnect.hpp), one at a time by id, from the
  // maintained summary: active people with an interaction, either without a cadence and last
  // in touch on `quiet_through` or before, or with a cadence and last in touch on
  // `lapsed_through` or before. A superset of the dormant ones: is_dormant decides. Each
  // one's interactions are counted up to kMaxCountedInteractions, through the links' primary
  // key; no interaction row is read. Stops at the first error `visit` returns and returns it.
  Status each_tie_candidate(Date quiet_through, Date lapsed_through,
                            const std::function<Status(const TieCandidate&)>& visit);
  // How many interactions the contact took part in (0 for an unknown id).
  Result<std::int64_t> interaction_count(std::int64_t contact_id);

  // --- Career goals and their people (store_goals.cpp; kith/goal.hpp).

  // REQUIRES: inside write(). Adds the goal (its id, uuid and timestamps are ignored; a uuid is
  // generated) and returns its id.
  Result<std::int64_t> add_goal(const Goal& goal);
  // not_found ("no goal #9") when there is no such goal.
  Result<Goal> goal(std::int64_t id);
  // Open goals, or all with `include_done`, by id.
  Result<std::vector<Goal>> goals(bool include_done);
  // REQUIRES: inside write(). Stores text, by, needs and done_on of goal.id; not_found.
  Status update_goal(const Goal& goal);
  // REQUIRES: inside write(). Deletes the goal and its links to people; not_found.
  Status remove_goal(std::int64_t id);
  // The goal's people, by name, archived ones included, with their last contact and due day.
  Result<std::vector<GoalPerson>> goal_people(std::int64_t goal_id);
  // The person's role in the goal; nullopt when not linked.
  Result<std::optional<std::string>> goal_role(std::int64_t goal_id, std::int64_t contact_id);
  // REQUIRES: inside write(). Links the person to the goal in `role`, or changes their role.
  Status set_goal_person(std::int64_t goal_id, std::int64_t contact_id, std::string_view role);
  // REQUIRES: inside write(). Unlinks them; false when they were not linked.
  Result<bool> remove_goal_person(std::int64_t goal_id, std::int64_t contact_id);
  // The goals the person is linked to, open ones (all with `include_done`), by id.
  Result<std::vector<PersonGoal>> goals_of(std::int64_t contact_id, bool include_done);
  // The people you know (active, not targets) whose name, org, title, note, learn or offer
  // (contacts_fts), or whose interactions (interactions_fts), mention one of `words` (each a
  // prefix), with each match, their name and types: for rank_suggestions. At most `per_word`
  // of the latest-recorded contacts per word and field, and as many interactions per word.
  Result<std::vector<SuggestionCandidate>> goal_candidates(const std::vector<std::string>& words,
                                                           int per_word);
  // Everything kith review needs about `period` (kith/review.hpp), in one snapshot: the
  // interactions of the period read once (a long period by scans in id order, not through the
  // day index) and summed by day and by person; the possible inner circle with their last
  // interaction before the period and last skip up to its end; the promises due in it; the
  // network's counts; every goal with its people and how many of them had an interaction in
  // the period. Nothing is read per person but the inner circle's two index lookups.
  Result<ReviewFacts> review_facts(const ReviewPeriod& period);

  // --- The journal of changes (store_journal.cpp; kith/journal.hpp).
  //
  // Every write() that changes the database records one journal entry in its transaction,
  // with the note its body gives here. A write that changes something without a note fails
  // with Errc::internal (and rolls back): no change escapes the journal by accident.
  // REQUIRES: inside write(); the last note given wins.
  void note_change(ChangeNote note);

  // The newest entries first, at most `limit` (0: all the journal keeps).
  Result<std::vector<JournalEntry>> journal(int limit);
  // not_found ("no change #12 in the journal") when the journal has no such entry.
  Result<JournalEntry> journal_entry(std::int64_t id);
  // The newest change in force (not undone), if any.
  Result<std::optional<JournalEntry>> last_change();
  // The change that the last undo reverted, if nothing was recorded since that undo and it
  // was not redone already: what kith redo re-applies.
  Result<std::optional<JournalEntry>> redoable_change();
  // The oldest change in force recorded after `id` that touched a record `id` wrote (changed
  // the same row, or refers to a row it added or changed), if any: while there is one, `id`
  // cannot be undone alone.
  Result<std::optional<JournalEntry>> later_change_touching(std::int64_t id);
  // REQUIRES: inside write(). Reverts the change (applies its inverse) and marks it undone;
  // the summaries and full-text indexes follow. Errc::invalid_input naming the record when
  // the database no longer holds what the change left (a change from outside kith).
  Status revert_change(std::int64_t id);
  // REQUIRES: inside write(). Applies the undone change again and marks it in force.
  Status reapply_change(std::int64_t id);
  // REQUIRES: inside write(). Erases from the journal every change that touched the contact,
  // or a contact merged into it (kith rm); returns how many. Their changesets go with them, and
  // secure_delete zeroes the freed pages.
  Result<std::int64_t> forget_person(std::int64_t contact_id);

  // --- Device-to-device sync (store_sync.cpp; kith/sync.hpp). Once a database has joined
  // (its first sync), triggers record every edit for the next sync.

  // This database as a device; nullopt before its first sync.
  Result<std::optional<SyncDevice>> sync_device();
  // REQUIRES: inside write(). Makes this database a device (its first sync) / moves its clock.
  Status join_sync(const SyncDevice& device);
  Status set_sync_clock(std::int64_t clock);
  // REQUIRES: inside write(). Whether edits are recorded for the next sync: off while a sync
  // applies what came in (what it writes then is not news to send back).
  Status record_sync_changes(bool on);
  // The other devices: how far into each one's files this database has applied.
  Result<std::map<std::string, std::int64_t>> sync_applied();
  // REQUIRES: inside write().
  Status set_sync_applied(std::string_view device, std::string_view name, std::int64_t file);
  // What changed here since the last sync, one record at a time, by uuid.
  Status each_sync_change(const std::function<Status(const SyncChange&)>& visit);
  // REQUIRES: inside write(). Forgets what each_sync_change lists: it has been sent.
  Status clear_sync_changes();
  // Every record of a kind (types by name, the rest by uuid), for a device's first sync.
  Status each_sync_uuid(SyncKind kind, const std::function<Status(const std::string&)>& visit);
  // The record as this device knows it: its fields and sets with their stamps; nullopt when
  // it has none.
  Result<std::optional<SyncRecord>> sync_record(SyncKind kind, std::string_view uuid);
  // REQUIRES: inside write(). The stamp of a field (elem '') or of a set's element.
  Status set_sync_stamp(std::string_view uuid, std::string_view field, std::string_view elem,
                        const Stamp& stamp);
  // REQUIRES: inside write(). Merges an incoming record, field by field and element by element
  // (kith/sync.hpp); `self` is this device's id, for telling conflicts.
  Result<SyncApplied> apply_sync_record(const SyncRecord& record, std::string_view self);
  // The id of the local record a deletion names, if it has one (a contact by its own uuid, not
  // by an alias).
  Result<std::optional<std::int64_t>> sync_local_id(SyncKind kind, std::string_view uuid);
  // REQUIRES: inside write(). Records that the record is deleted everywhere, and forgets its
  // stamps: no later edit brings it back.
  Status add_tombstone(const SyncDeletion& deletion);
  // REQUIRES: inside write(). Applies a deletion from another device: records its tombstone and
  // deletes the interaction or reminder it names. A contact is only marked (its removal, final
  // as kith rm is, is for remove_tombstoned_contacts). True when this device had the record.
  Result<bool> apply_sync_deletion(const SyncDeletion& deletion);
  // The contacts deleted on another device that are still here, by id.
  Result<std::vector<std::int64_t>> tombstoned_contacts();
  Result<std::optional<Stamp>> tombstone(std::string_view uuid);
  // REQUIRES: inside write(). Forgets the tombstone of a record made again here (kith redo).
  Status forget_tombstone(std::string_view uuid);
  // REQUIRES: inside write(). Lines kept for a later sync (SyncApplied::Outcome::deferred).
  Status defer_sync_line(std::string_view line);
  Status each_deferred_sync_line(
      const std::function<Status(std::int64_t id, const std::string& line)>& visit);
  Status drop_deferred_sync_line(std::int64_t id);

  // --- Interop: streaming every record out, merging records in (src/core/store_interop.cpp).
  //
  // Each each_* streams the records of one kind in the order they were added (by id) to
  // `visit`, holding one record in memory at a time; it stops at the first error `visit`
  // returns and returns it.
  Status each_type(const std::function<Status(const TypeRecord&)>& visit);
  Status each_contact(const std::function<Status(const ContactRecord&)>& visit);
  Status each_interaction(const std::function<Status(const InteractionRecord&)>& visit);
  // `open_only`: only reminders not done (a recurring one stays open).
  Status each_reminder(bool open_only, const std::function<Status(const ReminderRecord&)>& visit);
  // Goals with their people (by contact uuid, sorted).
  Status each_goal(const std::function<Status(const GoalRecord&)>& visit);
  // Links between people (kith knows), the people by uuid.
  Status each_link(const std::function<Status(const LinkRecord&)>& visit);

  // Each merge_* adds the record when its uuid is unknown, replaces the stored record with
  // that uuid when the given one's updated_at is later, and otherwise changes nothing
  // (Merge::skipped). uuid, created_at and updated_at are stored as given.
  // REQUIRES: inside write(); the record's fields are valid (as the import checks them).
  //
  // A type whose uuid is unknown but whose name exists is the same type (two databases that
  // each added "friend"): it merges into that one, keeping the stored uuid.
  Result<Merge> merge_type(const TypeRecord& record);
  // Types are named, and must exist (invalid_input otherwise). met_via_id is used as given
  // (met_via_contact is not looked up). The external ids replace the stored ones; a key
  // another contact had moves to this one.
  Result<Merge> merge_contact(const ContactRecord& record);
  // `people` are the ids of the record's people (its uuids are not looked up).
  Result<Merge> merge_interaction(const InteractionRecord& record,
                                  const std::vector<std::int64_t>& people);
  // `contact_id` is the id of the record's contact (its uuid is not looked up).
  Result<Merge> merge_reminder(const ReminderRecord& record,
                               std::optional<std::int64_t> contact_id);
  // `people` are the ids of the record's people with their roles (uuids are not looked up);
  // they replace the stored goal's people.
  Result<Merge> merge_goal(const GoalRecord& record,
                           const std::vector<std::pair<std::int64_t, std::string>>& people);
  // `a` and `b` are the ids of the record's people (its uuids are not looked up), different.
  // A link whose pair is recorded already under another uuid is skipped (one row per pair).
  Result<Merge> merge_link(const LinkRecord& record, std::int64_t a, std::int64_t b);

  // The id of the contact with this uuid (or that a contact with it was merged into) / this
  // external id / this email (ignoring ASCII case; the lowest id when several have it);
  // nullopt when there is none.
  Result<std::optional<std::int64_t>> contact_id_by_uuid(std::string_view uuid);
  Result<std::optional<std::int64_t>> contact_id_by_external_id(ExternalSource source,
                                                                std::string_view id);
  Result<std::optional<std::int64_t>> contact_id_by_email(std::string_view email);

  // The contact's external ids, sorted by source, then id.
  Result<std::vector<ExternalId>> external_ids(std::int64_t contact_id);
  // REQUIRES: inside write(). Replaces the contact's external ids with `ids`; a key another
  // contact had moves to this one. Timestamps are not touched.
  Status set_external_ids(std::int64_t contact_id, const std::vector<ExternalId>& ids);
  // REQUIRES: inside write(). Links the contact to its introducer without touching its
  // timestamps: completes a merge whose introducer came later in the same file.
  Status set_met_via_id(std::int64_t contact_id, std::int64_t introducer_id);

  // --- Contacts vdirs (src/core/store_vdir.cpp; kith sync --contacts).

  // The cards kith knows in `folder` (an absolute path), by file name.
  Result<std::vector<VdirCard>> vdir_cards(std::string_view folder);
  // What the card held when kith last wrote or read it; nullopt when kith keeps nothing of it
  // (no such card, or its contact was deleted).
  Result<std::optional<VdirBase>> vdir_base(std::string_view folder, std::string_view file);
  // REQUIRES: inside write(). Records (or replaces) the card `file` of `folder`: its UID,
  // contact, text, and the file's mtime, size and inode; the contact's updated_at now is
  // kept, to tell later whether it changed since.
  Status put_vdir_card(std::string_view folder, std::string_view file, const VdirBase& base,
                       std::int64_t contact_id, std::int64_t mtime_ns, std::int64_t size,
                       std::int64_t inode);
  // REQUIRES: inside write(). Forgets the card (its file is gone).
  Status remove_vdir_card(std::string_view folder, std::string_view file);
  // True when the contact has a card in `folder`.
  Result<bool> has_vdir_card(std::string_view folder, std::int64_t contact_id);
  // The active contacts without a card in `folder`, by id.
  Result<std::vector<std::int64_t>> contacts_without_card(std::string_view folder);

  // Full-text search over names, organisations, titles, notes, learn/offer and interaction
  // summaries. `query` is words, each matching as a prefix when it ends in '*'; every word
  // must match. At most `limit` hits, best first (bm25), ranked among the
  // kSearchCandidates latest-recorded matching people and as many interactions, so that a
  // common word costs no more than a rare one. invalid_input for an empty query, or one
  // that is not valid UTF-8 or holds control characters.
  Result<std::vector<SearchHit>> find(std::string_view query, int limit);

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith
