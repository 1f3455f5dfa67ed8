// The store's side of export and import: streaming every record out in id order, merging
// records in by uuid, and finding the contact another address book means.
#include <algorithm>

#include "store_impl.hpp"

namespace kith {
namespace {

std::optional<std::string> text_of(const std::optional<Date>& day) {
  return day ? std::optional(day->to_string()) : std::nullopt;
}

std::optional<std::string> text_of(const std::optional<Duration>& every) {
  return every ? std::optional(every->to_string()) : std::nullopt;
}

void bind_id(SQLite::Statement& st, const char* name, std::optional<std::int64_t> id) {
  if (id) {
    st.bind(name, *id);
  } else {
    st.bind(name);
  }
}

// The uuid and updated_at of the stored record with this uuid, if any. Read into values
// before any write so that no statement is left stepping over a table being changed.
struct Stored {
  std::int64_t id = 0;
  std::string updated_at;
};

std::optional<Stored> stored(SQLite::Statement& st, std::string_view uuid) {
  st.bind(":uuid", std::string(uuid));
  std::optional<Stored> out;
  if (st.executeStep()) out = Stored{st.getColumn(0).getInt64(), st.getColumn(1).getString()};
  st.reset();
  return out;
}

// True when a sync has deleted the record with this uuid (kith sync DIR): an import of an older
// file never brings it back.
bool deleted_by_sync(Store::Impl& impl, std::string_view uuid) {
  return tombstone_of(impl, uuid).has_value();
}

// Sets a record's timestamps to the given ones (the writes before it stamped it "now").
void stamp(SQLite::Statement& st, std::int64_t id, const std::string& created_at,
           const std::string& updated_at) {
  st.bind(":id", id);
  st.bind(":created_at", created_at);
  st.bind(":updated_at", updated_at);
  st.exec();
}

void link_people(Store::Impl& impl, std::int64_t interaction_id, Date day,
                 const std::vector<std::int64_t>& people) {
  for (std::int64_t person : people) {
    auto& link = impl.prepare(
        "INSERT OR IGNORE INTO interaction_people (contact_id, day, interaction_id)"
        " VALUES (:contact, :day, :interaction)");
    link.bind(":contact", person);
    link.bind(":day", day.to_string());
    link.bind(":interaction", interaction_id);
    link.exec();
    if (impl.bulk_people) impl.bulk_people->insert(person);
  }
}

void bind_reminder(SQLite::Statement& st, const ReminderRecord& record,
                   std::optional<std::int64_t> contact_id) {
  const Reminder& r = record.reminder;
  st.bind(":uuid", record.reminder.uuid);
  bind_id(st, ":contact", contact_id);
  bind_text(st, ":kind", to_string(r.kind));
  st.bind(":text", r.text);
  st.bind(":due", r.due.to_string());
  bind_optional(st, ":every", text_of(r.every));
  st.bind(":anchor", r.anchor.to_string());
  bind_optional(st, ":done_on", text_of(r.done_on));
  bind_optional(st, ":last_done", text_of(r.last_done));
  st.bind(":cancelled", r.cancelled ? 1 : 0);
  st.bind(":created_at", record.created_at);
  st.bind(":updated_at", record.updated_at);
}

}  // namespace

Status Store::each_type(const std::function<Status(const TypeRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "SELECT uuid, name, every, weight, builtin, created_at, updated_at FROM types ORDER BY id");
    while (st.executeStep()) {
      TypeRecord r;
      r.type.uuid = st.getColumn(0).getString();
      r.type.name = st.getColumn(1).getString();
      r.type.every = optional_duration(st.getColumn(2));
      r.type.weight = st.getColumn(3).getInt();
      r.type.builtin = st.getColumn(4).getInt() != 0;
      r.created_at = st.getColumn(5).getString();
      r.updated_at = st.getColumn(6).getString();
      KITH_TRY(visit(r));
    }
    return {};
  });
}

Status Store::each_contact(const std::function<Status(const ContactRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "SELECT c.id, m.uuid FROM contacts c LEFT JOIN contacts m ON m.id = c.met_via_id"
        " ORDER BY c.id");
    while (st.executeStep()) {
      ContactRecord r;
      auto contact = this->contact(st.getColumn(0).getInt64());
      if (!contact) return contact.error();
      r.contact = std::move(*contact);
      r.met_via_contact = optional_text(st.getColumn(1));
      auto ids = external_ids(r.contact.id);
      if (!ids) return ids.error();
      r.external_ids = std::move(*ids);
      auto aliases = this->aliases(r.contact.id);
      if (!aliases) return aliases.error();
      r.aliases = std::move(*aliases);
      KITH_TRY(visit(r));
    }
    return {};
  });
}

Status Store::each_interaction(const std::function<Status(const InteractionRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "SELECT id, uuid, day, summary, channel, direction, weight, created_at, updated_at"
        " FROM interactions ORDER BY id");
    // The people of every interaction in the same order, read alongside (an index walk, not
    // a query per interaction).
    auto& people = impl_->prepare(
        "SELECT p.interaction_id, c.uuid FROM interaction_people p"
        " JOIN contacts c ON c.id = p.contact_id ORDER BY p.interaction_id");
    bool more_people = people.executeStep();
    InteractionRecord r;
    while (st.executeStep()) {
      std::int64_t id = st.getColumn(0).getInt64();
      Interaction& i = r.interaction;
      i.uuid = st.getColumn(1).getString();
      i.day = optional_day(st.getColumn(2)).value_or(Date());
      i.summary = st.getColumn(3).getString();
      i.channel.reset();
      if (!st.getColumn(4).isNull()) {
        if (auto channel = parse_channel(st.getColumn(4).getString())) i.channel = *channel;
      }
      if (auto direction = parse_direction(st.getColumn(5).getString())) i.direction = *direction;
      i.weight = st.getColumn(6).getInt();
      i.created_at = st.getColumn(7).getString();
      r.updated_at = st.getColumn(8).getString();
      r.people.clear();
      while (more_people && people.getColumn(0).getInt64() < id) more_people = people.executeStep();
      while (more_people && people.getColumn(0).getInt64() == id) {
        r.people.push_back(people.getColumn(1).getString());
        more_people = people.executeStep();
      }
      std::sort(r.people.begin(), r.people.end());
      KITH_TRY(visit(r));
    }
    people.reset();
    return Status{};
  });
}

Status Store::each_reminder(bool open_only,
                            const std::function<Status(const ReminderRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "SELECT r.uuid, c.uuid, coalesce(c.name, ''), r.kind, r.text, r.due, r.every,"
        " r.anchor, r.done_on, r.last_done, r.created_at, r.updated_at, r.contact_id,"
        " r.cancelled"
        " FROM reminders r LEFT JOIN contacts c ON c.id = r.contact_id"
        " WHERE NOT :open_only OR r.done_on IS NULL ORDER BY r.id");
    st.bind(":open_only", open_only ? 1 : 0);
    while (st.executeStep()) {
      ReminderRecord record;
      Reminder& r = record.reminder;
      r.uuid = st.getColumn(0).getString();
      record.contact = optional_text(st.getColumn(1));
      r.contact_name = st.getColumn(2).getString();
      if (auto kind = parse_reminder_kind(st.getColumn(3).getString())) r.kind = *kind;
      r.text = st.getColumn(4).getString();
      r.due = optional_day(st.getColumn(5)).value_or(Date());
      r.every = optional_duration(st.getColumn(6));
      r.anchor = optional_day(st.getColumn(7)).value_or(r.due);
      r.done_on = optional_day(st.getColumn(8));
      r.last_done = optional_day(st.getColumn(9));
      record.created_at = st.getColumn(10).getString();
      record.updated_at = st.getColumn(11).getString();
      if (!st.getColumn(12).isNull()) r.contact_id = st.getColumn(12).getInt64();
      r.cancelled = st.getColumn(13).getInt() != 0;
      KITH_TRY(visit(record));
    }
    return {};
  });
}

Result<Merge> Store::merge_type(const TypeRecord& record) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<Merge> {
    auto existing = stored(impl_->prepare("SELECT id, updated_at FROM types WHERE uuid = :uuid"),
                           record.type.uuid);
    if (!existing) {
      auto& by_name = impl_->prepare("SELECT id, updated_at FROM types WHERE name = :name");
      by_name.bind(":name", record.type.name);
      if (by_name.executeStep()) {
        existing = Stored{by_name.getColumn(0).getInt64(), by_name.getColumn(1).getString()};
      }
      by_name.reset();
    }
    if (existing && record.updated_at <= existing->updated_at) return Merge::skipped;
    SQLite::Statement* st = nullptr;
    if (existing) {
      st = &impl_->prepare(
          "UPDATE types SET name = :name, every = :every, weight = :weight,"
          " updated_at = :updated_at WHERE id = :id");
      st->bind(":id", existing->id);
    } else {
      // Only the shipped types are built in; an unknown uuid is the user's own type.
      st = &impl_->prepare(
          "INSERT INTO types (uuid, name, every, weight, created_at, updated_at)"
          " VALUES (:uuid, :name, :every, :weight, :created_at, :updated_at)");
      st->bind(":uuid", record.type.uuid);
      st->bind(":created_at", record.created_at);
    }
    st->bind(":name", record.type.name);
    bind_optional(*st, ":every", text_of(record.type.every));
    st->bind(":weight", record.type.weight);
    st->bind(":updated_at", record.updated_at);
    st->exec();
    return existing ? Merge::updated : Merge::added;
  });
}

Result<Merge> Store::merge_contact(const ContactRecord& record) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<Merge> {
    auto existing = stored(impl_->prepare("SELECT id, updated_at FROM contacts WHERE uuid = :uuid"),
                           record.contact.uuid);
    if (existing && record.contact.updated_at <= existing->updated_at) return Merge::skipped;
    if (!existing && deleted_by_sync(*impl_, record.contact.uuid)) return Merge::skipped;
    if (!existing) {
      // A contact merged into another here: what it held lives on in that one.
      auto& alias = impl_->prepare("SELECT 1 FROM contact_aliases WHERE uuid = :uuid");
      alias.bind(":uuid", record.contact.uuid);
      const bool merged = alias.executeStep();
      alias.reset();
      if (merged) return Merge::skipped;
    }
    Contact contact = record.contact;
    if (existing) {
      contact.id = existing->id;
      KITH_TRY(update_contact(contact));
    } else {
      auto id = add_contact(contact);
      if (!id) return id.error();
      contact.id = *id;
    }
    stamp(impl_->prepare("UPDATE contacts SET created_at = :created_at,"
                         " updated_at = :updated_at WHERE id = :id"),
          contact.id, record.contact.created_at, record.contact.updated_at);
    KITH_TRY(set_external_ids(contact.id, record.external_ids));
    // The contacts merged into it elsewhere: unless one lives on here, its uuid is an alias.
    for (const std::string& uuid : record.aliases) {
      auto& alias = impl_->prepare(
          "INSERT OR IGNORE INTO contact_aliases (contact_id, uuid, former_id)"
          " SELECT :id, :uuid, :id WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE uuid = :uuid)");
      alias.bind(":id", contact.id);
      alias.bind(":uuid", uuid);
      alias.exec();
    }
    return existing ? Merge::updated : Merge::added;
  });
}

Result<Merge> Store::merge_interaction(const InteractionRecord& record,
                                       const std::vector<std::int64_t>& people) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<Merge> {
    const Interaction& i = record.interaction;
    auto existing = stored(
        impl_->prepare("SELECT id, updated_at FROM interactions WHERE uuid = :uuid"), i.uuid);
    if (existing && record.updated_at <= existing->updated_at) return Merge::skipped;
    if (!existing && deleted_by_sync(*impl_, i.uuid)) return Merge::skipped;
    if (existing) {
      // Unlinking first lets the triggers recompute each former person's summary (or, in a
      // bulk load, the catch-up: it is told who they were).
      if (impl_->bulk_people) {
        auto& former =
            impl_->prepare("SELECT contact_id FROM interaction_people WHERE interaction_id = :id");
        former.bind(":id", existing->id);
        while (former.executeStep()) impl_->bulk_people->insert(former.getColumn(0).getInt64());
      }
      auto& unlink = impl_->prepare("DELETE FROM interaction_people WHERE interaction_id = :id");
      unlink.bind(":id", existing->id);
      unlink.exec();
    }
    SQLite::Statement& st =
        existing ? impl_->prepare(
                       "UPDATE interactions SET day = :day, summary = :summary,"
                       " channel = :channel, direction = :direction, weight = :weight,"
                       " created_at = :created_at, updated_at = :updated_at WHERE id = :id")
                 : impl_->prepare(
                       "INSERT INTO interactions (uuid, day, summary, channel, direction,"
                       " weight, created_at, updated_at) VALUES (:uuid, :day, :summary,"
                       " :channel, :direction, :weight, :created_at, :updated_at)");
    if (existing) {
      st.bind(":id", existing->id);
    } else {
      st.bind(":uuid", i.uuid);
    }
    st.bind(":day", i.day.to_string());
    st.bind(":summary", i.summary);
    bind_optional(st, ":channel",
                  i.channel ? std::optional(std::string(to_string(*i.channel))) : std::nullopt);
    bind_text(st, ":direction", to_string(i.direction));
    st.bind(":weight", i.weight);
    st.bind(":created_at", i.created_at);
    st.bind(":updated_at", record.updated_at);
    st.exec();
    std::int64_t id = existing ? existing->id : impl_->db.getLastInsertRowid();
    link_people(*impl_, id, i.day, people);
    return existing ? Merge::updated : Merge::added;
  });
}

Result<Merge> Store::merge_reminder(const ReminderRecord& record,
                                    std::optional<std::int64_t> contact_id) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<Merge> {
    auto existing =
        stored(impl_->prepare("SELECT id, updated_at FROM reminders WHERE uuid = :uuid"),
               record.reminder.uuid);
    if (existing && record.updated_at <= existing->updated_at) return Merge::skipped;
    if (!existing && deleted_by_sync(*impl_, record.reminder.uuid)) return Merge::skipped;
    if (existing) {
      auto& st = impl_->prepare(
          "UPDATE reminders SET uuid = :uuid, contact_id = :contact, kind = :kind,"
          " text = :text, due = :due, every = :every, anchor = :anchor, done_on = :done_on,"
          " last_done = :last_done, cancelled = :cancelled, created_at = :created_at,"
          " updated_at = :updated_at"
          " WHERE id = :id");
      bind_reminder(st, record, contact_id);
      st.bind(":id", existing->id);
      st.exec();
      return Merge::updated;
    }
    auto& st = impl_->prepare(
        "INSERT INTO reminders (uuid, contact_id, kind, text, due, every, anchor, done_on,"
        " last_done, cancelled, created_at, updated_at) VALUES (:uuid, :contact, :kind, :text,"
        " :due, :every, :anchor, :done_on, :last_done, :cancelled, :created_at, :updated_at)");
    bind_reminder(st, record, contact_id);
    st.exec();
    return Merge::added;
  });
}

Status Store::each_link(const std::function<Status(const LinkRecord&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "SELECT k.uuid, ca.uuid, cb.uuid, k.how, k.since, k.created_at, k.updated_at"
        " FROM knows k JOIN contacts ca ON ca.id = k.a JOIN contacts cb ON cb.id = k.b"
        " ORDER BY k.id");
    while (st.executeStep()) {
      LinkRecord r;
      r.uuid = st.getColumn(0).getString();
      r.a = st.getColumn(1).getString();
      r.b = st.getColumn(2).getString();
      r.how = st.getColumn(3).getString();
      r.since = optional_day(st.getColumn(4)).value_or(Date());
      r.created_at = st.getColumn(5).getString();
      r.updated_at = st.getColumn(6).getString();
      KITH_TRY(visit(r));
    }
    return {};
  });
}

Result<Merge> Store::merge_link(const LinkRecord& record, std::int64_t a, std::int64_t b) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  if (a == b) return invalid_input("a link joins two different people");
  return guarded(*impl_, [&]() -> Result<Merge> {
    auto existing =
        stored(impl_->prepare("SELECT id, updated_at FROM knows WHERE uuid = :uuid"), record.uuid);
    if (existing && record.updated_at <= existing->updated_at) return Merge::skipped;
    if (!existing && deleted_by_sync(*impl_, record.uuid)) return Merge::skipped;
    if (!existing) {
      auto& pair =
          impl_->prepare("SELECT 1 FROM knows WHERE (a = :a AND b = :b) OR (a = :b AND b = :a)");
      pair.bind(":a", a);
      pair.bind(":b", b);
      const bool linked = pair.executeStep();
      pair.reset();
      if (linked) return Merge::skipped;
    }
    auto& st = existing ? impl_->prepare(
                              "UPDATE knows SET uuid = :uuid, a = :a, b = :b, how = :how,"
                              " since = :since, created_at = :created_at, updated_at = :updated_at"
                              " WHERE id = :id")
                        : impl_->prepare(
                              "INSERT INTO knows (uuid, a, b, how, since, created_at, updated_at)"
                              " VALUES (:uuid, :a, :b, :how, :since, :created_at, :updated_at)");
    st.bind(":uuid", record.uuid);
    st.bind(":a", a);
    st.bind(":b", b);
    st.bind(":how", record.how);
    st.bind(":since", record.since.to_string());
    st.bind(":created_at", record.created_at);
    st.bind(":updated_at", record.updated_at);
    if (existing) st.bind(":id", existing->id);
    st.exec();
    return existing ? Merge::updated : Merge::added;
  });
}

std::optional<std::int64_t> contact_id_of(Store::Impl& impl, std::string_view uuid) {
  auto& st = impl.prepare(
      "SELECT id FROM contacts WHERE uuid = :uuid UNION ALL"
      " SELECT contact_id FROM contact_aliases WHERE uuid = :uuid");
  st.bind(":uuid", std::string(uuid));
  if (!st.executeStep()) return std::nullopt;
  std::optional<std::int64_t> id = st.getColumn(0).getInt64();
  st.reset();
  return id;
}

Result<std::optional<std::int64_t>> Store::contact_id_by_uuid(std::string_view uuid) {
  return guarded(
      *impl_, [&]() -> Result<std::optional<std::int64_t>> { return contact_id_of(*impl_, uuid); });
}

Result<std::optional<std::int64_t>> Store::contact_id_by_external_id(ExternalSource source,
                                                                     std::string_view id) {
  return guarded(*impl_, [&]() -> Result<std::optional<std::int64_t>> {
    auto& st = impl_->prepare(
        "SELECT contact_id FROM external_ids WHERE source = :source AND value = :value");
    bind_text(st, ":source", to_string(source));
    st.bind(":value", std::string(id));
    if (!st.executeStep()) return std::optional<std::int64_t>();
    return std::optional(st.getColumn(0).getInt64());
  });
}

Result<std::optional<std::int64_t>> Store::contact_id_by_email(std::string_view email) {
  return guarded(*impl_, [&]() -> Result<std::optional<std::int64_t>> {
    auto& st = impl_->prepare(
        "SELECT min(contact_id) FROM contact_channels"
        " WHERE kind = 'email' AND lower(value) = lower(:email)");
    st.bind(":email", std::string(email));
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::optional<std::int64_t>();
    return std::optional(st.getColumn(0).getInt64());
  });
}

Result<std::vector<ExternalId>> Store::external_ids(std::int64_t contact_id) {
  return guarded(*impl_, [&]() -> Result<std::vector<ExternalId>> {
    auto& st = impl_->prepare(
        "SELECT source, value, since FROM external_ids WHERE contact_id = :id"
        " ORDER BY source, value");
    st.bind(":id", contact_id);
    std::vector<ExternalId> out;
    while (st.executeStep()) {
      ExternalId id;
      if (auto source = parse_external_source(st.getColumn(0).getString())) id.source = *source;
      id.id = st.getColumn(1).getString();
      id.since = optional_day(st.getColumn(2));
      out.push_back(std::move(id));
    }
    return out;
  });
}

Status Store::set_external_ids(std::int64_t contact_id, const std::vector<ExternalId>& ids) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& clear = impl_->prepare("DELETE FROM external_ids WHERE contact_id = :id");
    clear.bind(":id", contact_id);
    clear.exec();
    for (const ExternalId& id : ids) {
      auto& add = impl_->prepare(
          "INSERT OR REPLACE INTO external_ids (contact_id, source, value, since)"
          " VALUES (:contact, :source, :value, :since)");
      add.bind(":contact", contact_id);
      bind_text(add, ":source", to_string(id.source));
      add.bind(":value", id.id);
      bind_optional(add, ":since", text_of(id.since));
      add.exec();
    }
    return {};
  });
}

Status Store::set_met_via_id(std::int64_t contact_id, std::int64_t introducer_id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("UPDATE contacts SET met_via_id = :introducer WHERE id = :id");
    st.bind(":introducer", introducer_id);
    st.bind(":id", contact_id);
    if (st.exec() == 0) return not_found("no contact with id " + std::to_string(contact_id));
    return {};
  });
}

}  // namespace kith
