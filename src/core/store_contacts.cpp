// The store's relationship types and contacts.
#include <algorithm>
#include <cctype>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

constexpr char kSeparator = '\x1f';  // joins list columns; names and values never contain it
// (important dates join label and day with '\x1e' inside each item)

std::vector<std::string> split_list(const SQLite::Column& column) {
  std::vector<std::string> out;
  if (column.isNull()) return out;
  std::string all = column.getString();
  std::size_t start = 0;
  while (true) {
    std::size_t end = all.find(kSeparator, start);
    out.push_back(all.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

#define KITH_CONTACT_COLUMNS                                                               \
  "SELECT c.id, c.uuid, c.name, c.every, c.org, c.title, c.birthday, c.circle, c.met_via," \
  " c.met_via_id, c.learn, c.offer, c.note, c.added_on, c.archived, c.created_at,"         \
  " c.updated_at, s.last_day, s.given, s.received, s.last_gave_day,"                       \
  " (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM contact_types ct"        \
  "   JOIN types t ON t.id = ct.type_id WHERE ct.contact_id = c.id ORDER BY t.name)),"     \
  " (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM contact_tags"                \
  "   WHERE contact_id = c.id ORDER BY tag)),"                                             \
  " (SELECT group_concat(value, char(31)) FROM (SELECT value FROM contact_channels"        \
  "   WHERE contact_id = c.id AND kind = 'email' ORDER BY position)),"                     \
  " (SELECT group_concat(value, char(31)) FROM (SELECT value FROM contact_channels"        \
  "   WHERE contact_id = c.id AND kind = 'phone' ORDER BY position)),"                     \
  " (SELECT group_concat(label || char(30) || day, char(31)) FROM (SELECT label, day"      \
  "   FROM important_dates WHERE contact_id = c.id ORDER BY label)),"                      \
  " (SELECT group_concat(name, char(31)) FROM (SELECT name FROM contact_akas"              \
  "   WHERE contact_id = c.id ORDER BY name_key)), s.skip_day, c.target"                   \
  " FROM contacts c LEFT JOIN contact_stats s ON s.contact_id = c.id "

Contact read_contact(SQLite::Statement& st) {
  Contact c;
  c.id = st.getColumn(0).getInt64();
  c.uuid = st.getColumn(1).getString();
  c.name = st.getColumn(2).getString();
  c.every = optional_duration(st.getColumn(3));
  c.org = st.getColumn(4).getString();
  c.title = st.getColumn(5).getString();
  if (!st.getColumn(6).isNull()) {
    if (auto birthday = YearlyDate::parse(st.getColumn(6).getString())) c.birthday = *birthday;
  }
  if (!st.getColumn(7).isNull()) c.circle = st.getColumn(7).getInt();
  c.met_via = st.getColumn(8).getString();
  if (!st.getColumn(9).isNull()) c.met_via_id = st.getColumn(9).getInt64();
  c.learn = st.getColumn(10).getString();
  c.offer = st.getColumn(11).getString();
  c.note = st.getColumn(12).getString();
  if (auto added = optional_day(st.getColumn(13))) c.added_on = *added;
  c.archived = st.getColumn(14).getInt() != 0;
  c.created_at = st.getColumn(15).getString();
  c.updated_at = st.getColumn(16).getString();
  c.last_contact = optional_day(st.getColumn(17));
  c.balance.given = st.getColumn(18).isNull() ? 0 : st.getColumn(18).getInt64();
  c.balance.received = st.getColumn(19).isNull() ? 0 : st.getColumn(19).getInt64();
  c.balance.last_gave = optional_day(st.getColumn(20));
  c.types = split_list(st.getColumn(21));
  c.tags = split_list(st.getColumn(22));
  c.emails = split_list(st.getColumn(23));
  c.phones = split_list(st.getColumn(24));
  for (const std::string& pair : split_list(st.getColumn(25))) {
    std::size_t cut = pair.find('\x1e');
    if (cut == std::string::npos) continue;
    auto date = YearlyDate::parse(pair.substr(cut + 1));
    if (date) c.dates.push_back({pair.substr(0, cut), *date});
  }
  c.akas = split_list(st.getColumn(26));
  c.last_skip = optional_day(st.getColumn(27));
  c.target = st.getColumn(28).getInt() != 0;
  return c;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// Replaces the contact's types, tags, emails, phones, dates and other names with those of `c`.
Status write_lists(Store::Impl& impl, const Contact& c) {
  auto& clear_types = impl.prepare("DELETE FROM contact_types WHERE contact_id = :id");
  clear_types.bind(":id", c.id);
  clear_types.exec();
  for (const auto& type : c.types) {
    auto& find = impl.prepare("SELECT id FROM types WHERE name = :name");
    find.bind(":name", type);
    if (!find.executeStep()) {
      std::vector<std::string> known;
      auto& all = impl.prepare("SELECT name FROM types ORDER BY name");
      while (all.executeStep()) known.push_back(all.getColumn(0).getString());
      return invalid_input("unknown type '" + type + "' (known: " + join_names(known) + ")");
    }
    auto& link = impl.prepare(
        "INSERT OR IGNORE INTO contact_types (contact_id, type_id) VALUES (:contact, :type)");
    link.bind(":contact", c.id);
    link.bind(":type", find.getColumn(0).getInt64());
    link.exec();
  }
  auto& clear_tags = impl.prepare("DELETE FROM contact_tags WHERE contact_id = :id");
  clear_tags.bind(":id", c.id);
  clear_tags.exec();
  for (const auto& tag : c.tags) {
    auto& add = impl.prepare(
        "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (:contact, :tag)");
    add.bind(":contact", c.id);
    add.bind(":tag", tag);
    add.exec();
  }
  auto& clear_channels = impl.prepare("DELETE FROM contact_channels WHERE contact_id = :id");
  clear_channels.bind(":id", c.id);
  clear_channels.exec();
  auto add_channels = [&](const char* kind, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      auto& add = impl.prepare(
          "INSERT INTO contact_channels (contact_id, kind, position, value)"
          " VALUES (:contact, :kind, :position, :value)");
      add.bind(":contact", c.id);
      add.bind(":kind", kind);
      add.bind(":position", static_cast<std::int64_t>(i));
      add.bind(":value", values[i]);
      add.exec();
    }
  };
  add_channels("email", c.emails);
  add_channels("phone", c.phones);
  auto& clear_dates = impl.prepare("DELETE FROM important_dates WHERE contact_id = :id");
  clear_dates.bind(":id", c.id);
  clear_dates.exec();
  for (const ImportantDate& d : c.dates) {
    auto& add = impl.prepare(
        "INSERT OR REPLACE INTO important_dates (contact_id, label, day)"
        " VALUES (:contact, :label, :day)");
    add.bind(":contact", c.id);
    add.bind(":label", d.label);
    add.bind(":day", d.date.to_string());
    add.exec();
  }
  auto& clear_akas = impl.prepare("DELETE FROM contact_akas WHERE contact_id = :id");
  clear_akas.bind(":id", c.id);
  clear_akas.exec();
  for (const std::string& aka : c.akas) {
    auto& add = impl.prepare(
        "INSERT OR IGNORE INTO contact_akas (contact_id, name_key, name)"
        " VALUES (:contact, :key, :name)");
    add.bind(":contact", c.id);
    add.bind(":key", fold_for_match(aka));
    add.bind(":name", aka);
    add.exec();
  }
  return {};
}

void bind_fields(SQLite::Statement& st, const Contact& c) {
  st.bind(":name", c.name);
  st.bind(":name_key", fold_for_match(c.name));
  bind_optional(st, ":every", c.every ? std::optional(c.every->to_string()) : std::nullopt);
  st.bind(":org", c.org);
  st.bind(":title", c.title);
  bind_optional(st, ":birthday",
                c.birthday ? std::optional(c.birthday->to_string()) : std::nullopt);
  if (c.circle) {
    st.bind(":circle", *c.circle);
  } else {
    st.bind(":circle");
  }
  st.bind(":met_via", c.met_via);
  if (c.met_via_id) {
    st.bind(":met_via_id", *c.met_via_id);
  } else {
    st.bind(":met_via_id");
  }
  st.bind(":learn", c.learn);
  st.bind(":offer", c.offer);
  st.bind(":note", c.note);
  st.bind(":added_on", c.added_on.to_string());
  st.bind(":archived", c.archived ? 1 : 0);
  st.bind(":target", c.target ? 1 : 0);
}

}  // namespace

Result<std::map<std::string, std::int64_t>> Store::type_counts() {
  return guarded(*impl_, [&]() -> Result<std::map<std::string, std::int64_t>> {
    auto& st = impl_->prepare(
        "SELECT t.name, count(*) FROM contact_types ct JOIN types t ON t.id = ct.type_id"
        " JOIN contacts c ON c.id = ct.contact_id WHERE c.archived = 0 GROUP BY t.name");
    std::map<std::string, std::int64_t> out;
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getInt64();
    return out;
  });
}

Result<std::vector<RelationshipType>> Store::types() {
  return guarded(*impl_, [&]() -> Result<std::vector<RelationshipType>> {
    auto& st = impl_->prepare("SELECT name, every, weight, builtin, uuid FROM types ORDER BY name");
    std::vector<RelationshipType> out;
    while (st.executeStep()) {
      RelationshipType t;
      t.name = st.getColumn(0).getString();
      t.every = optional_duration(st.getColumn(1));
      t.weight = st.getColumn(2).getInt();
      t.builtin = st.getColumn(3).getInt() != 0;
      t.uuid = st.getColumn(4).getString();
      out.push_back(std::move(t));
    }
    return out;
  });
}

Status Store::add_type(const RelationshipType& type) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& exists = impl_->prepare("SELECT 1 FROM types WHERE name = :name");
    exists.bind(":name", type.name);
    if (exists.executeStep()) return invalid_input("type '" + type.name + "' already exists");
    auto& st = impl_->prepare(
        "INSERT INTO types (uuid, name, every, weight) VALUES (:uuid, :name, :every, :weight)");
    st.bind(":uuid", type.uuid.empty() ? new_uuid() : type.uuid);
    st.bind(":name", type.name);
    bind_optional(st, ":every", type.every ? std::optional(type.every->to_string()) : std::nullopt);
    st.bind(":weight", type.weight);
    st.exec();
    return {};
  });
}

Status Store::change_type(std::string_view name, const TypeChange& change) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE types SET"
        " every = CASE WHEN :set_every THEN :every ELSE every END,"
        " weight = coalesce(:weight, weight),"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE name = :name");
    st.bind(":set_every", change.every ? 1 : 0);
    bind_optional(
        st, ":every",
        change.every && *change.every ? std::optional((*change.every)->to_string()) : std::nullopt);
    if (change.weight) {
      st.bind(":weight", *change.weight);
    } else {
      st.bind(":weight");
    }
    st.bind(":name", std::string(name));
    if (st.exec() == 0) return not_found("no type '" + std::string(name) + "'");
    return {};
  });
}

Result<Contact> Store::contact(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<Contact> {
    auto& st = impl_->prepare(KITH_CONTACT_COLUMNS "WHERE c.id = :id");
    st.bind(":id", id);
    if (!st.executeStep()) return not_found("no contact with id " + std::to_string(id));
    return read_contact(st);
  });
}

Result<Contact> Store::resolve(std::string_view who) {
  std::string_view text = trim(who);
  if (text.empty()) return invalid_input("empty contact name");
  std::optional<std::int64_t> id = parse_id(text);
  // "#12" is always the id, never a name; "#0" and "#99999999999999999999" name no contact.
  bool digits_after_hash = text.size() > 1 && text.front() == '#' &&
                           std::all_of(text.begin() + 1, text.end(), [](char ch) {
                             return std::isdigit(static_cast<unsigned char>(ch));
                           });
  if (digits_after_hash) {
    if (id) {
      auto found = contact(*id);
      if (found || found.error().code != Errc::not_found) return found;
    }
    return not_found("no contact has the id " + std::string(text));
  }
  return guarded(*impl_, [&]() -> Result<Contact> {
    std::string key = fold_for_match(text);
    std::vector<std::pair<std::int64_t, std::string>> matches;
    auto collect = [&](SQLite::Statement& st) {
      st.bind(":key", key);
      while (st.executeStep()) {
        matches.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getString());
      }
    };
    // An email address names its owner; a whole name or nickname wins over part of one.
    if (text.find('@') != std::string_view::npos) {
      auto& by_email = impl_->prepare(
          "SELECT DISTINCT c.id, c.name FROM contact_channels ch"
          " JOIN contacts c ON c.id = ch.contact_id"
          " WHERE ch.kind = 'email' AND lower(ch.value) = lower(:email) ORDER BY c.id");
      by_email.bind(":email", std::string(text));
      while (by_email.executeStep()) {
        matches.emplace_back(by_email.getColumn(0).getInt64(), by_email.getColumn(1).getString());
      }
    }
    if (matches.empty()) {
      auto whole = contacts_named(text, true);
      if (!whole) return whole.error();
      for (ContactName& c : *whole) matches.emplace_back(c.id, std::move(c.name));
    }
    // A bare number is the id of a contact, unless it is also another contact's whole name:
    // then it is ambiguous, and "#12" says which.
    std::string hint;
    if (id) {
      auto by_id = contact(*id);
      if (!by_id && by_id.error().code != Errc::not_found) return by_id.error();
      if (by_id) {
        std::erase_if(matches, [&](const auto& m) { return m.first == *id; });
        if (matches.empty()) return by_id;
        matches.insert(matches.begin(), {by_id->id, by_id->name});
        hint = "; write #" + std::to_string(*id) + " for the id";
      }
    }
    if (matches.empty()) {
      collect(
          impl_->prepare("SELECT id, name FROM contacts WHERE instr(name_key, :key) > 0 OR id IN"
                         " (SELECT contact_id FROM contact_akas WHERE instr(name_key, :key) > 0)"
                         " ORDER BY name_key, id"));
    }
    if (matches.empty()) {
      return not_found("no contact matches '" + std::string(text) + "'");
    }
    if (matches.size() > 1) {
      constexpr std::size_t kShown = 8;
      std::string list;
      for (std::size_t i = 0; i < matches.size() && i < kShown; ++i) {
        if (i) list += ", ";
        list += matches[i].second + " (#" + std::to_string(matches[i].first) + ")";
      }
      if (matches.size() > kShown) {
        list += " and " + std::to_string(matches.size() - kShown) + " more";
      }
      return Error{Errc::ambiguous, "'" + std::string(text) + "' matches " +
                                        std::to_string(matches.size()) + " contacts: " + list +
                                        hint};
    }
    return contact(matches.front().first);
  });
}

Result<std::vector<Contact>> Store::contacts(const ContactQuery& query) {
  std::vector<Contact> out;
  KITH_TRY(stream_contacts(query, [&](Contact&& c) -> Status {
    out.push_back(std::move(c));
    return {};
  }));
  return out;
}

Status Store::stream_contacts(const ContactQuery& query,
                              const std::function<Status(Contact&&)>& visit) {
#define KITH_CONTACT_FILTER                                                                 \
  "WHERE c.archived = :archived AND (:targets IS NULL OR c.target = :targets)"              \
  " AND (:type IS NULL OR EXISTS (SELECT 1 FROM contact_types ct"                           \
  "      JOIN types t ON t.id = ct.type_id WHERE ct.contact_id = c.id AND t.name = :type))" \
  " AND (:tag IS NULL OR EXISTS (SELECT 1 FROM contact_tags g"                              \
  "      WHERE g.contact_id = c.id AND g.tag = :tag))"
  return guarded(*impl_, [&]() -> Status {
    // Overdue contacts come through the summary's due day, so that the longest overdue come
    // first without holding them all to sort.
    auto& st =
        query.overdue_on ? impl_->prepare(KITH_CONTACT_COLUMNS KITH_CONTACT_FILTER
                                          " AND s.due < :today ORDER BY s.due, c.name_key, c.id")
        : query.by_balance
            ? impl_->prepare(KITH_CONTACT_COLUMNS KITH_CONTACT_FILTER
                             " AND (NOT :traded OR s.given <> 0 OR s.received <> 0)"
                             " ORDER BY coalesce(s.given, 0) - coalesce(s.received, 0),"
                             " c.name_key, c.id")
            : impl_->prepare(KITH_CONTACT_COLUMNS KITH_CONTACT_FILTER " ORDER BY c.name_key, c.id");
#undef KITH_CONTACT_FILTER
    st.bind(":archived", query.archived ? 1 : 0);
    if (query.targets) {
      st.bind(":targets", *query.targets ? 1 : 0);
    } else {
      st.bind(":targets");
    }
    bind_optional(st, ":type", query.type);
    bind_optional(st, ":tag", query.tag);
    if (query.overdue_on) {
      st.bind(":today", query.overdue_on->to_string());
    } else if (query.by_balance) {
      st.bind(":traded", query.traded_only ? 1 : 0);
    }
    while (st.executeStep()) KITH_TRY(visit(read_contact(st)));
    return Status{};
  });
}

Result<std::int64_t> Store::add_contact(const Contact& contact) {
  if (impl_->recorder) impl_->recorder->flush_if_large();
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO contacts (uuid, name, name_key, every, org, title, birthday, circle,"
        " met_via, met_via_id, learn, offer, note, added_on, archived, target)"
        " VALUES (:uuid, :name, :name_key, :every, :org, :title, :birthday, :circle,"
        " :met_via, :met_via_id, :learn, :offer, :note, :added_on, :archived, :target)");
    st.bind(":uuid", contact.uuid.empty() ? new_uuid() : contact.uuid);
    bind_fields(st, contact);
    st.exec();
    Contact stored = contact;
    stored.id = impl_->db.getLastInsertRowid();
    KITH_TRY(write_lists(*impl_, stored));
    return stored.id;
  });
}

Status Store::update_contact(const Contact& contact) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE contacts SET name = :name, name_key = :name_key, every = :every, org = :org,"
        " title = :title, birthday = :birthday, circle = :circle, met_via = :met_via,"
        " met_via_id = :met_via_id, learn = :learn, offer = :offer, note = :note,"
        " added_on = :added_on, archived = :archived, target = :target,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = :id");
    bind_fields(st, contact);
    st.bind(":id", contact.id);
    if (st.exec() == 0) return not_found("no contact with id " + std::to_string(contact.id));
    return write_lists(*impl_, contact);
  });
}

Status Store::set_target(std::int64_t id, bool target) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE contacts SET target = :target, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = :id");
    st.bind(":target", target ? 1 : 0);
    st.bind(":id", id);
    if (st.exec() == 0) return not_found("no contact with id " + std::to_string(id));
    return {};
  });
}

Status Store::remove_contact(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    // Dropping the summary row first keeps the link-removal trigger from recomputing it for
    // every interaction about to go.
    auto& stats = impl_->prepare("DELETE FROM contact_stats WHERE contact_id = :id");
    stats.bind(":id", id);
    stats.exec();
    auto& sole = impl_->prepare(
        "DELETE FROM interactions WHERE id IN ("
        " SELECT p.interaction_id FROM interaction_people p WHERE p.contact_id = :id"
        " AND NOT EXISTS (SELECT 1 FROM interaction_people q"
        "   WHERE q.interaction_id = p.interaction_id AND q.contact_id != :id))");
    sole.bind(":id", id);
    sole.exec();
    auto& st = impl_->prepare("DELETE FROM contacts WHERE id = :id");
    st.bind(":id", id);
    if (st.exec() == 0) return not_found("no contact with id " + std::to_string(id));
    // The full-text indexes only mark the deleted words as gone; the words themselves stay
    // in their segments until a merge. Rewriting each index drops them, and secure_delete
    // zeroes the pages they leave, so no word of the person stays in the file.
    impl_->prepare("INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')").exec();
    impl_->prepare("INSERT INTO interactions_fts (interactions_fts) VALUES ('optimize')").exec();
    return {};
  });
}

}  // namespace kith
