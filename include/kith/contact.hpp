// Contacts, and the pure rules about them: cadence and when a check-in is due.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/relationship_type.hpp"
#include "kith/status.hpp"

namespace kith {

// A yearly date such as a birthday, with or without a year. Feb 29 is valid (with a leap
// year, or without a year).
class YearlyDate {
 public:
  // Accepts "YYYY-MM-DD", "MM-DD" and "--MM-DD" (vCard's form without a year).
  static Result<YearlyDate> parse(std::string_view text);

  std::optional<int> year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // "YYYY-MM-DD", or "--MM-DD" without a year. parse(to_string()) == *this.
  std::string to_string() const;

  friend bool operator==(const YearlyDate&, const YearlyDate&) = default;

 private:
  std::optional<int> year_;
  int month_ = 1;
  int day_ = 1;
};

// The day a yearly date falls on in `year`; Feb 29 is observed on Feb 28 in other years.
Date in_year(const YearlyDate& date, int year);

// The first day on or after `from` on which the yearly date falls. Near the end of the
// supported range there may be none: then the day it falls on in kMaxYear, before `from`.
Date next_on_or_after(const YearlyDate& date, Date from);

// How many years the date marks on `on` (an age, or "5 years" of a work anniversary), when
// its year is known and that is at least one.
std::optional<int> years_at(const YearlyDate& date, Date on);

// A labelled yearly date of a person: "work anniversary", "met". The birthday is separate.
struct ImportantDate {
  std::string label;
  YearlyDate date;
  friend bool operator==(const ImportantDate&, const ImportantDate&) = default;
};

// Checks and normalises a label: trimmed, in NFC (to_nfc), 1-40 characters (bytes), no control
// characters.
Result<std::string> normalize_label(std::string_view text);

// The weighted give/receive ledger of one person.
// Invariant: given and received are the sums of the weights of the person's interactions
// marked gave and received; mutual interactions count in neither.
struct Balance {
  std::int64_t given = 0;
  std::int64_t received = 0;
  std::optional<Date> last_gave;  // the latest day you gave something
  std::int64_t net() const { return given - received; }
};

struct Contact {
  std::int64_t id = 0;
  std::string uuid;
  std::string name;
  std::vector<std::string> akas;   // other names it goes by (nicknames), sorted by their key
  std::vector<std::string> types;  // type names, sorted
  std::optional<Duration> every;   // own cadence; overrides the types' defaults
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::string org;
  std::string title;
  std::optional<YearlyDate> birthday;
  std::vector<ImportantDate> dates;  // other yearly dates, sorted by label
  std::optional<int> circle;  // 1 = own team, 2 = wider organisation and field, 3 = further out
  std::string met_via;        // who introduced you, as written
  std::optional<std::int64_t> met_via_id;  // that person, when they are a contact
  std::vector<std::string> tags;           // sorted, lowercase
  std::string learn;                       // what you want to learn from them
  std::string offer;                       // what you can offer them
  std::string note;
  Date added_on;
  bool archived = false;
  // Someone you want to meet but do not know yet (kith add --target): never due, never in the
  // report, plan, reconnect or balance lists; kith path finds routes to them. Logging an
  // interaction with them makes them a normal contact.
  bool target = false;
  std::optional<Date> last_contact;  // the latest interaction's day
  std::optional<Date> last_skip;     // the latest `kith skip`'s day
  Balance balance;
  std::string created_at;
  std::string updated_at;
};

// A birthday or important date falling within a window of days.
struct Occasion {
  std::int64_t contact_id = 0;
  std::string name;          // the contact's
  std::string label;         // "birthday", or the important date's label
  Date on;                   // the day it falls on in the window
  std::optional<int> years;  // the age or count of years it marks, when the year is known
};

// The birthdays and important dates of active contacts that fall on the days from `today`
// to `today` + `days` (inclusive), soonest first, then by name, label and contact id.
std::vector<Occasion> upcoming_occasions(const std::vector<Contact>& contacts, Date today,
                                         int days);

// The contact's cadence: its own `every`, else the shortest default cadence among its types
// (looked up in `types` by name); nullopt when it has neither (it is never due).
std::optional<Duration> effective_cadence(const Contact& contact,
                                          const std::vector<RelationshipType>& types);

// When the next check-in is due: one cadence after the last interaction, or after the day it
// was added if there has been none, or after the last skip when that is later. nullopt when the
// contact has no cadence, is archived or is a target.
std::optional<Date> next_due(const Contact& contact, const std::optional<Duration>& cadence);

// True when today is past the due date.
bool is_overdue(const std::optional<Date>& due, Date today);

// When a contact's next check-in is due, as of one day.
struct Due {
  std::optional<Duration> cadence;  // effective_cadence
  std::optional<Date> next;         // next_due; nullopt: never due
  std::int64_t days_overdue = 0;    // days past `next`; > 0 only when overdue
  bool overdue() const { return days_overdue > 0; }
};

// The contact's cadence among `types`, its next check-in, and how far past it `today` is.
Due due_of(const Contact& contact, const std::vector<RelationshipType>& types, Date today);

// What two phone numbers of one person share: their last nine digits (all of them when fewer),
// so that a national number and its international form match ("07700 900123",
// "+44 7700 900123"). kith merge and kith dupes compare phones by it.
std::string phone_key(std::string_view phone);

// Sorts names as Contact::akas keeps them: by their key (fold_for_match), then as written.
void sort_names(std::vector<std::string>& names);

// The contact `keep` becomes when `other` is merged into it (kith merge). keep's name, and each
// field keep has, stay; a field keep lacks takes other's. Lists are joined: types and tags,
// emails (ignoring case), phones (by their last nine digits), yearly dates (by label; keep's date
// wins). other's name and other names become keep's other names, except those that fold to keep's
// name. learn, offer and note are joined with "; " when other's text is not already in keep's.
// The earlier added day. The introducer: keep's, unless keep has none or was introduced by
// other; then other's, unless that is keep. other's id must differ from keep's.
Contact merged_contact(const Contact& keep, const Contact& other);

// Checks and normalises a contact's name: trimmed, not empty, valid UTF-8, no control
// characters, at most 200 bytes once in NFC (to_nfc: a name typed decomposed is stored
// composed), something left once folded (fold_for_match). invalid_input naming the problem
// otherwise.
Result<std::string> normalize_name(std::string_view text);

// Checks a circle: invalid_input unless 1, 2 or 3.
Status check_circle(int circle);

// Checks a tag and returns it normalised (trimmed, ASCII letters in lowercase, in NFC, no spaces
// or commas).
Result<std::string> normalize_tag(std::string_view text);

// Checks an email address and returns it trimmed: name@domain, at most 254 bytes, valid UTF-8,
// no spaces, commas, semicolons or angle brackets. invalid_input naming it otherwise.
Result<std::string> normalize_email(std::string_view text);

// Checks a phone number and returns it trimmed: at least 3 digits, with only spaces and
// + - ( ) . x / besides, at most 40 bytes. invalid_input naming it otherwise.
Result<std::string> normalize_phone(std::string_view text);

// Checks free text given for a field (note, learn, offer, org, title, summary): valid UTF-8,
// no NUL or control characters other than newline and tab, at most 64 KiB. The error names
// the field, never the text itself (it may be private).
Status check_free_text(std::string_view text, std::string_view field);

}  // namespace kith
