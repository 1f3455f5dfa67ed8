// Records as kith exchanges them with files (export, import, sync): everything the user
// entered, with the identity (uuid) and timestamps that merging relies on. References
// between records are by uuid, never by local id; derived values (balance, last contact,
// next due) are not part of a record.
//
// Timestamps are UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ" (as SQLite's strftime writes them), so that
// comparing two of them as text compares them in time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/goal.hpp"
#include "kith/interaction.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"

namespace kith {

// Where an external id comes from. Frozen: stored in the database as "vcard", "linkedin".
enum class ExternalSource {
  vcard,     // a vCard UID that is not a kith uuid (Google, Apple, a phone)
  linkedin,  // a LinkedIn profile URL
};
std::string_view to_string(ExternalSource source);
Result<ExternalSource> parse_external_source(std::string_view text);

// A key that names a contact in another address book, so importing from there again finds
// the same contact. A key belongs to at most one contact.
struct ExternalId {
  ExternalSource source = ExternalSource::vcard;
  std::string id;             // the vCard UID or the profile URL, as that source wrote it
  std::optional<Date> since;  // when you connected there (LinkedIn's "Connected On")
  friend bool operator==(const ExternalId&, const ExternalId&) = default;
};

struct TypeRecord {
  RelationshipType type;  // uuid, name, every, weight, builtin
  std::string created_at;
  std::string updated_at;
};

struct ContactRecord {
  // Every stored field, with uuid, created_at and updated_at. Ignored when merging: id,
  // met_via_id and the derived fields (last_contact, balance).
  Contact contact;
  std::optional<std::string> met_via_contact;  // the introducer's uuid, when a contact
  std::vector<ExternalId> external_ids;        // sorted by source, then id
  std::vector<std::string> aliases;  // the uuids of contacts merged into it (kith merge), sorted
};

struct InteractionRecord {
  // uuid, day, summary, channel, direction, weight and created_at; id and people ignored.
  Interaction interaction;
  std::vector<std::string> people;  // the contacts' uuids, sorted
  std::string updated_at;
};

struct ReminderRecord {
  // Every stored field with uuid; id, contact_id and contact_name are ignored.
  Reminder reminder;
  std::optional<std::string> contact;  // the contact's uuid; nullopt: about nobody
  std::string created_at;
  std::string updated_at;
};

struct GoalRecord {
  // Every stored field with uuid, created_at and updated_at; id is ignored.
  Goal goal;
  struct Person {
    std::string contact;  // the contact's uuid
    std::string role;     // a type name, or ""
    friend bool operator==(const Person&, const Person&) = default;
  };
  std::vector<Person> people;  // sorted by contact uuid
};

// "A knows B" (kith knows, kith intro): the two people by uuid.
struct LinkRecord {
  std::string uuid;
  std::string a;    // a contact's uuid
  std::string b;    // another contact's uuid
  std::string how;  // "" when not said
  Date since;       // the day it was recorded
  std::string created_at;
  std::string updated_at;
};

// What merging one record did.
enum class Merge {
  added,    // it was new
  updated,  // it replaced an older stored record with the same identity
  skipped,  // the stored record was as new or newer: nothing changed
};

// The profile's canonical URL, "https://www.linkedin.com/in/<name>" with the name in
// lowercase, when `url` is a LinkedIn profile in any spelling (http, no www, a country
// subdomain, a trailing slash or query); nullopt otherwise. The canonical URL is the key
// that recognises a connection again.
std::optional<std::string> linkedin_profile(std::string_view url);

// True for a UUID in canonical form: 8-4-4-4-12 hexadecimal digits, either case.
bool is_uuid(std::string_view text);
// The UUID in lowercase. REQUIRES: is_uuid(text).
std::string lowercase_uuid(std::string_view text);

// True for a timestamp in kith's form, "YYYY-MM-DDTHH:MM:SS.mmmZ", with a valid date and time.
bool is_timestamp(std::string_view text);

}  // namespace kith
