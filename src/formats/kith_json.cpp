#include "kith_json.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <streambuf>

#include "kith/text.hpp"

namespace kith::formats {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::array<std::string_view, kSections> kSectionNames = {
    "types", "contacts", "interactions", "reminders", "goals", "links"};
// Most values one record may hold, lists included.
constexpr std::size_t kMaxRecordValues = 100'000;
// nlohmann's out_of_range.406: a number too large for a double (1e400).
constexpr int kNumberOverflow = 406;

// --- Records to JSON ---------------------------------------------------------------------

template <class T>
OrderedJson or_null(const std::optional<T>& value) {
  return value ? OrderedJson(value->to_string()) : OrderedJson(nullptr);
}

OrderedJson or_null(const std::optional<std::string>& value) {
  return value ? OrderedJson(*value) : OrderedJson(nullptr);
}

OrderedJson to_json(const TypeRecord& r) {
  OrderedJson j;
  j["uuid"] = r.type.uuid;
  j["name"] = r.type.name;
  j["every"] = or_null(r.type.every);
  j["weight"] = r.type.weight;
  j["builtin"] = r.type.builtin;
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  return j;
}

OrderedJson to_json(const ContactRecord& r) {
  const Contact& c = r.contact;
  OrderedJson j;
  j["uuid"] = c.uuid;
  j["name"] = c.name;
  j["akas"] = c.akas;
  j["types"] = c.types;
  j["every"] = or_null(c.every);
  j["emails"] = c.emails;
  j["phones"] = c.phones;
  j["org"] = c.org;
  j["title"] = c.title;
  j["birthday"] = or_null(c.birthday);
  OrderedJson dates = OrderedJson::array();
  for (const ImportantDate& d : c.dates) {
    dates.push_back({{"label", d.label}, {"date", d.date.to_string()}});
  }
  j["dates"] = std::move(dates);
  j["circle"] = c.circle ? OrderedJson(*c.circle) : OrderedJson(nullptr);
  j["met_via"] = c.met_via;
  j["met_via_contact"] = or_null(r.met_via_contact);
  j["tags"] = c.tags;
  j["learn"] = c.learn;
  j["offer"] = c.offer;
  j["note"] = c.note;
  j["added_on"] = c.added_on.to_string();
  j["archived"] = c.archived;
  j["target"] = c.target;
  OrderedJson ids = OrderedJson::array();
  for (const ExternalId& id : r.external_ids) {
    ids.push_back({{"source", std::string(to_string(id.source))},
                   {"id", id.id},
                   {"since", or_null(id.since)}});
  }
  j["external_ids"] = std::move(ids);
  j["aliases"] = r.aliases;
  j["created_at"] = c.created_at;
  j["updated_at"] = c.updated_at;
  return j;
}

OrderedJson to_json(const InteractionRecord& r) {
  const Interaction& i = r.interaction;
  OrderedJson j;
  j["uuid"] = i.uuid;
  j["day"] = i.day.to_string();
  j["summary"] = i.summary;
  j["channel"] = i.channel ? OrderedJson(std::string(to_string(*i.channel))) : OrderedJson(nullptr);
  j["direction"] = std::string(to_string(i.direction));
  j["weight"] = i.weight;
  j["people"] = r.people;
  j["created_at"] = i.created_at;
  j["updated_at"] = r.updated_at;
  return j;
}

OrderedJson to_json(const ReminderRecord& r) {
  const Reminder& m = r.reminder;
  OrderedJson j;
  j["uuid"] = m.uuid;
  j["kind"] = std::string(to_string(m.kind));
  j["text"] = m.text;
  j["contact"] = or_null(r.contact);
  j["due"] = m.due.to_string();
  j["every"] = or_null(m.every);
  j["anchor"] = m.anchor.to_string();
  j["done_on"] = or_null(m.done_on);
  j["last_done"] = or_null(m.last_done);
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  j["cancelled"] = m.cancelled;  // the newest key, last: the others keep their places
  return j;
}

OrderedJson to_json(const GoalRecord& r) {
  const Goal& g = r.goal;
  OrderedJson j;
  j["uuid"] = g.uuid;
  j["text"] = g.text;
  j["by"] = or_null(g.by);
  j["needs"] = g.needs;
  j["added_on"] = g.added_on.to_string();
  j["done_on"] = or_null(g.done_on);
  OrderedJson people = OrderedJson::array();
  for (const GoalRecord::Person& p : r.people) {
    people.push_back({{"contact", p.contact}, {"role", p.role}});
  }
  j["people"] = std::move(people);
  j["created_at"] = g.created_at;
  j["updated_at"] = g.updated_at;
  return j;
}

OrderedJson to_json(const LinkRecord& r) {
  OrderedJson j;
  j["uuid"] = r.uuid;
  j["a"] = r.a;
  j["b"] = r.b;
  j["how"] = r.how;
  j["since"] = r.since.to_string();
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  return j;
}

// --- JSON to records: each getter leaves the default when an optional key is absent -------

Error problem(std::string_view key, std::string_view what) {
  return {Errc::bad_file, "\"" + std::string(key) + "\": " + std::string(what)};
}

Error missing(std::string_view key) {
  return {Errc::bad_file, "missing \"" + std::string(key) + "\""};
}

// The value at `key`, or nullptr when it is absent or null.
const Json* at(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

// Turns a core check's error into one naming the key.
template <class T>
Status take(const char* key, Result<T> result, T& out) {
  if (!result) return problem(key, result.error().message);
  out = std::move(*result);
  return {};
}

Status get_string(const Json& j, const char* key, std::string& out, bool required = false) {
  const Json* v = at(j, key);
  if (!v) return required ? Status(missing(key)) : Status();
  if (!v->is_string()) return problem(key, "expected a string");
  out = v->get<std::string>();
  return {};
}

Status get_text(const Json& j, const char* key, std::string_view field, std::string& out) {
  KITH_TRY(get_string(j, key, out));
  if (Status ok = check_free_text(out, field); !ok) return problem(key, ok.error().message);
  return {};
}

Status get_uuid(const Json& j, const char* key, std::string& out) {
  KITH_TRY(get_string(j, key, out, true));
  if (!is_uuid(out))
    return problem(key, "expected a UUID like 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10");
  out = lowercase_uuid(out);
  return {};
}

Status get_optional_uuid(const Json& j, const char* key, std::optional<std::string>& out) {
  if (!at(j, key)) return {};
  std::string uuid;
  KITH_TRY(get_uuid(j, key, uuid));
  out = uuid;
  return {};
}

Status get_timestamp(const Json& j, const char* key, std::string& out) {
  KITH_TRY(get_string(j, key, out, true));
  if (!is_timestamp(out)) {
    return problem(key, "expected a UTC time like 2026-11-22T21:03:11.512Z");
  }
  return {};
}

Status get_date(const Json& j, const char* key, Date& out, bool required) {
  std::string text;
  KITH_TRY(get_string(j, key, text, required));
  if (text.empty() && !at(j, key)) return {};
  return take(key, Date::parse_iso(text), out);
}

Status get_optional_date(const Json& j, const char* key, std::optional<Date>& out) {
  if (!at(j, key)) return {};
  Date day;
  KITH_TRY(get_date(j, key, day, true));
  out = day;
  return {};
}

Status get_duration(const Json& j, const char* key, std::optional<Duration>& out) {
  if (!at(j, key)) return {};
  std::string text;
  KITH_TRY(get_string(j, key, text));
  Duration every;
  KITH_TRY(take(key, Duration::parse(text), every));
  out = every;
  return {};
}

Status get_int(const Json& j, const char* key, int& out, int low, int high) {
  const Json* v = at(j, key);
  if (!v) return {};
  if (!v->is_number_integer() || v->get<std::int64_t>() < low || v->get<std::int64_t>() > high) {
    return problem(
        key, "expected an integer from " + std::to_string(low) + " to " + std::to_string(high));
  }
  out = v->get<int>();
  return {};
}

Status get_bool(const Json& j, const char* key, bool& out) {
  const Json* v = at(j, key);
  if (!v) return {};
  if (!v->is_boolean()) return problem(key, "expected true or false");
  out = v->get<bool>();
  return {};
}

// A list of strings, each checked and normalised by `check`.
template <class Check>
Status get_list(const Json& j, const char* key, std::vector<std::string>& out, Check check) {
  const Json* v = at(j, key);
  if (!v) return {};
  if (!v->is_array()) return problem(key, "expected a list of strings");
  for (const Json& item : *v) {
    if (!item.is_string()) return problem(key, "expected a list of strings");
    auto value = check(item.get<std::string>());
    if (!value) return problem(key, value.error().message);
    out.push_back(std::move(*value));
  }
  return {};
}

void sort_unique(std::vector<std::string>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

Result<std::string> as_uuid(const std::string& text) {
  if (!is_uuid(text)) return invalid_input("'" + text + "' is not a UUID");
  return lowercase_uuid(text);
}

Status read_record(const Json& j, TypeRecord& r) {
  KITH_TRY(get_uuid(j, "uuid", r.type.uuid));
  std::string name;
  KITH_TRY(get_string(j, "name", name, true));
  KITH_TRY(take("name", normalize_type_name(name), r.type.name));
  KITH_TRY(get_duration(j, "every", r.type.every));
  KITH_TRY(get_int(j, "weight", r.type.weight, kMinWeight, kMaxWeight));
  KITH_TRY(get_bool(j, "builtin", r.type.builtin));
  KITH_TRY(get_timestamp(j, "created_at", r.created_at));
  return get_timestamp(j, "updated_at", r.updated_at);
}

Status read_dates(const Json& j, std::vector<ImportantDate>& out) {
  const Json* v = at(j, "dates");
  if (!v) return {};
  auto bad = [] { return problem("dates", "expected a list of {\"label\", \"date\"}"); };
  if (!v->is_array()) return bad();
  for (const Json& item : *v) {
    if (!item.is_object()) return bad();
    std::string label;
    std::string date;
    KITH_TRY(get_string(item, "label", label, true));
    KITH_TRY(get_string(item, "date", date, true));
    ImportantDate d;
    KITH_TRY(take("dates", normalize_label(label), d.label));
    KITH_TRY(take("dates", YearlyDate::parse(date), d.date));
    std::erase_if(out, [&](const ImportantDate& known) { return known.label == d.label; });
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  return {};
}

Status read_external_ids(const Json& j, std::vector<ExternalId>& out) {
  const Json* v = at(j, "external_ids");
  if (!v) return {};
  auto bad = [] {
    return problem("external_ids", "expected a list of {\"source\", \"id\", \"since\"}");
  };
  if (!v->is_array()) return bad();
  for (const Json& item : *v) {
    if (!item.is_object()) return bad();
    ExternalId id;
    std::string source;
    KITH_TRY(get_string(item, "source", source, true));
    KITH_TRY(take("external_ids", parse_external_source(source), id.source));
    KITH_TRY(get_string(item, "id", id.id, true));
    if (id.id.empty() || id.id.size() > 2048 || !is_valid_utf8(id.id) || has_control_chars(id.id)) {
      return problem("external_ids", "an id must be 1 to 2048 bytes of text");
    }
    KITH_TRY(get_optional_date(item, "since", id.since));
    out.push_back(std::move(id));
  }
  std::sort(out.begin(), out.end(), [](const ExternalId& a, const ExternalId& b) {
    if (a.source != b.source) return to_string(a.source) < to_string(b.source);
    return a.id < b.id;
  });
  return {};
}

Status read_record(const Json& j, ContactRecord& r) {
  Contact& c = r.contact;
  KITH_TRY(get_uuid(j, "uuid", c.uuid));
  std::string name;
  KITH_TRY(get_string(j, "name", name, true));
  KITH_TRY(take("name", normalize_name(name), c.name));
  KITH_TRY(get_list(j, "akas", c.akas, normalize_name));
  sort_names(c.akas);
  KITH_TRY(get_list(j, "types", c.types, normalize_type_name));
  sort_unique(c.types);
  KITH_TRY(get_duration(j, "every", c.every));
  KITH_TRY(get_list(j, "emails", c.emails, normalize_email));
  KITH_TRY(get_list(j, "phones", c.phones, normalize_phone));
  KITH_TRY(get_text(j, "org", "organisation", c.org));
  KITH_TRY(get_text(j, "title", "title", c.title));
  if (const Json* birthday = at(j, "birthday")) {
    if (!birthday->is_string()) return problem("birthday", "expected a string");
    YearlyDate day;
    KITH_TRY(take("birthday", YearlyDate::parse(birthday->get<std::string>()), day));
    c.birthday = day;
  }
  KITH_TRY(read_dates(j, c.dates));
  if (at(j, "circle")) {
    int circle = 0;
    KITH_TRY(get_int(j, "circle", circle, 1, 3));
    c.circle = circle;
  }
  KITH_TRY(get_text(j, "met_via", "met-via", c.met_via));
  KITH_TRY(get_optional_uuid(j, "met_via_contact", r.met_via_contact));
  KITH_TRY(get_list(j, "tags", c.tags, normalize_tag));
  sort_unique(c.tags);
  KITH_TRY(get_text(j, "learn", "learn text", c.learn));
  KITH_TRY(get_text(j, "offer", "offer text", c.offer));
  KITH_TRY(get_text(j, "note", "note", c.note));
  KITH_TRY(get_date(j, "added_on", c.added_on, true));
  KITH_TRY(get_bool(j, "archived", c.archived));
  KITH_TRY(get_bool(j, "target", c.target));
  KITH_TRY(read_external_ids(j, r.external_ids));
  KITH_TRY(get_list(j, "aliases", r.aliases, as_uuid));
  sort_unique(r.aliases);
  KITH_TRY(get_timestamp(j, "created_at", c.created_at));
  return get_timestamp(j, "updated_at", c.updated_at);
}

Status read_record(const Json& j, InteractionRecord& r) {
  Interaction& i = r.interaction;
  KITH_TRY(get_uuid(j, "uuid", i.uuid));
  KITH_TRY(get_date(j, "day", i.day, true));
  KITH_TRY(get_string(j, "summary", i.summary, true));
  if (trim(i.summary).empty()) return problem("summary", "it is empty");
  if (Status ok = check_free_text(i.summary, "summary"); !ok) {
    return problem("summary", ok.error().message);
  }
  if (at(j, "channel")) {
    std::string channel;
    KITH_TRY(get_string(j, "channel", channel));
    Channel value{};
    KITH_TRY(take("channel", parse_channel(channel), value));
    i.channel = value;
  }
  if (at(j, "direction")) {
    std::string direction;
    KITH_TRY(get_string(j, "direction", direction));
    KITH_TRY(take("direction", parse_direction(direction), i.direction));
  }
  KITH_TRY(get_int(j, "weight", i.weight, kMinWeight, kMaxWeight));
  if (!at(j, "people")) return missing("people");
  KITH_TRY(get_list(j, "people", r.people, as_uuid));
  sort_unique(r.people);
  if (r.people.empty()) return problem("people", "an interaction needs at least one person");
  KITH_TRY(get_timestamp(j, "created_at", i.created_at));
  return get_timestamp(j, "updated_at", r.updated_at);
}

Status read_record(const Json& j, ReminderRecord& r) {
  Reminder& m = r.reminder;
  KITH_TRY(get_uuid(j, "uuid", m.uuid));
  if (at(j, "kind")) {
    std::string kind;
    KITH_TRY(get_string(j, "kind", kind));
    KITH_TRY(take("kind", parse_reminder_kind(kind), m.kind));
  }
  KITH_TRY(get_string(j, "text", m.text, m.kind != ReminderKind::skip));
  if (m.kind != ReminderKind::skip && trim(m.text).empty()) return problem("text", "it is empty");
  if (Status ok = check_free_text(m.text, "text"); !ok) return problem("text", ok.error().message);
  KITH_TRY(get_optional_uuid(j, "contact", r.contact));
  if (needs_person(m.kind) && !r.contact) {
    return problem("contact", "a " + std::string(to_string(m.kind)) + " is about someone");
  }
  KITH_TRY(get_date(j, "due", m.due, true));
  KITH_TRY(get_duration(j, "every", m.every));
  if (m.kind == ReminderKind::meeting && !m.every) {
    return problem("every", "a meeting recurs: it needs \"every\"");
  }
  m.anchor = m.due;
  KITH_TRY(get_date(j, "anchor", m.anchor, false));
  KITH_TRY(get_optional_date(j, "done_on", m.done_on));
  KITH_TRY(get_optional_date(j, "last_done", m.last_done));
  KITH_TRY(get_bool(j, "cancelled", m.cancelled));  // absent (an older kith's file): false
  if (m.cancelled && !m.done_on) {
    return problem("cancelled", "a cancelled reminder needs \"done_on\", the day it was cancelled");
  }
  KITH_TRY(get_timestamp(j, "created_at", r.created_at));
  return get_timestamp(j, "updated_at", r.updated_at);
}

Status read_record(const Json& j, GoalRecord& r) {
  Goal& g = r.goal;
  KITH_TRY(get_uuid(j, "uuid", g.uuid));
  KITH_TRY(get_string(j, "text", g.text, true));
  if (Status ok = check_goal_text(g.text); !ok) return problem("text", ok.error().message);
  KITH_TRY(get_optional_date(j, "by", g.by));
  if (const Json* needs = at(j, "needs")) {
    if (!needs->is_array()) return problem("needs", "expected a list of type names");
    std::string joined;
    for (const Json& n : *needs) {
      if (!n.is_string()) return problem("needs", "expected a list of type names");
      joined += (joined.empty() ? "" : ",") + n.get<std::string>();
    }
    KITH_TRY(take("needs", parse_needs(joined), g.needs));
  } else {
    g.needs = {std::string(kDefaultGoalNeeds)};
  }
  KITH_TRY(get_date(j, "added_on", g.added_on, true));
  KITH_TRY(get_optional_date(j, "done_on", g.done_on));
  if (const Json* people = at(j, "people")) {
    auto bad = [] { return problem("people", "expected a list of {\"contact\", \"role\"}"); };
    if (!people->is_array()) return bad();
    for (const Json& item : *people) {
      if (!item.is_object()) return bad();
      GoalRecord::Person p;
      KITH_TRY(get_uuid(item, "contact", p.contact));
      KITH_TRY(get_string(item, "role", p.role));
      if (!p.role.empty()) {
        auto role = normalize_type_name(p.role);
        if (!role) return problem("people", role.error().message);
        p.role = *role;
      }
      r.people.push_back(std::move(p));
    }
    std::sort(r.people.begin(), r.people.end(),
              [](const GoalRecord::Person& a, const GoalRecord::Person& b) {
                return a.contact < b.contact;
              });
    r.people.erase(std::unique(r.people.begin(), r.people.end(),
                               [](const GoalRecord::Person& a, const GoalRecord::Person& b) {
                                 return a.contact == b.contact;
                               }),
                   r.people.end());
  }
  KITH_TRY(get_timestamp(j, "created_at", g.created_at));
  return get_timestamp(j, "updated_at", g.updated_at);
}

Status read_record(const Json& j, LinkRecord& r) {
  KITH_TRY(get_uuid(j, "uuid", r.uuid));
  KITH_TRY(get_uuid(j, "a", r.a));
  KITH_TRY(get_uuid(j, "b", r.b));
  if (r.a.empty()) return missing("a");
  if (r.b.empty()) return missing("b");
  if (r.a == r.b) return problem("b", "a link joins two different people");
  KITH_TRY(get_text(j, "how", "how", r.how));
  KITH_TRY(get_date(j, "since", r.since, true));
  KITH_TRY(get_timestamp(j, "created_at", r.created_at));
  return get_timestamp(j, "updated_at", r.updated_at);
}

// --- The streaming reader ------------------------------------------------------------------

// Receives nlohmann's SAX events: follows the top-level object, builds each record of a
// section that has a handler as a small DOM, and hands it over when it closes.
class Reader {
 public:
  explicit Reader(const KithJsonHandlers& handlers) : handlers_(handlers) {}

  const Error* error() const { return error_ ? &*error_ : nullptr; }
  KithJsonOutline& outline() { return outline_; }
  bool saw_format() const { return saw_format_; }

  bool null() { return value(Json(nullptr)); }
  bool boolean(bool v) { return value(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return value(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return value(Json(v)); }
  bool number_float(Json::number_float_t v, const Json::string_t&) { return value(Json(v)); }
  bool string(Json::string_t& v) {
    if (v.size() > kMaxString) return fail(where() + "a string longer than 1 MiB");
    return value(Json(std::move(v)));
  }
  bool binary(Json::binary_t&) { return fail("binary values are not JSON text"); }

  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    return open(Json::object());
  }
  bool start_array(std::size_t) {
    if (depth_ == 0) return fail("not a kith export: the top is not a JSON object");
    return open(Json::array());
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(Json::string_t& k) {
    // Keys are bounded like strings: an unknown key is skipped, but only after it was read.
    if (k.size() > kMaxString) return fail(where() + "a key longer than 1 MiB");
    if (depth_ == 3 && section_ >= 0) record_key_ = k;
    if (depth_ == 1) {
      if (!top_keys_.insert(k).second) return fail("duplicate key \"" + k + "\"");
      top_key_ = k;
      return true;
    }
    if (building_) {
      if (stack_.back()->contains(k)) return fail(where() + "duplicate key \"" + k + "\"");
      pending_key_ = std::move(k);
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    if (e.id == kNumberOverflow) {
      // nlohmann's words quote the number and name no record: say where it stands instead.
      if (section_ >= 0 && depth_ >= 3) {
        std::string prefix = where_record();
        if (!record_uuid_.empty()) prefix.insert(prefix.size() - 2, " (uuid " + record_uuid_ + ")");
        return fail(prefix + "\"" + record_key_ + "\": number out of range");
      }
      if (depth_ == 1) return fail("\"" + top_key_ + "\": number out of range");
      return fail("a number out of range at byte " + std::to_string(position));
    }
    error_ = Error{Errc::bad_file, "not valid JSON " + describe(e.what())};
    return false;
  }

 private:
  // nlohmann's message, "[json.exception.parse_error.101] parse error at line 3, column 5:
  // syntax error while parsing value - unexpected end of input; expected ...", as
  // "at line 3, column 5: unexpected end of input; expected ...", without the "last read"
  // text, which could quote a private note.
  static std::string describe(std::string message) {
    if (auto start = message.find("at line "); start != std::string::npos) {
      message.erase(0, start);
    }
    if (auto syntax = message.find(": syntax error while parsing "); syntax != std::string::npos) {
      auto dash = message.find(" - ", syntax);
      if (dash != std::string::npos) message.erase(syntax + 2, dash + 3 - (syntax + 2));
    }
    if (auto last = message.find("; last read: '"); last != std::string::npos) {
      auto end = message.find("'; expected ", last);
      message.erase(last, end == std::string::npos ? std::string::npos : end + 1 - last);
    }
    return message;
  }

  bool fail(std::string message) {
    error_ = Error{Errc::bad_file, std::move(message)};
    return false;
  }

  // "contacts[3]: " while inside a record, else "".
  std::string where() const {
    if (section_ < 0 || depth_ < 3) return "";
    return std::string(kSectionNames[static_cast<std::size_t>(section_)]) + "[" +
           std::to_string(index_) + "]: ";
  }

  bool has_handler(int section) const {
    switch (static_cast<Section>(section)) {
      case Section::types: return static_cast<bool>(handlers_.type);
      case Section::contacts: return static_cast<bool>(handlers_.contact);
      case Section::interactions: return static_cast<bool>(handlers_.interaction);
      case Section::reminders: return static_cast<bool>(handlers_.reminder);
      case Section::goals: return static_cast<bool>(handlers_.goal);
      case Section::links: return static_cast<bool>(handlers_.link);
    }
    return false;
  }

  int section_named(std::string_view name) const {
    for (std::size_t i = 0; i < kSectionNames.size(); ++i) {
      if (kSectionNames[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

  // Adds a value to the record being built; returns it.
  Json* insert(Json v) {
    Json* top = stack_.back();
    if (++values_ > kMaxRecordValues) {
      fail(where() + "a record with more than " + std::to_string(kMaxRecordValues) + " values");
      return nullptr;
    }
    if (top->is_object()) return &((*top)[pending_key_] = std::move(v));
    top->push_back(std::move(v));
    return &top->back();
  }

  bool value(Json v) {
    if (depth_ == 0) return fail("not a kith export: the top is not a JSON object");
    if (depth_ == 1) return header(std::move(v));
    if (depth_ == 2) {
      if (section_ >= 0) return fail(where_record() + "expected an object");
      return true;  // inside a top-level value kith does not know
    }
    if (depth_ == 3 && section_ >= 0 && record_key_ == "uuid" && v.is_string() &&
        v.get_ref<const std::string&>().size() <= 64) {
      record_uuid_ = v.get<std::string>();
    }
    if (building_) return insert(std::move(v)) != nullptr;
    return true;
  }

  std::string where_record() const {
    return std::string(kSectionNames[static_cast<std::size_t>(section_)]) + "[" +
           std::to_string(index_) + "]: ";
  }

  bool header(Json v) {
    if (top_key_ == "format") {
      if (!v.is_string() || v.get<std::string>() != "kith") {
        return fail("not a kith export: \"format\" is not \"kith\"");
      }
      saw_format_ = true;
    } else if (top_key_ == "version") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
        return fail("unsupported kith export version " + v.dump() + " (expected 1)");
      }
      if (v.get<std::int64_t>() > kKithJsonVersion) {
        return fail("kith export version " + v.dump() + " is newer than this kith reads (" +
                    std::to_string(kKithJsonVersion) + "): upgrade kith");
      }
      outline_.version = v.get<int>();
    } else if (top_key_ == "exported_at") {
      if (v.is_string()) outline_.exported_at = v.get<std::string>();
    } else if (section_named(top_key_) >= 0) {
      return fail("\"" + top_key_ + "\" is not an array");
    }
    return true;
  }

  bool open(Json container) {
    if (++depth_ > kMaxDepth) {
      return fail(where() + "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    if (depth_ == 2) {
      int section = section_named(top_key_);
      if (section < 0) return true;  // a top-level value kith does not know: skipped
      if (!container.is_array()) return fail("\"" + top_key_ + "\" is not an array");
      section_ = section;
      index_ = 0;
      outline_.order.push_back(static_cast<Section>(section));
      return true;
    }
    if (depth_ == 3 && section_ >= 0) {
      if (!container.is_object()) return fail(where_record() + "expected an object");
      record_key_.clear();
      record_uuid_.clear();
      building_ = has_handler(section_);
      if (building_) {
        record_ = Json::object();
        stack_.assign(1, &record_);
        values_ = 0;
      }
      return true;
    }
    if (building_) {
      Json* inserted = insert(std::move(container));
      if (!inserted) return false;
      stack_.push_back(inserted);
    }
    return true;
  }

  bool close() {
    if (depth_ == 1) {
      depth_ = 0;
      return true;
    }
    bool ok = true;
    if (depth_ == 3 && section_ >= 0) {
      ok = deliver();
      ++outline_.counts[static_cast<std::size_t>(section_)];
      ++index_;
      building_ = false;
    } else if (depth_ == 2) {
      section_ = -1;
    } else if (building_) {
      stack_.pop_back();
    }
    --depth_;
    return ok;
  }

  template <class Record>
  bool hand(const std::function<Status(Record&)>& handler) {
    Record record;
    Status status = read_record(record_, record);
    if (status) status = handler(record);
    if (status) return true;
    std::string prefix = where_record();
    if (const Json* uuid = at(record_, "uuid");
        uuid && uuid->is_string() && uuid->get<std::string>().size() <= 64) {
      prefix.insert(prefix.size() - 2, " (uuid " + uuid->get<std::string>() + ")");
    }
    Errc code = status.error().code;
    if (code == Errc::cancelled) {  // not about the record: passed on as it is
      error_ = status.error();
      return false;
    }
    if (code != Errc::storage && code != Errc::internal) code = Errc::bad_file;
    error_ = Error{code, prefix + status.error().message};
    return false;
  }

  bool deliver() {
    if (!building_) return true;
    switch (static_cast<Section>(section_)) {
      case Section::types: return hand(handlers_.type);
      case Section::contacts: return hand(handlers_.contact);
      case Section::interactions: return hand(handlers_.interaction);
      case Section::reminders: return hand(handlers_.reminder);
      case Section::goals: return hand(handlers_.goal);
      case Section::links: return hand(handlers_.link);
    }
    return true;
  }

  const KithJsonHandlers& handlers_;
  KithJsonOutline outline_;
  std::optional<Error> error_;
  int depth_ = 0;        // open containers
  std::string top_key_;  // the current key of the top-level object
  std::set<std::string> top_keys_;
  bool saw_format_ = false;
  int section_ = -1;       // the section being read, -1 outside
  std::size_t index_ = 0;  // the record's index in its section
  bool building_ = false;  // building the current record
  Json record_;
  std::vector<Json*> stack_;  // the open containers of the record being built
  std::string pending_key_;
  std::size_t values_ = 0;
  // The current record's key being read at its top level and its uuid, when read yet: what
  // an error the record did not get to see (a number out of range) names.
  std::string record_key_;
  std::string record_uuid_;
};

}  // namespace

std::string_view to_string(Section section) {
  return kSectionNames[static_cast<std::size_t>(section)];
}

KithJsonWriter::KithJsonWriter(std::ostream& out, std::string_view exported_at) : out_(out) {
  out_ << "{\n  \"format\": \"kith\",\n  \"version\": " << kKithJsonVersion
       << ",\n  \"exported_at\": " << Json(std::string(exported_at)).dump();
}

void KithJsonWriter::enter(Section section) {
  int target = static_cast<int>(section);
  while (open_ < target) {
    if (open_ >= 0) out_ << (empty_ ? "]" : "\n  ]");
    ++open_;
    out_ << ",\n  \"" << kSectionNames[static_cast<std::size_t>(open_)] << "\": [";
    empty_ = true;
  }
}

void KithJsonWriter::line(const std::string& json) {
  out_ << (empty_ ? "\n    " : ",\n    ") << json;
  empty_ = false;
}

namespace {

// One record on one line. Invalid UTF-8 (only possible in a database written by something
// other than kith) is replaced by U+FFFD rather than failing the export, which is also the
// user's backup.
template <class Record>
std::string record_line(const Record& record) {
  return to_json(record).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

// `text` as a JSON string, exactly as nlohmann's dump writes valid UTF-8 (no ensure_ascii).
void append_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t k = 0; k < text.size(); ++k) {
    auto c = static_cast<unsigned char>(text[k]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, run, k - run);
    run = k + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0x0F];
    }
  }
  out.append(text, run, std::string_view::npos);
  out += '"';
}

// Interactions are most of an export: their line is written directly, byte for byte what
// record_line would write, without building a JSON value (five times faster). Text that is
// not valid UTF-8 takes the general path, which replaces what it cannot write.
std::string record_line(const InteractionRecord& r) {
  const Interaction& i = r.interaction;
  bool valid = is_valid_utf8(i.summary) && is_valid_utf8(i.uuid) && is_valid_utf8(i.created_at) &&
               is_valid_utf8(r.updated_at) &&
               std::all_of(r.people.begin(), r.people.end(),
                           [](const std::string& p) { return is_valid_utf8(p); });
  if (!valid) return to_json(r).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
  std::string out;
  out.reserve(160 + i.summary.size() + 40 * r.people.size());
  out += "{\"uuid\":";
  append_string(out, i.uuid);
  out += ",\"day\":\"" + i.day.to_string() + "\",\"summary\":";
  append_string(out, i.summary);
  out += ",\"channel\":";
  if (i.channel) {
    append_string(out, to_string(*i.channel));
  } else {
    out += "null";
  }
  out += ",\"direction\":";
  append_string(out, to_string(i.direction));
  out += ",\"weight\":" + std::to_string(i.weight) + ",\"people\":[";
  for (std::size_t k = 0; k < r.people.size(); ++k) {
    if (k) out += ',';
    append_string(out, r.people[k]);
  }
  out += "],\"created_at\":";
  append_string(out, i.created_at);
  out += ",\"updated_at\":";
  append_string(out, r.updated_at);
  out += '}';
  return out;
}

}  // namespace

void KithJsonWriter::add(const TypeRecord& record) {
  enter(Section::types);
  line(record_line(record));
}
void KithJsonWriter::add(const ContactRecord& record) {
  enter(Section::contacts);
  line(record_line(record));
}
void KithJsonWriter::add(const InteractionRecord& record) {
  enter(Section::interactions);
  line(record_line(record));
}
void KithJsonWriter::add(const ReminderRecord& record) {
  enter(Section::reminders);
  line(record_line(record));
}

void KithJsonWriter::add(const GoalRecord& record) {
  enter(Section::goals);
  line(record_line(record));
}
void KithJsonWriter::add(const LinkRecord& record) {
  enter(Section::links);
  line(record_line(record));
}

void KithJsonWriter::finish() {
  enter(Section::goals);
  enter(Section::links);
  out_ << (empty_ ? "]" : "\n  ]") << "\n}\n";
}

namespace {

// Passes a stream's bytes through and notes whether one was NUL: nlohmann's lexer takes a NUL
// for the end of the input, so a document followed by a NUL and anything at all would parse.
class NulWatch : public std::streambuf {
 public:
  explicit NulWatch(std::streambuf& source) : source_(source) {}
  bool saw_nul() const { return saw_nul_; }

 protected:
  int_type underflow() override {
    std::streamsize got =
        source_.sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (got <= 0) return traits_type::eof();
    char* end = buffer_.data() + got;
    saw_nul_ = saw_nul_ || std::find(buffer_.data(), end, '\0') != end;
    setg(buffer_.data(), buffer_.data(), end);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  std::streambuf& source_;
  std::array<char, kChunk> buffer_{};
  bool saw_nul_ = false;
};

}  // namespace

Result<KithJsonOutline> read_kith_json(std::istream& in, const KithJsonHandlers& handlers) {
  Reader reader(handlers);
  NulWatch watch(*in.rdbuf());
  std::istream watched(&watch);
  try {
    bool ok = Json::sax_parse(watched, &reader, nlohmann::json::input_format_t::json, true);
    if (!ok) {
      if (const Error* e = reader.error()) return *e;
      return Error{Errc::bad_file, "not valid JSON"};
    }
  } catch (const std::exception& e) {
    return Error{Errc::internal, std::string("reading JSON: ") + e.what()};
  }
  // A NUL inside the document fails the parse (a raw control character); one that let it
  // succeed ended it early, and whatever followed was never read.
  if (watch.saw_nul()) {
    return Error{Errc::bad_file, "a NUL byte after the JSON document: not a kith export"};
  }
  if (!reader.saw_format())
    return Error{Errc::bad_file, "not a kith export: no \"format\": \"kith\""};
  if (reader.outline().version == 0) return Error{Errc::bad_file, "no \"version\""};
  return std::move(reader.outline());
}

}  // namespace kith::formats
