// Sync files: JSON Lines, written and checked (sync_file.hpp).
#include "sync_file.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/records.hpp"
#include "kith/reminder.hpp"

namespace kith {
namespace {

using json = nlohmann::json;

json stamp_json(const Stamp& s) { return json::array({s.clock, s.device}); }

json value_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

Error bad(std::string_view what) { return Error{Errc::bad_file, std::string(what)}; }

Result<Stamp> parse_stamp(const json& j, std::string_view where) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_integer() || !j[1].is_string() ||
      j[0].get<std::int64_t>() < 0) {
    return bad(std::string(where) + ": a stamp is not [clock, device]");
  }
  return Stamp{j[0].get<std::int64_t>(), j[1].get<std::string>()};
}

// How a field's value is checked.
enum class Check {
  text,
  nonempty,
  date,
  yearly,
  duration,
  circle,
  flag,
  weight,
  uuid,
  channel,
  direction,
  kind
};

struct FieldCheck {
  Check check;
  bool nullable;
  // A field added after the sync format first shipped: a line from an older kith leaves it
  // out, and the record keeps what it has (a new one takes the schema's default).
  bool added_later = false;
};
using Checks = std::vector<std::pair<std::string_view, FieldCheck>>;

const Checks& checks_of(SyncKind kind) {
  static const Checks type = {{"every", {Check::duration, true}},
                              {"weight", {Check::weight, false}}};
  static const Checks contact = {
      {"name", {Check::nonempty, false}},  {"every", {Check::duration, true}},
      {"org", {Check::text, false}},       {"title", {Check::text, false}},
      {"birthday", {Check::yearly, true}}, {"circle", {Check::circle, true}},
      {"met_via", {Check::text, false}},   {"introducer", {Check::uuid, true}},
      {"learn", {Check::text, false}},     {"offer", {Check::text, false}},
      {"note", {Check::text, false}},      {"added_on", {Check::date, false}},
      {"archived", {Check::flag, false}},  {"target", {Check::flag, false, true}}};
  static const Checks interaction = {{"day", {Check::date, false}},
                                     {"summary", {Check::nonempty, false}},
                                     {"channel", {Check::channel, true}},
                                     {"direction", {Check::direction, false}},
                                     {"weight", {Check::weight, false}}};
  static const Checks reminder = {
      {"contact", {Check::uuid, true}},   {"kind", {Check::kind, false}},
      {"text", {Check::nonempty, false}}, {"due", {Check::date, false}},
      {"every", {Check::duration, true}}, {"anchor", {Check::date, false}},
      {"done_on", {Check::date, true}},   {"last_done", {Check::date, true}},
      {"cancelled", {Check::flag, false}}};
  static const Checks goal = {{"text", {Check::nonempty, false}},
                              {"by", {Check::date, true}},
                              {"needs", {Check::text, false}},
                              {"added_on", {Check::date, false}},
                              {"done_on", {Check::date, true}}};
  static const Checks link = {{"a", {Check::uuid, false}},
                              {"b", {Check::uuid, false}},
                              {"how", {Check::text, false}},
                              {"since", {Check::date, false}}};
  switch (kind) {
    case SyncKind::type: return type;
    case SyncKind::contact: return contact;
    case SyncKind::interaction: return interaction;
    case SyncKind::reminder: return reminder;
    case SyncKind::goal: return goal;
    case SyncKind::link: return link;
  }
  return contact;
}

bool valid(Check check, const std::string& v) {
  switch (check) {
    case Check::text: return true;
    case Check::nonempty: return v.find_first_not_of(" \t\r\n") != std::string::npos;
    case Check::date: return Date::parse_iso(v).ok();
    case Check::yearly: return YearlyDate::parse(v).ok();
    case Check::duration: return Duration::parse(v).ok();
    case Check::circle: return v == "1" || v == "2" || v == "3";
    case Check::flag: return v == "0" || v == "1";
    case Check::weight: return v.size() == 1 && v[0] >= '1' && v[0] <= '5';
    case Check::uuid: return is_uuid(v);
    case Check::channel: return parse_channel(v).ok();
    case Check::direction: return parse_direction(v).ok();
    case Check::kind: return parse_reminder_kind(v).ok();
  }
  return false;
}

// The sets of each kind, and how their elements (and values) are checked.
bool valid_element(SyncKind kind, const std::string& set, const std::string& elem,
                   const std::optional<std::string>& value) {
  if (elem.empty()) return false;
  if (kind == SyncKind::interaction) return set == "people" && is_uuid(elem);
  if (kind == SyncKind::goal) return set == "people" && is_uuid(elem);  // the value: a role
  if (kind != SyncKind::contact) return false;
  if (set == "types" || set == "tags" || set == "emails" || set == "phones" || set == "akas") {
    return !value || value->empty();
  }
  if (set == "dates") return !value || YearlyDate::parse(*value).ok();
  if (set == "aliases") return is_uuid(elem);
  if (set == "external_ids") {
    const auto colon = elem.find(':');
    return colon != std::string::npos && colon + 1 < elem.size() &&
           parse_external_source(elem.substr(0, colon)).ok() &&
           (!value || value->empty() || Date::parse_iso(*value).ok());
  }
  return false;
}

Result<SyncRecord> parse_record(const json& j, SyncKind kind) {
  SyncRecord r;
  r.kind = kind;
  r.uuid = j.at("uuid").get<std::string>();
  if (kind == SyncKind::type ? r.uuid.empty() : !is_uuid(r.uuid))
    return bad("a record's uuid is not a uuid");
  const json& values = j.at("values");
  if (!values.is_object()) return bad("a record's values are not an object");
  const json empty = json::object();
  const json& stamps = j.contains("stamps") ? j["stamps"] : empty;
  // What a reminder's kind asks of its other fields: a skip's text (its note) may be empty; a
  // meeting, topic or skip names its person, and a meeting recurs.
  std::optional<ReminderKind> reminder_kind;
  if (kind == SyncKind::reminder) {
    if (auto k = values.find("kind"); k != values.end() && k->is_string()) {
      if (auto parsed = parse_reminder_kind(k->get<std::string>())) reminder_kind = *parsed;
    }
  }
  for (const auto& [name, check] : checks_of(kind)) {
    auto it = values.find(std::string(name));
    if (it == values.end()) {
      if (check.added_later) continue;
      return bad(std::string("a ") + std::string(to_string(kind)) + " has no " + std::string(name));
    }
    SyncValue v;
    bool optional = check.nullable;
    Check rule = check.check;
    if (reminder_kind == ReminderKind::skip && name == "text") rule = Check::text;
    bool with_someone = reminder_kind == ReminderKind::meeting ||
                        reminder_kind == ReminderKind::topic || reminder_kind == ReminderKind::skip;
    if (with_someone && name == "contact") optional = false;
    if (reminder_kind == ReminderKind::meeting && name == "every") optional = false;
    if (it->is_null()) {
      if (!optional) return bad(std::string(name) + " is empty");
    } else if (it->is_string()) {
      v.value = it->get<std::string>();
      if (!valid(rule, *v.value)) return bad("not a valid " + std::string(name));
    } else {
      return bad(std::string(name) + " is not a string");
    }
    if (auto s = stamps.find(std::string(name)); s != stamps.end()) {
      auto stamp = parse_stamp(*s, name);
      if (!stamp) return stamp.error();
      v.stamp = *stamp;
    }
    r.fields[std::string(name)] = std::move(v);
  }
  if (j.contains("sets")) {
    const json& set_stamps = j.contains("set_stamps") ? j["set_stamps"] : empty;
    for (const auto& [set, elems] : j["sets"].items()) {
      if (!elems.is_object()) return bad("a set is not an object");
      const json& sst = set_stamps.contains(set) ? set_stamps[set] : empty;
      auto& out = r.sets[set];
      for (const auto& [elem, value] : elems.items()) {
        SyncValue v;
        if (value.is_string()) {
          v.value = value.get<std::string>();
        } else if (!value.is_null()) {
          return bad("an element of " + set + " is not a string");
        }
        if (!valid_element(kind, set, elem, v.value)) return bad("not a valid element of " + set);
        if (auto s = sst.find(elem); s != sst.end()) {
          auto stamp = parse_stamp(*s, set);
          if (!stamp) return stamp.error();
          v.stamp = *stamp;
        }
        out[elem] = std::move(v);
      }
    }
  }
  if (j.contains("bases")) {
    for (const auto& [field, s] : j["bases"].items()) {
      auto stamp = parse_stamp(s, field);
      if (!stamp) return stamp.error();
      r.bases[field] = *stamp;
    }
  }
  if (j.contains("created")) {
    auto stamp = parse_stamp(j["created"], "created");
    if (!stamp) return stamp.error();
    r.created = *stamp;
  }
  return r;
}

}  // namespace

std::string sync_line(const SyncLine& line) {
  json j;
  if (const auto* h = std::get_if<SyncFileHeader>(&line)) {
    j = {{"kith_sync", h->format}, {"device", h->device}, {"name", h->name}, {"file", h->file}};
  } else if (const auto* e = std::get_if<SyncFileEnd>(&line)) {
    j = {{"end", e->file}, {"lines", e->lines}};
  } else if (const auto* d = std::get_if<SyncDeletion>(&line)) {
    j = {{"kind", to_string(d->kind)}, {"uuid", d->uuid}, {"deleted", stamp_json(d->stamp)}};
    if (d->merged_into) j["merged_into"] = *d->merged_into;
  } else {
    const auto& r = std::get<SyncRecord>(line);
    j = {{"kind", to_string(r.kind)}, {"uuid", r.uuid}};
    json values = json::object();
    json stamps = json::object();
    for (const auto& [name, v] : r.fields) {
      values[name] = value_json(v.value);
      if (v.stamp != Stamp{}) stamps[name] = stamp_json(v.stamp);
    }
    j["values"] = std::move(values);
    if (!stamps.empty()) j["stamps"] = std::move(stamps);
    json sets = json::object();
    json set_stamps = json::object();
    for (const auto& [set, elems] : r.sets) {
      if (elems.empty()) continue;
      json out = json::object();
      for (const auto& [elem, v] : elems) {
        out[elem] = value_json(v.value);
        if (v.stamp != Stamp{}) set_stamps[set][elem] = stamp_json(v.stamp);
      }
      sets[set] = std::move(out);
    }
    if (!sets.empty()) j["sets"] = std::move(sets);
    if (!set_stamps.empty()) j["set_stamps"] = std::move(set_stamps);
    if (!r.bases.empty()) {
      json bases = json::object();
      for (const auto& [field, s] : r.bases) bases[field] = stamp_json(s);
      j["bases"] = std::move(bases);
    }
    if (r.created) j["created"] = stamp_json(*r.created);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<SyncLine> parse_sync_line(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad("a line is not a JSON object");
  try {
    if (j.contains("kith_sync")) {
      SyncFileHeader h;
      if (!j["kith_sync"].is_number_integer()) return bad("the header has no format number");
      h.format = j["kith_sync"].get<int>();
      if (h.format > kSyncFormat) {
        return bad("written by a newer kith (sync format " + std::to_string(h.format) + ")");
      }
      h.device = j.at("device").get<std::string>();
      h.name = j.at("name").get<std::string>();
      h.file = j.at("file").get<std::int64_t>();
      return SyncLine{std::move(h)};
    }
    if (j.contains("end")) {
      return SyncLine{SyncFileEnd{j["end"].get<std::int64_t>(), j.at("lines").get<std::int64_t>()}};
    }
    auto kind = parse_sync_kind(j.at("kind").get<std::string>());
    if (!kind) return bad("an unknown kind of record");
    if (j.contains("deleted")) {
      SyncDeletion d;
      d.kind = *kind;
      d.uuid = j.at("uuid").get<std::string>();
      auto stamp = parse_stamp(j["deleted"], "deleted");
      if (!stamp) return stamp.error();
      d.stamp = *stamp;
      if (j.contains("merged_into")) {
        d.merged_into = j["merged_into"].get<std::string>();
        if (!is_uuid(*d.merged_into)) return bad("merged_into is not a uuid");
      }
      return SyncLine{std::move(d)};
    }
    auto record = parse_record(j, *kind);
    if (!record) return record.error();
    return SyncLine{std::move(*record)};
  } catch (const json::exception&) {
    return bad("a line lacks a member or has one of the wrong type");
  }
}

}  // namespace kith
