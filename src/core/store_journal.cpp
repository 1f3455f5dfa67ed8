// The journal of changes: recording each write's changeset, undo, redo, and forgetting.
//
// A committing write runs with an SQLite session attached to the base tables (never to the
// derived contact_stats, nor to the full-text indexes, which sessions cannot see). What it
// recorded is written to journal_chunks, in chunks when the write is long, and the write's
// note to journal, in the write's own transaction. Undo applies each chunk's inverse, newest
// chunk first; redo applies the chunks again, oldest first. The per-person summaries and the
// full-text indexes are derived, never journaled: a small change is applied with the triggers
// that keep them on, parents before children (each link's trigger then finds the interaction
// it counts); a large one with them off, and its people's summaries recomputed after.
#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "store_impl.hpp"

namespace kith {
namespace {

// The base tables, parents before their children: a changeset lists its tables in this order.
// Applied so, an inserted row's parents are there before it (each summary trigger then reads
// the interaction a link counts), and a deleted row's children go with it by cascade (the
// change's own deletion of them then finds nothing to do).
struct Reference {
  int column;         // its position in the table (the schema's, checked by a test)
  const char* table;  // the row it names, by id
};
struct Journaled {
  const char* table;
  std::vector<Reference> references;
  // The column that says which contact, interaction, reminder or type a row belongs to, for
  // counting what a change touched, and that kind.
  int owner;
  const char* owner_table;
};

const std::vector<Journaled>& journaled() {
  static const std::vector<Journaled> tables = {
      {"types", {}, 0, "types"},
      {"contacts", {{10, "contacts"}}, 0, "contacts"},  // met_via_id
      {"interactions", {}, 0, "interactions"},
      {"reminders", {{2, "contacts"}}, 0, "reminders"},  // contact_id
      {"knows", {{2, "contacts"}, {3, "contacts"}}, 0, "knows"},
      {"contact_types", {{0, "contacts"}, {1, "types"}}, 0, "contacts"},
      {"contact_tags", {{0, "contacts"}}, 0, "contacts"},
      {"contact_channels", {{0, "contacts"}}, 0, "contacts"},
      {"important_dates", {{0, "contacts"}}, 0, "contacts"},
      {"external_ids", {{0, "contacts"}}, 0, "contacts"},
      {"contact_akas", {{0, "contacts"}}, 0, "contacts"},
      {"contact_aliases", {{0, "contacts"}}, 0, "contacts"},
      {"interaction_people", {{0, "contacts"}, {2, "interactions"}}, 2, "interactions"},
  };
  return tables;
}

// A chunk is written out once the write changed this many rows since the last one: about a
// megabyte of changeset, whatever the size of the load.
constexpr std::int64_t kRowsPerChunk = 5000;

// A large change (an import undone or redone) is applied as a load is (Store::bulk): with the
// triggers that adjust a summary or an index row by row switched off, then the summaries of
// the people it touched recomputed and both indexes rebuilt. A small one is applied with
// every trigger on, in the table order above, which keeps the summaries exact row by row.
constexpr const char* kAdjustingAndSearch[] = {
    "interaction_people_added", "interaction_people_removed", "interactions_changed",
    "contacts_fts_insert",      "contacts_fts_delete",        "contacts_fts_update",
    "interactions_fts_insert",  "interactions_fts_delete",    "interactions_fts_update"};
constexpr std::int64_t kRebuildSearchFrom = 1 << 20;  // changeset bytes

void check(int rc, const char* what) {
  if (rc != SQLITE_OK) throw SQLite::Exception(std::string(what) + ": " + sqlite3_errstr(rc), rc);
}

// --- Reading a changeset.

// The journaled table named `table`, or null.
const Journaled* find_journaled(std::string_view table) {
  for (const Journaled& t : journaled()) {
    if (table == t.table) return &t;
  }
  return nullptr;
}

// One change of a changeset, as the iterator gives it.
struct Change {
  sqlite3_changeset_iter* it;
  std::string_view table;
  int columns;
  int op;  // SQLITE_INSERT, SQLITE_UPDATE or SQLITE_DELETE

  // The column's value after the change, else before it; null when the change does not
  // carry it (an update leaves unchanged columns out).
  sqlite3_value* value(int column) const {
    sqlite3_value* v = nullptr;
    if (op != SQLITE_DELETE && sqlite3changeset_new(it, column, &v) == SQLITE_OK && v) return v;
    v = nullptr;
    if (op != SQLITE_INSERT && sqlite3changeset_old(it, column, &v) == SQLITE_OK && v) return v;
    return nullptr;
  }
  // Both of the column's values an update carries, or the one an insert or delete does.
  std::vector<sqlite3_value*> values(int column) const {
    std::vector<sqlite3_value*> out;
    sqlite3_value* v = nullptr;
    if (op != SQLITE_DELETE && sqlite3changeset_new(it, column, &v) == SQLITE_OK && v) {
      out.push_back(v);
    }
    v = nullptr;
    if (op != SQLITE_INSERT && sqlite3changeset_old(it, column, &v) == SQLITE_OK && v) {
      out.push_back(v);
    }
    return out;
  }
  // The row's primary key, as a key unique among all tables' rows.
  std::string key() const {
    unsigned char* pk = nullptr;
    int n = 0;
    sqlite3changeset_pk(it, &pk, &n);
    std::string out(table);
    for (int i = 0; i < n; ++i) {
      if (!pk[i]) continue;
      sqlite3_value* v = nullptr;
      if (op == SQLITE_INSERT) {
        sqlite3changeset_new(it, i, &v);
      } else {
        sqlite3changeset_old(it, i, &v);
      }
      out += '\x1f';
      append(out, v);
    }
    return out;
  }
  static void append(std::string& out, sqlite3_value* v) {
    if (!v || sqlite3_value_type(v) == SQLITE_NULL) {
      out += 'n';
    } else if (sqlite3_value_type(v) == SQLITE_INTEGER) {
      out += 'i';
      out += std::to_string(sqlite3_value_int64(v));
    } else {
      out += 't';
      out.append(reinterpret_cast<const char*>(sqlite3_value_blob(v)),
                 static_cast<std::size_t>(sqlite3_value_bytes(v)));
    }
  }
};

// The key a reference to `table`'s row `id` has: the same as that row's own key.
std::string row_key(std::string_view table, std::int64_t id) {
  return std::string(table) + "\x1fi" + std::to_string(id);
}

// Calls visit(const Change&) for each change in the changeset.
template <class Visit>
void each_change(const void* data, int size, Visit&& visit) {
  sqlite3_changeset_iter* it = nullptr;
  check(sqlite3changeset_start(&it, size, const_cast<void*>(data)), "reading a changeset");
  struct Finalize {
    sqlite3_changeset_iter* it;
    ~Finalize() { sqlite3changeset_finalize(it); }
  } finalize{it};
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    check(sqlite3changeset_op(it, &table, &columns, &op, &indirect), "reading a changeset");
    visit(Change{it, table, columns, op});
  }
}

// What a chunk touched: the contacts, interactions, reminders and types, and the people
// (contact ids) whose records it holds, directly or through an interaction or reminder.
struct Reach {
  std::unordered_set<std::int64_t> contacts, interactions, reminders, types;
  std::unordered_set<std::int64_t> people;
  // The interactions, reminders and types it updated in place: their people are not in the
  // change (an added or removed row carries its links, or its person, with it).
  std::unordered_set<std::int64_t> updated_interactions, updated_reminders, updated_types;
};

Reach reach_of(const void* data, int size) {
  Reach reach;
  each_change(data, size, [&](const Change& change) {
    const Journaled* shape = find_journaled(change.table);
    if (!shape) return;
    for (auto [column, table] : shape->references) {
      if (std::strcmp(table, "contacts") != 0) continue;
      for (sqlite3_value* v : change.values(column)) {
        if (sqlite3_value_type(v) == SQLITE_INTEGER) reach.people.insert(sqlite3_value_int64(v));
      }
    }
    sqlite3_value* owner = change.value(shape->owner);
    if (!owner || sqlite3_value_type(owner) != SQLITE_INTEGER) return;
    std::int64_t id = sqlite3_value_int64(owner);
    std::string_view kind = shape->owner_table;
    const bool updated = change.op == SQLITE_UPDATE && change.table == kind;
    if (kind == "contacts") {
      reach.contacts.insert(id);
      reach.people.insert(id);
    } else if (kind == "interactions") {
      reach.interactions.insert(id);
      if (updated) reach.updated_interactions.insert(id);
    } else if (kind == "reminders") {
      reach.reminders.insert(id);
      if (updated) reach.updated_reminders.insert(id);
    } else if (kind == "types") {
      reach.types.insert(id);
      if (updated) reach.updated_types.insert(id);
    }
  });
  return reach;
}

// Adds to reach.people those of the interactions, reminders and types it updated in place, as
// the database holds them now.
void add_people_behind(Store::Impl& impl, Reach& reach) {
  struct Lookup {
    const std::unordered_set<std::int64_t>& ids;
    const char* sql;
  };
  const Lookup lookups[] = {
      {reach.updated_interactions,
       "SELECT contact_id FROM interaction_people"
       " WHERE interaction_id IN (SELECT value FROM json_each(:ids))"},
      {reach.updated_reminders,
       "SELECT contact_id FROM reminders"
       " WHERE id IN (SELECT value FROM json_each(:ids)) AND contact_id IS NOT NULL"},
      {reach.updated_types,
       "SELECT contact_id FROM contact_types WHERE type_id IN (SELECT value FROM json_each(:ids))"},
  };
  for (const Lookup& lookup : lookups) {
    if (lookup.ids.empty()) continue;
    auto& st = impl.prepare(lookup.sql);
    st.bind(":ids", json_list(lookup.ids));
    while (st.executeStep()) reach.people.insert(st.getColumn(0).getInt64());
  }
}

// What a change wrote (each row's key), of which what it inserted, and the rows it refers to.
struct Footprint {
  std::unordered_set<std::string> written, inserted, referenced;
};

void add_footprint(const void* data, int size, Footprint& out) {
  each_change(data, size, [&](const Change& change) {
    std::string key = change.key();
    if (change.op == SQLITE_INSERT) out.inserted.insert(key);
    out.written.insert(std::move(key));
    const Journaled* shape = find_journaled(change.table);
    if (!shape) return;
    for (auto [column, table] : shape->references) {
      for (sqlite3_value* v : change.values(column)) {
        if (sqlite3_value_type(v) == SQLITE_INTEGER) {
          out.referenced.insert(row_key(table, sqlite3_value_int64(v)));
        }
      }
    }
  });
}

// --- Applying a changeset.

bool same_value(sqlite3_value* a, sqlite3_value* b) {
  int type = sqlite3_value_type(a);
  if (type != sqlite3_value_type(b)) return false;
  switch (type) {
    case SQLITE_NULL: return true;
    case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
    default: {
      int n = sqlite3_value_bytes(a);
      return n == sqlite3_value_bytes(b) &&
             std::memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), n) == 0;
    }
  }
}

struct Applying {
  std::string problem;  // the first record found otherwise than the change expects
};

// "interaction #12", "contact #4", "a link of contact #4": the row a change is about.
std::string describe_row(const Change& change) {
  static const std::pair<std::string_view, const char*> nouns[] = {
      {"contacts", "contact"},
      {"interactions", "interaction"},
      {"reminders", "reminder"},
      {"types", "type"},
      {"external_ids", "an external id"}};
  for (auto [table, noun] : nouns) {
    if (change.table != table) continue;
    sqlite3_value* id = change.value(0);
    if (table == "external_ids" || !id) return noun;
    return std::string(noun) + " #" + std::to_string(sqlite3_value_int64(id));
  }
  sqlite3_value* contact = change.value(0);  // every link table starts with its contact
  return "a link of contact #" + std::to_string(contact ? sqlite3_value_int64(contact) : 0);
}

// Where the database holds a row otherwise than the change expects: when the row already is
// as the change would leave it (a deleted row already gone, an inserted one already there
// with the same values), there is nothing to do; anything else is a record changed since,
// and the whole application is abandoned.
int on_conflict(void* context, int conflict, sqlite3_changeset_iter* it) {
  auto& applying = *static_cast<Applying*>(context);
  if (conflict == SQLITE_CHANGESET_FOREIGN_KEY) {
    if (applying.problem.empty()) applying.problem = "a record it refers to is gone";
    return SQLITE_CHANGESET_ABORT;
  }
  const char* table = nullptr;
  int columns = 0, op = 0, indirect = 0;
  sqlite3changeset_op(it, &table, &columns, &op, &indirect);
  Change change{it, table, columns, op};
  bool settled = false;
  if (conflict == SQLITE_CHANGESET_NOTFOUND) {
    settled = op == SQLITE_DELETE;
  } else if ((conflict == SQLITE_CHANGESET_DATA || conflict == SQLITE_CHANGESET_CONFLICT) &&
             op != SQLITE_DELETE) {
    settled = true;
    for (int i = 0; i < columns && settled; ++i) {
      sqlite3_value* want = nullptr;
      sqlite3changeset_new(it, i, &want);
      if (!want) continue;  // an update leaves this column alone
      sqlite3_value* have = nullptr;
      settled =
          sqlite3changeset_conflict(it, i, &have) == SQLITE_OK && have && same_value(want, have);
    }
  }
  if (settled) return SQLITE_CHANGESET_OMIT;
  if (applying.problem.empty()) {
    applying.problem = describe_row(change) + " is no longer as that change left it";
  }
  return SQLITE_CHANGESET_ABORT;
}

}  // namespace

// --- Recording.

JournalRecorder::JournalRecorder(Store::Impl& impl) : impl_(impl) {
  check(sqlite3session_create(impl_.db.getHandle(), "main", &session_), "starting the journal");
  for (const Journaled& table : journaled()) {
    check(sqlite3session_attach(session_, table.table), "starting the journal");
  }
  changes_at_flush_ = sqlite3_total_changes64(impl_.db.getHandle());
}

JournalRecorder::~JournalRecorder() {
  if (session_) sqlite3session_delete(session_);
}

void JournalRecorder::replaying() {
  replaying_ = true;
  sqlite3session_enable(session_, 0);
}

void JournalRecorder::flush_if_large() {
  if (replaying_) return;
  if (sqlite3_total_changes64(impl_.db.getHandle()) - changes_at_flush_ >= kRowsPerChunk) {
    flush(nullptr);
  }
}

void JournalRecorder::flush(const ChangeNote* note) {
  changes_at_flush_ = sqlite3_total_changes64(impl_.db.getHandle());
  if (sqlite3session_isempty(session_)) return;
  int size = 0;
  void* data = nullptr;
  check(sqlite3session_changeset(session_, &size, &data), "recording the journal");
  struct Free {
    void* data;
    ~Free() { sqlite3_free(data); }
  } free_data{data};
  if (!note) {
    // A fresh session for what comes next: this one's rows are written out.
    sqlite3session_delete(session_);
    session_ = nullptr;
    check(sqlite3session_create(impl_.db.getHandle(), "main", &session_), "recording the journal");
    for (const Journaled& table : journaled()) {
      check(sqlite3session_attach(session_, table.table), "recording the journal");
    }
  }
  if (size == 0) return;

  Reach reach = reach_of(data, size);
  touched_.contacts += static_cast<std::int64_t>(reach.contacts.size());
  touched_.interactions += static_cast<std::int64_t>(reach.interactions.size());
  touched_.reminders += static_cast<std::int64_t>(reach.reminders.size());
  touched_.types += static_cast<std::int64_t>(reach.types.size());
  bytes_ += size;
  if (!entry_) {
    // Written whole when the note is known (the one chunk of most writes); else completed by
    // finish().
    auto& entry = impl_.prepare(
        "INSERT INTO journal (seq, day, command, summary, contacts, interactions, reminders,"
        " types, bytes) VALUES ((SELECT now FROM journal_clock), :day, :command, :summary,"
        " :contacts, :interactions, :reminders, :types, :bytes)");
    entry.bind(":day", note ? note->day.to_string() : "");
    entry.bind(":command", note ? note->command : "");
    entry.bind(":summary", note ? note->summary : "");
    entry.bind(":contacts", touched_.contacts);
    entry.bind(":interactions", touched_.interactions);
    entry.bind(":reminders", touched_.reminders);
    entry.bind(":types", touched_.types);
    entry.bind(":bytes", bytes_);
    entry.exec();
    entry_ = impl_.db.getLastInsertRowid();
    complete_ = note != nullptr;
  }
  auto& chunk = impl_.prepare("INSERT INTO journal_chunks (entry_id, changeset) VALUES (:e, :c)");
  chunk.bind(":e", *entry_);
  chunk.bindNoCopy(":c", data, size);
  chunk.exec();

  // The people behind what it updated, as they are now: an amended interaction's people, a
  // done reminder's person (a type's holders are not the change's).
  reach.updated_types.clear();
  add_people_behind(impl_, reach);
  if (!reach.people.empty()) {
    auto& people = impl_.prepare(
        "INSERT OR IGNORE INTO journal_people (contact_id, entry_id)"
        " SELECT value, :e FROM json_each(:people)");
    people.bind(":e", *entry_);
    people.bind(":people", json_list(reach.people));
    people.exec();
  }
}

Status JournalRecorder::finish() {
  if (replaying_) return {};
  const bool final = impl_.note && impl_.note->final;
  if (!entry_ && sqlite3session_isempty(session_)) return {};  // nothing changed
  if (!final && !impl_.note) {
    return Error{Errc::internal, "a write changed the database without saying what it is"};
  }
  // Every write that changed something moves the clock, so that a redo knows it came after.
  auto& tick = impl_.prepare("UPDATE journal_clock SET now = now + 1, last_write = now + 1");
  tick.exec();
  if (final) return {};
  const ChangeNote& note = *impl_.note;
  flush(&note);
  if (!complete_) {
    auto& entry = impl_.prepare(
        "UPDATE journal SET seq = (SELECT now FROM journal_clock), day = :day,"
        " command = :command, summary = :summary, contacts = :contacts,"
        " interactions = :interactions, reminders = :reminders, types = :types, bytes = :bytes"
        " WHERE id = :id");
    entry.bind(":day", note.day.to_string());
    entry.bind(":command", note.command);
    entry.bind(":summary", note.summary);
    entry.bind(":contacts", touched_.contacts);
    entry.bind(":interactions", touched_.interactions);
    entry.bind(":reminders", touched_.reminders);
    entry.bind(":types", touched_.types);
    entry.bind(":bytes", bytes_);
    entry.bind(":id", *entry_);
    entry.exec();
  }

  // The newest change always stays; of the older ones, the newest kJournalMaxEntries within
  // kJournalMaxBytes and kJournalMaxAgeDays of this one. Checked cheaply first: most writes
  // find nothing to prune.
  const std::string oldest = note.day.plus_days(-kJournalMaxAgeDays).to_string();
  auto& over = impl_.prepare(
      "SELECT count(*) > :entries + 1 OR sum(bytes) - :mine > :bytes OR min(day) < :oldest"
      " FROM journal");
  over.bind(":entries", kJournalMaxEntries);
  over.bind(":mine", bytes_);
  over.bind(":bytes", kJournalMaxBytes);
  over.bind(":oldest", oldest);
  bool prune_some = over.executeStep() && over.getColumn(0).getInt() != 0;
  over.reset();
  if (!prune_some) return {};
  auto& prune = impl_.prepare(
      "DELETE FROM journal WHERE id != :id AND (day < :oldest OR id IN ("
      "  SELECT id FROM (SELECT id, row_number() OVER newest AS n, sum(bytes) OVER newest AS b"
      "                  FROM journal WHERE id != :id WINDOW newest AS (ORDER BY id DESC))"
      "  WHERE n > :entries OR b > :bytes))");
  prune.bind(":id", *entry_);
  prune.bind(":oldest", oldest);
  prune.bind(":entries", kJournalMaxEntries);
  prune.bind(":bytes", kJournalMaxBytes);
  prune.exec();
  return {};
}

// --- The store's side.

void Store::note_change(ChangeNote note) { impl_->note = std::move(note); }

namespace {

#define KITH_JOURNAL_COLUMNS                                                               \
  "SELECT id, day, at, command, summary, contacts, interactions, reminders, types, bytes," \
  " undone_seq IS NOT NULL FROM journal "

JournalEntry read_entry(SQLite::Statement& st) {
  JournalEntry e;
  e.id = st.getColumn(0).getInt64();
  if (auto day = Date::parse_iso(st.getColumn(1).getString())) e.day = *day;
  e.at = st.getColumn(2).getString();
  e.command = st.getColumn(3).getString();
  e.summary = st.getColumn(4).getString();
  e.touched = {st.getColumn(5).getInt64(), st.getColumn(6).getInt64(), st.getColumn(7).getInt64(),
               st.getColumn(8).getInt64()};
  e.bytes = st.getColumn(9).getInt64();
  e.undone = st.getColumn(10).getInt() != 0;
  return e;
}

Result<std::optional<JournalEntry>> first_entry(Store::Impl& impl, SQLite::Statement& st) {
  return guarded(impl, [&]() -> Result<std::optional<JournalEntry>> {
    if (!st.executeStep()) return std::optional<JournalEntry>{};
    JournalEntry entry = read_entry(st);
    st.reset();
    return std::optional<JournalEntry>(std::move(entry));
  });
}

// The ids of the entry's chunks, in the order they were recorded.
std::vector<std::int64_t> chunk_ids(Store::Impl& impl, std::int64_t entry) {
  std::vector<std::int64_t> ids;
  auto& st = impl.prepare("SELECT id FROM journal_chunks WHERE entry_id = :e ORDER BY id");
  st.bind(":e", entry);
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}

// Calls use(data, size) with the chunk's changeset.
template <class Use>
void with_chunk(Store::Impl& impl, std::int64_t chunk, Use&& use) {
  SQLite::Statement st(impl.db, "SELECT changeset FROM journal_chunks WHERE id = :id");
  st.bind(":id", chunk);
  if (!st.executeStep()) return;
  SQLite::Column column = st.getColumn(0);
  use(column.getBlob(), column.getBytes());
}

// Applies the entry's chunks (their inverses, newest first, when `invert`), then brings
// the summaries and search indexes of what they touched up to date.
Status apply_entry(Store::Impl& impl, const JournalEntry& entry, bool invert) {
  if (impl.recorder) impl.recorder->replaying();
  std::vector<std::int64_t> chunks = chunk_ids(impl, entry.id);
  if (invert) std::reverse(chunks.begin(), chunks.end());
  const bool large = entry.bytes >= kRebuildSearchFrom;
  std::vector<std::string> saved;
  if (large) saved = switch_off_triggers(impl, kAdjustingAndSearch);
  Reach reach;
  Applying applying;
  for (std::int64_t chunk : chunks) {
    Status status;
    with_chunk(impl, chunk, [&](const void* data, int size) {
      if (large) {  // a small change's summaries follow by trigger
        Reach part = reach_of(data, size);
        reach.people.merge(part.people);
        reach.updated_interactions.merge(part.updated_interactions);
        reach.updated_reminders.merge(part.updated_reminders);
        reach.updated_types.merge(part.updated_types);
      }
      int inverted_size = 0;
      void* inverted = nullptr;
      if (invert) {
        check(sqlite3changeset_invert(size, data, &inverted_size, &inverted), "undoing a change");
      }
      struct Free {
        void* data;
        ~Free() { sqlite3_free(data); }
      } free_inverted{inverted};
      int rc = sqlite3changeset_apply(impl.db.getHandle(), invert ? inverted_size : size,
                                      invert ? inverted : const_cast<void*>(data), nullptr,
                                      on_conflict, &applying);
      if (rc == SQLITE_ABORT || !applying.problem.empty()) {
        status = Error{Errc::invalid_input, applying.problem};
      } else {
        check(rc, invert ? "undoing a change" : "redoing a change");
      }
    });
    if (!status) return status;  // the write rolls back, triggers and all
  }
  if (!large) return {};
  switch_on_triggers(impl, saved);
  add_people_behind(impl, reach);
  catch_up_summaries(impl, reach.people);
  rebuild_search_indexes(impl);
  return {};
}

}  // namespace

Result<std::vector<JournalEntry>> Store::journal(int limit) {
  return guarded(*impl_, [&]() -> Result<std::vector<JournalEntry>> {
    auto& st = impl_->prepare(KITH_JOURNAL_COLUMNS "ORDER BY id DESC LIMIT :limit");
    st.bind(":limit", limit > 0 ? limit : -1);
    std::vector<JournalEntry> entries;
    while (st.executeStep()) entries.push_back(read_entry(st));
    return entries;
  });
}

Result<JournalEntry> Store::journal_entry(std::int64_t id) {
  auto& st = impl_->prepare(KITH_JOURNAL_COLUMNS "WHERE id = :id");
  st.bind(":id", id);
  auto entry = first_entry(*impl_, st);
  if (!entry) return entry.error();
  if (!*entry) {
    return Error{Errc::not_found,
                 "no change #" + std::to_string(id) + " in the journal (see 'kith undo --list')"};
  }
  return std::move(**entry);
}

Result<std::optional<JournalEntry>> Store::last_change() {
  auto& st =
      impl_->prepare(KITH_JOURNAL_COLUMNS "WHERE undone_seq IS NULL ORDER BY id DESC LIMIT 1");
  return first_entry(*impl_, st);
}

Result<std::optional<JournalEntry>> Store::redoable_change() {
  auto& st = impl_->prepare(KITH_JOURNAL_COLUMNS
                            "WHERE undone_seq IS NOT NULL"
                            " AND undone_seq > (SELECT last_write FROM journal_clock)"
                            " ORDER BY undone_seq DESC LIMIT 1");
  return first_entry(*impl_, st);
}

Result<std::optional<JournalEntry>> Store::later_change_touching(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<std::optional<JournalEntry>> {
    Footprint mine;
    for (std::int64_t chunk : chunk_ids(*impl_, id)) {
      with_chunk(*impl_, chunk,
                 [&](const void* data, int size) { add_footprint(data, size, mine); });
    }
    std::vector<std::int64_t> later;
    {
      auto& st = impl_->prepare(
          "SELECT id FROM journal WHERE id > :id AND undone_seq IS NULL ORDER BY id");
      st.bind(":id", id);
      while (st.executeStep()) later.push_back(st.getColumn(0).getInt64());
    }
    for (std::int64_t other : later) {
      Footprint theirs;
      for (std::int64_t chunk : chunk_ids(*impl_, other)) {
        with_chunk(*impl_, chunk,
                   [&](const void* data, int size) { add_footprint(data, size, theirs); });
      }
      bool touches =
          std::any_of(theirs.written.begin(), theirs.written.end(),
                      [&](const std::string& key) { return mine.written.count(key) > 0; }) ||
          std::any_of(theirs.referenced.begin(), theirs.referenced.end(),
                      [&](const std::string& key) { return mine.inserted.count(key) > 0; });
      if (!touches) continue;
      auto& st = impl_->prepare(KITH_JOURNAL_COLUMNS "WHERE id = :id");
      st.bind(":id", other);
      st.executeStep();
      return std::optional<JournalEntry>(read_entry(st));
    }
    return std::optional<JournalEntry>{};
  });
}

Status Store::revert_change(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  auto entry = journal_entry(id);
  if (!entry) return entry.error();
  if (entry->undone) {
    return invalid_input("change #" + std::to_string(id) + " is already undone");
  }
  return guarded(*impl_, [&]() -> Status {
    KITH_TRY(apply_entry(*impl_, *entry, true));
    impl_->db.exec("UPDATE journal_clock SET now = now + 1");
    auto& mark = impl_->prepare(
        "UPDATE journal SET undone_seq = (SELECT now FROM journal_clock) WHERE id = :id");
    mark.bind(":id", id);
    mark.exec();
    return Status{};
  });
}

Status Store::reapply_change(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  auto entry = journal_entry(id);
  if (!entry) return entry.error();
  if (!entry->undone) return invalid_input("change #" + std::to_string(id) + " is in force");
  return guarded(*impl_, [&]() -> Status {
    KITH_TRY(apply_entry(*impl_, *entry, false));
    auto& mark = impl_->prepare("UPDATE journal SET undone_seq = NULL WHERE id = :id");
    mark.bind(":id", id);
    mark.exec();
    return Status{};
  });
}

Result<std::int64_t> Store::forget_person(std::int64_t contact_id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "DELETE FROM journal WHERE id IN"
        " (SELECT entry_id FROM journal_people WHERE contact_id = :id OR contact_id IN"
        "   (SELECT former_id FROM contact_aliases WHERE contact_id = :id))");
    st.bind(":id", contact_id);
    return static_cast<std::int64_t>(st.exec());
  });
}

}  // namespace kith
