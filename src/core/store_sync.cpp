// Device-to-device sync, the store's side: records as fields and sets with stamps, read and
// merged in (kith/sync.hpp, migrations/0007_sync.sql).
//
// Every synced field and set is described once, below, by the SQL that reads and writes it;
// everything else here is generic over those descriptions.
#include <sqlite3.h>

#include <set>

#include "store_impl.hpp"

namespace kith {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
// The id of the contact with uuid :v, or that a contact with it was merged into.
constexpr const char* kContactOf =
    "(SELECT id FROM contacts WHERE uuid = :v UNION ALL"
    " SELECT contact_id FROM contact_aliases WHERE uuid = :v LIMIT 1)";

struct Field {
  std::string name;
  std::string column;    // its SQL expression when read (row alias t)
  std::string target;    // the column it is stored in
  std::string update;    // sets it from :v for the row :id
  bool contact = false;  // holds a contact's uuid: a reference that must resolve
  // The value a new record takes when a line leaves the field out: a field added after the
  // first sync format (a file from an older kith has no such field). Empty: NULL.
  std::string fallback = {};
};

struct Set {
  std::string name;
  std::string read;    // (elem, value) of the record :id
  std::string add;     // adds :e with value :v to :id
  std::string remove;  // removes :e from :id ('' when elements are never removed)
};

struct KindDef {
  SyncKind kind;
  std::string table;
  std::string key;  // the column records are matched on: uuid (name for types)
  std::vector<Field> fields;
  std::vector<Set> sets;
  std::string select;  // id, then the fields, of the row with key :uuid
  std::string insert;  // the row, from :uuid, :new_uuid and :v0, :v1...
  std::string all;     // every key, oldest first
  std::string touch;   // marks :id updated
  std::string erase;   // deletes the row :id
};

Field plain(const std::string& table, const std::string& name, const std::string& column = "") {
  const std::string col = column.empty() ? name : column;
  return {name, "t." + col, col,
          "UPDATE " + table + " SET " + col + " = :v, updated_at = " + kNow + " WHERE id = :id"};
}

Field contact_ref(const std::string& table, const std::string& name, const std::string& column) {
  return {name, "(SELECT uuid FROM contacts x WHERE x.id = t." + column + ")", column,
          "UPDATE " + table + " SET " + column + " = " + kContactOf + ", updated_at = " + kNow +
              " WHERE id = :id",
          true};
}

Field with_fallback(Field f, std::string fallback) {
  f.fallback = std::move(fallback);
  return f;
}

Set channel_set(const std::string& kind) {
  return {kind + "s",
          "SELECT value, '' FROM contact_channels WHERE contact_id = :id AND kind = '" + kind +
              "' ORDER BY position",
          "INSERT INTO contact_channels (contact_id, kind, position, value) SELECT :id, '" + kind +
              "', (SELECT coalesce(max(position) + 1, 0) FROM contact_channels"
              " WHERE contact_id = :id AND kind = '" +
              kind +
              "'), :e WHERE NOT EXISTS (SELECT 1 FROM contact_channels"
              " WHERE contact_id = :id AND kind = '" +
              kind + "' AND value = :e)",
          "DELETE FROM contact_channels WHERE contact_id = :id AND kind = '" + kind +
              "' AND value = :e"};
}

KindDef finish(SyncKind kind, std::string table, std::string key, std::vector<Field> fields,
               std::vector<Set> sets) {
  KindDef def{
      kind, std::move(table), std::move(key), std::move(fields), std::move(sets), {}, {}, {}, {},
      {}};
  std::string columns;
  std::string names;
  std::string values;
  for (std::size_t i = 0; i < def.fields.size(); ++i) {
    const Field& f = def.fields[i];
    columns += ", " + f.column;
    const std::string v = ":v" + std::to_string(i);
    std::string value = f.fallback.empty() ? v : "coalesce(" + v + ", " + f.fallback + ")";
    if (f.contact) {
      value = kContactOf;
      for (auto at = value.find(":v"); at != std::string::npos; at = value.find(":v", at + 1))
        value.replace(at, 2, v);
    }
    names += ", " + f.target;
    values += ", " + value;
    if (f.name == "name") {
      names += ", name_key";
      values += ", kith_fold(" + v + ")";
    }
  }
  def.select =
      "SELECT t.id" + columns + " FROM " + def.table + " t WHERE t." + def.key + " = :uuid";
  if (def.kind == SyncKind::type) {
    def.insert = "INSERT OR IGNORE INTO types (uuid, name" + names + ") VALUES (:new_uuid, :uuid" +
                 values + ")";
  } else {
    def.insert = "INSERT INTO " + def.table + " (uuid" + names + ") VALUES (:uuid" + values + ")";
  }
  def.all = "SELECT " + def.key + " FROM " + def.table + " ORDER BY id";
  def.touch = "UPDATE " + def.table + " SET updated_at = " + kNow + " WHERE id = :id";
  def.erase = "DELETE FROM " + def.table + " WHERE id = :id";
  return def;
}

const std::vector<KindDef>& kinds() {
  static const std::vector<KindDef> all = [] {
    std::vector<KindDef> v;
    v.push_back(finish(SyncKind::type, "types", "name",
                       {plain("types", "every"), plain("types", "weight")}, {}));
    v.push_back(finish(
        SyncKind::contact, "contacts", "uuid",
        {{"name", "t.name", "name",
          std::string("UPDATE contacts SET name = :v, name_key = kith_fold(:v), updated_at = ") +
              kNow + " WHERE id = :id"},
         plain("contacts", "every"),
         plain("contacts", "org"),
         plain("contacts", "title"),
         plain("contacts", "birthday"),
         plain("contacts", "circle"),
         plain("contacts", "met_via"),
         contact_ref("contacts", "introducer", "met_via_id"),
         plain("contacts", "learn"),
         plain("contacts", "offer"),
         plain("contacts", "note"),
         plain("contacts", "added_on"),
         plain("contacts", "archived"),
         with_fallback(plain("contacts", "target"), "0")},
        {{"types",
          "SELECT ty.name, '' FROM contact_types ct JOIN types ty ON ty.id = ct.type_id"
          " WHERE ct.contact_id = :id",
          "INSERT OR IGNORE INTO contact_types (contact_id, type_id)"
          " SELECT :id, id FROM types WHERE name = :e",
          "DELETE FROM contact_types WHERE contact_id = :id"
          " AND type_id = (SELECT id FROM types WHERE name = :e)"},
         {"tags", "SELECT tag, '' FROM contact_tags WHERE contact_id = :id",
          "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (:id, :e)",
          "DELETE FROM contact_tags WHERE contact_id = :id AND tag = :e"},
         channel_set("email"),
         channel_set("phone"),
         {"dates", "SELECT label, day FROM important_dates WHERE contact_id = :id",
          "INSERT OR REPLACE INTO important_dates (contact_id, label, day) VALUES (:id, :e, :v)",
          "DELETE FROM important_dates WHERE contact_id = :id AND label = :e"},
         {"akas", "SELECT name, '' FROM contact_akas WHERE contact_id = :id",
          "INSERT OR IGNORE INTO contact_akas (contact_id, name_key, name)"
          " VALUES (:id, kith_fold(:e), :e)",
          "DELETE FROM contact_akas WHERE contact_id = :id AND name = :e"},
         {"external_ids",
          "SELECT source || ':' || value, coalesce(since, '') FROM external_ids"
          " WHERE contact_id = :id",
          "INSERT OR REPLACE INTO external_ids (contact_id, source, value, since)"
          " VALUES (:id, substr(:e, 1, instr(:e, ':') - 1), substr(:e, instr(:e, ':') + 1),"
          " nullif(:v, ''))",
          "DELETE FROM external_ids WHERE contact_id = :id"
          " AND source = substr(:e, 1, instr(:e, ':') - 1)"
          " AND value = substr(:e, instr(:e, ':') + 1)"},
         // A merge is never undone by a sync: aliases are only ever added.
         {"aliases", "SELECT uuid, '' FROM contact_aliases WHERE contact_id = :id",
          "INSERT OR REPLACE INTO contact_aliases (contact_id, uuid, former_id)"
          " VALUES (:id, :e, 0)",
          ""}}));
    v.push_back(
        finish(SyncKind::interaction, "interactions", "uuid",
               {plain("interactions", "day"), plain("interactions", "summary"),
                plain("interactions", "channel"), plain("interactions", "direction"),
                plain("interactions", "weight")},
               {{"people",
                 "SELECT c.uuid, '' FROM interaction_people p"
                 " JOIN contacts c ON c.id = p.contact_id WHERE p.interaction_id = :id",
                 // :cid is the element's contact, resolved once (set_element).
                 "INSERT OR IGNORE INTO interaction_people (contact_id, day, interaction_id)"
                 " SELECT :cid, day, id FROM interactions WHERE id = :id",
                 "DELETE FROM interaction_people WHERE interaction_id = :id"
                 " AND contact_id = :cid"}}));
    v.push_back(
        finish(SyncKind::reminder, "reminders", "uuid",
               {contact_ref("reminders", "contact", "contact_id"), plain("reminders", "kind"),
                plain("reminders", "text"), plain("reminders", "due"), plain("reminders", "every"),
                plain("reminders", "anchor"), plain("reminders", "done_on"),
                plain("reminders", "last_done"), plain("reminders", "cancelled")},
               {}));
    v.push_back(
        finish(SyncKind::goal, "goals", "uuid",
               {plain("goals", "text"), plain("goals", "by", "by_day"), plain("goals", "needs"),
                plain("goals", "added_on"), plain("goals", "done_on")},
               {{"people",
                 "SELECT c.uuid, g.role FROM goal_people g JOIN contacts c ON c.id = g.contact_id"
                 " WHERE g.goal_id = :id",
                 // :cid is the element's contact, resolved once (set_element); the value its role.
                 "INSERT INTO goal_people (goal_id, contact_id, role) VALUES (:id, :cid, :v)"
                 " ON CONFLICT (goal_id, contact_id) DO UPDATE SET role = excluded.role",
                 "DELETE FROM goal_people WHERE goal_id = :id AND contact_id = :cid"}}));
    v.push_back(finish(SyncKind::link, "knows", "uuid",
                       {contact_ref("knows", "a", "a"), contact_ref("knows", "b", "b"),
                        plain("knows", "how"), plain("knows", "since")},
                       {}));
    return v;
  }();
  return all;
}

const KindDef& def_of(SyncKind kind) {
  for (const KindDef& d : kinds())
    if (d.kind == kind) return d;
  return kinds().front();
}

// Binds `value` to `name` when the statement has that parameter.
void bind_if(SQLite::Statement& st, const char* name, const std::optional<std::string>& value) {
  const int index = st.getIndex(name);
  if (index == 0) return;
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

std::optional<std::string> text_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

Stamp least_or(const std::map<std::string, Stamp>& stamps, const std::string& key) {
  auto it = stamps.find(key);
  return it == stamps.end() ? Stamp{} : it->second;
}

// What a reference to a contact gives: it resolves, names a deleted contact, or names one this
// device has not heard of yet.
enum class Ref { resolves, deleted, unknown };
Ref reference(Store::Impl& impl, const std::string& uuid) {
  if (contact_id_of(impl, uuid)) return Ref::resolves;
  return tombstone_of(impl, uuid) ? Ref::deleted : Ref::unknown;
}

void write_stamp(Store::Impl& impl, const std::string& uuid, const std::string& field,
                 const std::string& elem, const Stamp& stamp) {
  if (stamp == Stamp{}) {
    auto& st = impl.prepare("DELETE FROM sync_stamps WHERE uuid = :u AND field = :f AND elem = :e");
    st.bind(":u", uuid);
    st.bind(":f", field);
    st.bind(":e", elem);
    st.exec();
    return;
  }
  auto& st = impl.prepare(
      "INSERT OR REPLACE INTO sync_stamps (uuid, field, elem, clock, device)"
      " VALUES (:u, :f, :e, :c, :d)");
  st.bind(":u", uuid);
  st.bind(":f", field);
  st.bind(":e", elem);
  st.bind(":c", stamp.clock);
  st.bind(":d", stamp.device);
  st.exec();
}

// The contacts an incoming record names, resolved once per record.
using Resolved = std::map<std::string, std::int64_t>;

void set_element(Store::Impl& impl, const Set& set, std::int64_t id, const std::string& elem,
                 const std::optional<std::string>& value, SyncKind kind, Resolved& resolved) {
  if (!value && set.remove.empty()) return;
  std::optional<std::int64_t> person;
  if (set.name == "people") {
    if (auto it = resolved.find(elem); it != resolved.end()) {
      person = it->second;
    } else {
      person = contact_id_of(impl, elem);
    }
    if (!person) return;  // a contact deleted here, or never heard of: no link to make or drop
  }
  if (value && kind == SyncKind::contact && set.name == "types") {
    // A type this device has not heard of arrives with the contact that has it.
    auto& add = impl.prepare("INSERT OR IGNORE INTO types (uuid, name, weight) VALUES (:u, :e, 3)");
    add.bind(":u", new_uuid());
    add.bind(":e", elem);
    add.exec();
  }
  auto& st = impl.prepare(value ? set.add.c_str() : set.remove.c_str());
  st.bind(":id", id);
  bind_if(st, ":e", elem);
  bind_if(st, ":v", value);
  if (person) st.bind(":cid", *person);
  st.exec();
  if (person && impl.bulk_people) impl.bulk_people->insert(*person);
}

}  // namespace

Result<std::optional<SyncDevice>> Store::sync_device() {
  return guarded(*impl_, [&]() -> Result<std::optional<SyncDevice>> {
    auto& st = impl_->prepare("SELECT id, name, clock FROM sync_device");
    if (!st.executeStep()) return std::optional<SyncDevice>{};
    return std::optional<SyncDevice>{SyncDevice{
        st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt64()}};
  });
}

Status Store::join_sync(const SyncDevice& device) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("INSERT INTO sync_device (id, name, clock) VALUES (:i, :n, :c)");
    st.bind(":i", device.id);
    st.bind(":n", device.name);
    st.bind(":c", device.clock);
    st.exec();
    return {};
  });
}

Status Store::set_sync_clock(std::int64_t clock) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("UPDATE sync_device SET clock = max(clock, :c)");
    st.bind(":c", clock);
    st.exec();
    return {};
  });
}

Status Store::record_sync_changes(bool on) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("UPDATE sync_device SET recording = :on");
    st.bind(":on", on ? 1 : 0);
    st.exec();
    return {};
  });
}

Result<std::map<std::string, std::int64_t>> Store::sync_applied() {
  return guarded(*impl_, [&]() -> Result<std::map<std::string, std::int64_t>> {
    auto& st = impl_->prepare("SELECT id, applied FROM sync_peers");
    std::map<std::string, std::int64_t> out;
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getInt64();
    return out;
  });
}

Status Store::set_sync_applied(std::string_view device, std::string_view name, std::int64_t file) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT INTO sync_peers (id, name, applied) VALUES (:i, :n, :a)"
        " ON CONFLICT (id) DO UPDATE SET name = :n, applied = :a");
    st.bind(":i", std::string(device));
    st.bind(":n", std::string(name));
    st.bind(":a", file);
    st.exec();
    return {};
  });
}

Status Store::each_sync_change(const std::function<Status(const SyncChange&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st =
        impl_->prepare("SELECT uuid, kind, field, elem, at FROM sync_dirty ORDER BY uuid, kind");
    std::optional<SyncChange> change;
    auto flush = [&]() -> Status {
      if (!change) return {};
      Status s = visit(*change);
      change.reset();
      return s;
    };
    while (st.executeStep()) {
      std::string uuid = st.getColumn(0).getString();
      auto kind = parse_sync_kind(st.getColumn(1).getString());
      if (!kind) continue;
      if (change && (change->uuid != uuid || change->kind != *kind)) KITH_TRY(flush());
      if (!change) {
        change.emplace();
        change->uuid = uuid;
        change->kind = *kind;
      }
      std::string field = st.getColumn(2).getString();
      const std::int64_t at = st.getColumn(4).getInt64();
      if (field == "*") {
        change->created = true;
        change->created_at = std::max(change->created_at, at);
      } else if (field == "-") {
        change->deleted = true;
        change->created_at = std::max(change->created_at, at);
      } else {
        change->edits.push_back({std::move(field), st.getColumn(3).getString(), at});
      }
    }
    return flush();
  });
}

Status Store::clear_sync_changes() {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    impl_->prepare("DELETE FROM sync_dirty").exec();
    return {};
  });
}

Status Store::each_sync_uuid(SyncKind kind,
                             const std::function<Status(const std::string&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    const KindDef& def = def_of(kind);
    // Not a cached statement: the visitor reads records through the cached ones meanwhile.
    SQLite::Statement st(impl_->db, def.all);
    while (st.executeStep()) KITH_TRY(visit(st.getColumn(0).getString()));
    return {};
  });
}

Result<std::optional<SyncRecord>> Store::sync_record(SyncKind kind, std::string_view uuid) {
  return guarded(*impl_, [&]() -> Result<std::optional<SyncRecord>> {
    const KindDef& def = def_of(kind);
    auto& row = impl_->prepare(def.select.c_str());
    row.bind(":uuid", std::string(uuid));
    if (!row.executeStep()) return std::optional<SyncRecord>{};
    SyncRecord r;
    r.kind = kind;
    r.uuid = std::string(uuid);
    const std::int64_t id = row.getColumn(0).getInt64();
    std::vector<std::optional<std::string>> values;
    for (std::size_t i = 0; i < def.fields.size(); ++i)
      values.push_back(text_of(row.getColumn(static_cast<int>(i + 1))));
    row.reset();

    std::map<std::string, Stamp> plain_stamps;
    std::map<std::string, std::map<std::string, Stamp>> elem_stamps;
    auto& stamps =
        impl_->prepare("SELECT field, elem, clock, device FROM sync_stamps WHERE uuid = :u");
    stamps.bind(":u", std::string(uuid));
    while (stamps.executeStep()) {
      Stamp s{stamps.getColumn(2).getInt64(), stamps.getColumn(3).getString()};
      std::string elem = stamps.getColumn(1).getString();
      if (elem.empty()) {
        plain_stamps[stamps.getColumn(0).getString()] = s;
      } else {
        elem_stamps[stamps.getColumn(0).getString()][elem] = s;
      }
    }
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
      r.fields[def.fields[i].name] = {values[i], least_or(plain_stamps, def.fields[i].name)};
    }
    for (const Set& set : def.sets) {
      auto& elems = r.sets[set.name];
      const auto& known = elem_stamps[set.name];
      auto& st = impl_->prepare(set.read.c_str());
      st.bind(":id", id);
      while (st.executeStep()) {
        std::string e = st.getColumn(0).getString();
        elems[e] = {st.getColumn(1).getString(), least_or(known, e)};
      }
      for (const auto& [e, s] : known) {
        if (!elems.contains(e)) elems[e] = {std::nullopt, s};
      }
    }
    return std::optional<SyncRecord>{std::move(r)};
  });
}

Status Store::set_sync_stamp(std::string_view uuid, std::string_view field, std::string_view elem,
                             const Stamp& stamp) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    write_stamp(*impl_, std::string(uuid), std::string(field), std::string(elem), stamp);
    return {};
  });
}

Result<SyncApplied> Store::apply_sync_record(const SyncRecord& in, std::string_view self) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<SyncApplied> {
    SyncApplied out;
    const KindDef& def = def_of(in.kind);
    Impl& impl = *impl_;

    // A deleted record stays deleted, unless it was made again after (kith redo).
    if (auto deleted = tombstone_of(impl, in.uuid)) {
      if (!in.created || *in.created <= *deleted) {
        out.outcome = SyncApplied::Outcome::deleted;
        return out;
      }
      drop_tombstone(impl, in.uuid);
    }

    // References to contacts: one this device has not heard of defers the record; one that was
    // deleted drops the element (or, for a reminder's person, the reminder).
    for (const Field& f : def.fields) {
      if (!f.contact) continue;
      auto it = in.fields.find(f.name);
      if (it == in.fields.end() || !it->second.value) continue;
      const Ref ref = reference(impl, *it->second.value);
      if (ref == Ref::unknown) {
        out.outcome = SyncApplied::Outcome::deferred;
        return out;
      }
      // A reminder about someone deleted goes with them; a link between two people with
      // either of them.
      if (ref == Ref::deleted && (in.kind == SyncKind::reminder || in.kind == SyncKind::link)) {
        out.outcome = SyncApplied::Outcome::deleted;
        return out;
      }
    }
    if (in.kind == SyncKind::link) {
      // Two people merged into one here: a link of someone with themselves is no link.
      auto a = in.fields.find("a"), b = in.fields.find("b");
      if (a != in.fields.end() && b != in.fields.end() && a->second.value && b->second.value &&
          contact_id_of(impl, *a->second.value) == contact_id_of(impl, *b->second.value)) {
        out.outcome = SyncApplied::Outcome::deleted;
        return out;
      }
    }
    std::set<std::string> gone;  // people elements naming deleted contacts
    Resolved resolved;
    if (in.kind == SyncKind::interaction || in.kind == SyncKind::goal) {
      auto it = in.sets.find("people");
      bool anyone = false;
      if (it != in.sets.end()) {
        for (const auto& [person, v] : it->second) {
          if (!v.value) continue;
          if (auto known = contact_id_of(impl, person)) {
            resolved[person] = *known;
            anyone = true;
            continue;
          }
          const Ref ref = reference(impl, person);
          if (ref == Ref::unknown) {
            out.outcome = SyncApplied::Outcome::deferred;
            return out;
          }
          if (ref == Ref::deleted) {
            gone.insert(person);
          } else {
            anyone = true;
          }
        }
      }
      if (!anyone && in.kind == SyncKind::interaction) {
        // Everyone it was with is gone here, or it arrives with nobody: nothing to keep. (A
        // goal stands without people.)
        auto local = sync_local_id(in.kind, in.uuid);
        if (!local) return local.error();
        if (!*local) {
          out.outcome = SyncApplied::Outcome::deleted;
          return out;
        }
      }
    }

    // The local record: a contact may live on under another uuid (kith merge).
    std::string uuid = in.uuid;
    std::optional<std::int64_t> id;
    if (in.kind == SyncKind::contact) {
      id = contact_id_of(impl, in.uuid);
      if (id) {
        auto& st = impl.prepare("SELECT uuid FROM contacts WHERE id = :id");
        st.bind(":id", *id);
        st.executeStep();
        uuid = st.getColumn(0).getString();
      }
    } else {
      auto& st = impl.prepare(def.select.c_str());
      st.bind(":uuid", in.uuid);
      if (st.executeStep()) id = st.getColumn(0).getInt64();
      st.reset();
    }

    if (!id) {
      auto& st = impl.prepare(def.insert.c_str());
      st.bind(":uuid", in.uuid);
      if (in.kind == SyncKind::type) st.bind(":new_uuid", new_uuid());
      for (std::size_t i = 0; i < def.fields.size(); ++i) {
        auto it = in.fields.find(def.fields[i].name);
        const std::string param = ":v" + std::to_string(i);
        std::optional<std::string> value;
        if (it != in.fields.end()) value = it->second.value;
        bind_if(st, param.c_str(), value);
      }
      if (st.exec() == 1) {
        id = impl.db.getLastInsertRowid();
      } else {  // a type another device added by the same name
        auto& row = impl.prepare(def.select.c_str());
        row.bind(":uuid", in.uuid);
        row.executeStep();
        id = row.getColumn(0).getInt64();
        row.reset();
      }
      // A new record has no stamps yet: only those above the least need a row.
      for (const auto& [name, v] : in.fields) {
        if (v.stamp != Stamp{}) write_stamp(impl, in.uuid, name, "", v.stamp);
      }
      for (const Set& set : def.sets) {
        auto it = in.sets.find(set.name);
        if (it == in.sets.end()) continue;
        for (const auto& [elem, v] : it->second) {
          if (v.value && !gone.contains(elem))
            set_element(impl, set, *id, elem, v.value, in.kind, resolved);
          if (v.stamp != Stamp{}) write_stamp(impl, in.uuid, set.name, elem, v.stamp);
        }
      }
      out.outcome = SyncApplied::Outcome::added;
      return out;
    }

    auto local = sync_record(in.kind, def.key == "name" ? in.uuid : uuid);
    if (!local) return local.error();
    if (!*local) return Error{Errc::internal, "a synced record vanished: " + in.uuid};
    bool changed = false;
    for (const Field& f : def.fields) {
      auto it = in.fields.find(f.name);
      if (it == in.fields.end()) continue;
      const SyncValue& mine = (*local)->fields[f.name];
      std::optional<Stamp> base;
      if (auto b = in.bases.find(f.name); b != in.bases.end()) base = b->second;
      const FieldMerge m = merge_field(mine, it->second, base, self);
      if (m.conflict) {
        SyncConflict c;
        c.kind = in.kind;
        c.uuid = uuid;
        c.field = f.name;
        const SyncValue& kept = m.take ? it->second : mine;
        const SyncValue& lost = m.take ? mine : it->second;
        c.kept = kept.value;
        c.kept_stamp = kept.stamp;
        c.lost = lost.value;
        c.lost_stamp = lost.stamp;
        out.conflicts.push_back(std::move(c));
      }
      if (!m.take) continue;
      if (mine.value != it->second.value) {
        auto& st = impl.prepare(f.update.c_str());
        st.bind(":id", *id);
        bind_if(st, ":v", it->second.value);
        st.exec();
        changed = true;
      }
      write_stamp(impl, uuid, f.name, "", it->second.stamp);
    }
    for (const Set& set : def.sets) {
      auto it = in.sets.find(set.name);
      if (it == in.sets.end()) continue;
      auto& mine = (*local)->sets[set.name];
      for (const auto& [elem, v] : it->second) {
        SyncValue have;
        if (auto m = mine.find(elem); m != mine.end()) have = m->second;
        if (!wins(v, have)) continue;
        if (have.value != v.value && !gone.contains(elem)) {
          set_element(impl, set, *id, elem, v.value, in.kind, resolved);
          changed = true;
        }
        write_stamp(impl, uuid, set.name, elem, v.stamp);
      }
    }
    if (in.kind == SyncKind::interaction) {
      // An interaction left with nobody (its people deleted here) goes too.
      auto& st = impl.prepare(
          "DELETE FROM interactions WHERE id = :id"
          " AND NOT EXISTS (SELECT 1 FROM interaction_people WHERE interaction_id = :id)");
      st.bind(":id", *id);
      if (st.exec() > 0) changed = true;
    }
    if (changed && in.kind != SyncKind::type) {
      auto& touch = impl.prepare(def.touch.c_str());
      touch.bind(":id", *id);
      touch.exec();
    }
    if (changed) out.outcome = SyncApplied::Outcome::changed;
    return out;
  });
}

Result<std::optional<std::int64_t>> Store::sync_local_id(SyncKind kind, std::string_view uuid) {
  return guarded(*impl_, [&]() -> Result<std::optional<std::int64_t>> {
    const KindDef& def = def_of(kind);
    auto& st = impl_->prepare(def.select.c_str());
    st.bind(":uuid", std::string(uuid));
    if (!st.executeStep()) return std::optional<std::int64_t>{};
    std::optional<std::int64_t> id = st.getColumn(0).getInt64();
    st.reset();
    return id;
  });
}

Status Store::add_tombstone(const SyncDeletion& deletion) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT INTO sync_tombstones (uuid, kind, clock, device) VALUES (:u, :k, :c, :d)"
        " ON CONFLICT (uuid) DO UPDATE SET clock = max(clock, :c)");
    st.bind(":u", deletion.uuid);
    st.bind(":k", std::string(to_string(deletion.kind)));
    st.bind(":c", deletion.stamp.clock);
    st.bind(":d", deletion.stamp.device);
    st.exec();
    auto& stamps = impl_->prepare("DELETE FROM sync_stamps WHERE uuid = :u");
    stamps.bind(":u", deletion.uuid);
    stamps.exec();
    return {};
  });
}

Result<bool> Store::apply_sync_deletion(const SyncDeletion& deletion) {
  KITH_TRY(require_write(*impl_));
  auto local = sync_local_id(deletion.kind, deletion.uuid);
  if (!local) return local.error();
  KITH_TRY(add_tombstone(deletion));
  if (!*local) return false;
  if (deletion.kind == SyncKind::interaction) KITH_TRY(remove_interaction(**local));
  if (deletion.kind == SyncKind::reminder || deletion.kind == SyncKind::goal ||
      deletion.kind == SyncKind::link) {
    KITH_TRY(guarded(*impl_, [&]() -> Status {
      auto& st = impl_->prepare(def_of(deletion.kind).erase.c_str());
      st.bind(":id", **local);
      st.exec();
      return {};
    }));
  }
  return true;
}

Result<std::vector<std::int64_t>> Store::tombstoned_contacts() {
  return guarded(*impl_, [&]() -> Result<std::vector<std::int64_t>> {
    auto& st = impl_->prepare(
        "SELECT c.id FROM sync_tombstones t JOIN contacts c ON c.uuid = t.uuid"
        " WHERE t.kind = 'contact' ORDER BY c.id");
    std::vector<std::int64_t> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
    return out;
  });
}

std::optional<Stamp> tombstone_of(Store::Impl& impl, std::string_view uuid) {
  auto& st = impl.prepare("SELECT clock, device FROM sync_tombstones WHERE uuid = :u");
  st.bind(":u", std::string(uuid));
  if (!st.executeStep()) return std::nullopt;
  std::optional<Stamp> stamp = Stamp{st.getColumn(0).getInt64(), st.getColumn(1).getString()};
  st.reset();
  return stamp;
}

void drop_tombstone(Store::Impl& impl, std::string_view uuid) {
  auto& st = impl.prepare("DELETE FROM sync_tombstones WHERE uuid = :u");
  st.bind(":u", std::string(uuid));
  st.exec();
}

Result<std::optional<Stamp>> Store::tombstone(std::string_view uuid) {
  return guarded(*impl_,
                 [&]() -> Result<std::optional<Stamp>> { return tombstone_of(*impl_, uuid); });
}

Status Store::forget_tombstone(std::string_view uuid) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    drop_tombstone(*impl_, uuid);
    return {};
  });
}

Status Store::defer_sync_line(std::string_view line) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("INSERT INTO sync_deferred (line) VALUES (:l)");
    st.bind(":l", std::string(line));
    st.exec();
    return {};
  });
}

Status Store::each_deferred_sync_line(
    const std::function<Status(std::int64_t id, const std::string& line)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    std::vector<std::pair<std::int64_t, std::string>> lines;
    {
      SQLite::Statement st(impl_->db, "SELECT id, line FROM sync_deferred ORDER BY id");
      while (st.executeStep())
        lines.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getString());
    }
    for (const auto& [id, line] : lines) KITH_TRY(visit(id, line));
    return {};
  });
}

Status Store::drop_deferred_sync_line(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("DELETE FROM sync_deferred WHERE id = :i");
    st.bind(":i", id);
    st.exec();
    return {};
  });
}

}  // namespace kith
