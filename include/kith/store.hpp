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
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"
#include "kith/status.hpp"

namespace kith {

// The database path when neither --db nor KITH_DB is given: $XDG_DATA_HOME/kith/kith.db,
// or $HOME/.local/share/kith/kith.db when XDG_DATA_HOME is unset, empty or relative.
// `xdg_data_home` and `home` are the variables' values (nullptr when unset).
// Errc::storage when neither gives an absolute folder.
Result<std::filesystem::path> default_db_path(const char* xdg_data_home, const char* home);

struct ContactQuery {
  std::optional<std::string> type;  // only contacts with this type
  std::optional<std::string> tag;   // only contacts with this tag
  bool archived = false;            // archived contacts instead of active ones
};

struct HistoryQuery {
  std::optional<std::int64_t> contact_id;  // one person, or everyone
  std::optional<Date> since;               // on or after this day
  int limit = 0;                           // 0 = no limit
};

struct SearchHit {
  enum class Kind { contact, interaction };
  Kind kind = Kind::contact;
  std::int64_t id = 0;         // the contact's or the interaction's id
  std::string name;            // the contact, or the interaction's people joined by ", "
  std::optional<Date> day;     // the interaction's day
  std::string snippet;         // the matching text, matches marked with [ and ]
  double rank = 0;             // lower is better (FTS5 bm25)
};

// A type change: each field left empty keeps its value.
struct TypeChange {
  std::optional<std::optional<Duration>> every;  // a value, or nullopt inside to clear it
  std::optional<int> weight;
};

class Store {
 public:
  enum class Access {
    // A missing (or empty) file is not created: an empty in-memory database stands in. All
    // queries through the Store see one snapshot, the database as of the first of them,
    // however many other kith processes write meanwhile. write() is not available.
    read,
    write,  // a missing file is created with its folder
  };

  // Opens (and, for Access::write, creates) the database at `path` and migrates it.
  // Errc::storage naming the path and the reason on any failure; the file is left as it was.
  static Result<Store> open(const std::filesystem::path& path, Access access);

  // The connection and its prepared statements (src/core/store_impl.hpp); internal.
  struct Impl;

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // True when the file did not exist (or was empty) and Access::read stood in for it.
  bool missing() const;
  // Where an existing database was copied before a migration changed it, if one did.
  const std::optional<std::filesystem::path>& backup_path() const;
  // The schema level after opening.
  int schema_level() const;
  // The newest schema level this kith knows.
  static int latest_schema_level();

  // Runs `body` in one IMMEDIATE transaction; commits when it returns ok, else rolls back
  // and returns its error. Errc::storage when the database stays locked past the timeout.
  // REQUIRES: opened with Access::write (else Errc::internal).
  Status write(const std::function<Status()>& body);

  // Relationship types, sorted by name.
  Result<std::vector<RelationshipType>> types();
  // REQUIRES: inside write(). invalid_input when the name exists.
  Status add_type(const RelationshipType& type);
  // REQUIRES: inside write(). not_found when there is no such type.
  Status change_type(std::string_view name, const TypeChange& change);

  // Finds one contact by WHO (see PRODUCT.md): a numeric id, or the whole or a unique part of
  // the name, case- and accent-insensitive; a whole-name match wins over partial ones.
  // not_found when nothing matches; ambiguous listing the candidates with their ids.
  Result<Contact> resolve(std::string_view who);
  // not_found when there is no contact with this id.
  Result<Contact> contact(std::int64_t id);
  // Contacts matching the query, sorted by name (case- and accent-insensitive).
  Result<std::vector<Contact>> contacts(const ContactQuery& query);

  // REQUIRES: inside write(). Adds the contact (its id, uuid, timestamps and derived fields
  // are ignored; a uuid is generated) and returns its id. not_found for an unknown type.
  Result<std::int64_t> add_contact(const Contact& contact);
  // REQUIRES: inside write(). Replaces the stored fields of contact.id with these.
  Status update_contact(const Contact& contact);
  // REQUIRES: inside write(). Deletes the contact, its reminders, its links to interactions,
  // and the interactions nobody else took part in, with their full-text index entries. Once
  // committed and checkpointed (as when the last connection closes), none of their text is
  // left in the database file: secure_delete zeroes freed content, and the search indexes
  // are rewritten, which takes time in proportion to their size.
  Status remove_contact(std::int64_t id);

  // REQUIRES: inside write(). Adds the interaction for interaction.people (by id; names are
  // ignored) and returns its id.
  Result<std::int64_t> add_interaction(const Interaction& interaction);
  // Interactions, newest first (by day, then by id).
  Result<std::vector<Interaction>> history(const HistoryQuery& query);

  // REQUIRES: inside write(). Adds the reminder (anchor defaults to due when unset by the
  // caller: pass the same day) and returns its id.
  Result<std::int64_t> add_reminder(const Reminder& reminder);
  // not_found naming the id when there is no such reminder.
  Result<Reminder> reminder(std::int64_t id);
  // Reminders, soonest first (then by id): open ones, or all with `include_done`; about one
  // contact, or everyone.
  Result<std::vector<Reminder>> reminders(std::optional<std::int64_t> contact_id,
                                          bool include_done = false);
  // REQUIRES: inside write(). Stores the reminder's due, anchor, done_on and last_done.
  Status update_reminder(const Reminder& reminder);
  // What the report and the plan need: the open reminders due on or before `through`, and
  // every open promise and plan whatever its day; soonest first, then by id.
  Result<std::vector<Reminder>> agenda(Date through);
  // REQUIRES: inside write(). Marks done, on `day`, the contact's open planned outreach
  // (reminders of kind plan) due no later than kPlanFulfilledAhead days after `day`: talking
  // to someone fulfils the outreach booked for them. Returns how many it closed.
  Result<int> fulfil_plans(std::int64_t contact_id, Date day);
  static constexpr int kPlanFulfilledAhead = 7;

  // Full-text search over names, organisations, titles, notes, learn/offer and interaction
  // summaries. `query` is words, each matching as a prefix when it ends in '*'; every word
  // must match. At most `limit` hits, best first. invalid_input for an empty query, or one
  // that is not valid UTF-8 or holds control characters.
  Result<std::vector<SearchHit>> find(std::string_view query, int limit);

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith
