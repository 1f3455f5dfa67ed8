// The store's interactions: adding them, and the timeline.
#include <algorithm>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

Interaction read_interaction(SQLite::Statement& st) {
  Interaction i;
  i.id = st.getColumn(0).getInt64();
  i.uuid = st.getColumn(1).getString();
  if (auto day = Date::parse_iso(st.getColumn(2).getString())) i.day = *day;
  i.summary = st.getColumn(3).getString();
  if (!st.getColumn(4).isNull()) {
    if (auto channel = parse_channel(st.getColumn(4).getString())) i.channel = *channel;
  }
  if (auto direction = parse_direction(st.getColumn(5).getString())) i.direction = *direction;
  i.weight = st.getColumn(6).getInt();
  i.created_at = st.getColumn(7).getString();
  return i;
}

}  // namespace

Result<std::int64_t> Store::add_interaction(const Interaction& interaction) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO interactions (uuid, day, summary, channel, direction, weight)"
        " VALUES (:uuid, :day, :summary, :channel, :direction, :weight)");
    st.bind(":uuid", interaction.uuid.empty() ? new_uuid() : interaction.uuid);
    st.bind(":day", interaction.day.to_string());
    st.bind(":summary", interaction.summary);
    bind_optional(st, ":channel",
                  interaction.channel ? std::optional(std::string(to_string(*interaction.channel)))
                                      : std::nullopt);
    bind_text(st, ":direction", to_string(interaction.direction));
    st.bind(":weight", interaction.weight);
    st.exec();
    std::int64_t id = impl_->db.getLastInsertRowid();
    for (const Participant& person : interaction.people) {
      auto& link = impl_->prepare(
          "INSERT OR IGNORE INTO interaction_people (contact_id, day, interaction_id)"
          " VALUES (:contact, :day, :interaction)");
      link.bind(":contact", person.id);
      link.bind(":day", interaction.day.to_string());
      link.bind(":interaction", id);
      link.exec();
      if (impl_->bulk_people) impl_->bulk_people->insert(person.id);
    }
    return id;
  });
}

Status Store::update_interaction(const Interaction& interaction) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE interactions SET day = :day, summary = :summary, channel = :channel,"
        " direction = :direction, weight = :weight,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id");
    st.bind(":day", interaction.day.to_string());
    st.bind(":summary", interaction.summary);
    bind_optional(st, ":channel",
                  interaction.channel ? std::optional(std::string(to_string(*interaction.channel)))
                                      : std::nullopt);
    bind_text(st, ":direction", to_string(interaction.direction));
    st.bind(":weight", interaction.weight);
    st.bind(":id", interaction.id);
    if (st.exec() == 0) return not_found("no interaction #" + std::to_string(interaction.id));
    return Status{};
  });
}

Status Store::add_participant(std::int64_t interaction_id, std::int64_t contact_id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT OR IGNORE INTO interaction_people (contact_id, day, interaction_id)"
        " SELECT :contact, day, id FROM interactions WHERE id = :interaction");
    st.bind(":contact", contact_id);
    st.bind(":interaction", interaction_id);
    st.exec();
    if (impl_->bulk_people) impl_->bulk_people->insert(contact_id);
    return Status{};
  });
}

Status Store::remove_participant(std::int64_t interaction_id, std::int64_t contact_id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "DELETE FROM interaction_people"
        " WHERE interaction_id = :interaction AND contact_id = :contact");
    st.bind(":contact", contact_id);
    st.bind(":interaction", interaction_id);
    if (st.exec() == 0) {
      return not_found("contact #" + std::to_string(contact_id) + " is not in interaction #" +
                       std::to_string(interaction_id));
    }
    if (impl_->bulk_people) impl_->bulk_people->insert(contact_id);
    return Status{};
  });
}

Status Store::remove_interaction(std::int64_t id) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    if (impl_->bulk_people) {
      auto& people =
          impl_->prepare("SELECT contact_id FROM interaction_people WHERE interaction_id = :id");
      people.bind(":id", id);
      while (people.executeStep()) impl_->bulk_people->insert(people.getColumn(0).getInt64());
      people.reset();
    }
    // Its links go first, by trigger (interactions_unlinked), each subtracting what it counted
    // from its person's summary.
    auto& st = impl_->prepare("DELETE FROM interactions WHERE id = :id");
    st.bind(":id", id);
    if (st.exec() == 0) return not_found("no interaction #" + std::to_string(id));
    return Status{};
  });
}

namespace {

// The people of the interaction in column 8, as "id\x1eName" items joined by '\x1f'.
#define KITH_PEOPLE_COLUMN                                                            \
  " (SELECT group_concat(id || char(30) || name, char(31)) FROM (SELECT c.id, c.name" \
  "   FROM interaction_people q JOIN contacts c ON c.id = q.contact_id"               \
  "   WHERE q.interaction_id = i.id ORDER BY c.name_key, c.id))"

std::vector<Participant> read_people(const SQLite::Column& column) {
  std::vector<Participant> out;
  if (column.isNull()) return out;
  std::string all = column.getString();
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find('\x1f', start);
    if (end == std::string::npos) end = all.size();
    std::string_view item(all.data() + start, end - start);
    std::size_t cut = item.find('\x1e');
    if (cut != std::string_view::npos) {
      out.push_back(
          {std::stoll(std::string(item.substr(0, cut))), std::string(item.substr(cut + 1))});
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<Interaction> Store::interaction(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<Interaction> {
    auto& st = impl_->prepare(
        "SELECT i.id, i.uuid, i.day, i.summary, i.channel, i.direction, i.weight, "
        "i.created_at," KITH_PEOPLE_COLUMN " FROM interactions i WHERE i.id = :id");
    st.bind(":id", id);
    if (!st.executeStep()) return not_found("no interaction #" + std::to_string(id));
    Interaction i = read_interaction(st);
    i.people = read_people(st.getColumn(8));
    return i;
  });
}

Status Store::stream_history(const HistoryQuery& query,
                             const std::function<Status(Interaction&&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    SQLite::Statement* st = nullptr;
    if (query.contact_id) {
      st = &impl_->prepare(
          "SELECT i.id, i.uuid, i.day, i.summary, i.channel, i.direction, i.weight, "
          "i.created_at," KITH_PEOPLE_COLUMN
          " FROM interaction_people p JOIN interactions i ON i.id = p.interaction_id"
          " WHERE p.contact_id = :contact AND p.day >= :since"
          " ORDER BY p.day DESC, p.interaction_id DESC LIMIT :limit");
      st->bind(":contact", *query.contact_id);
    } else {
      st = &impl_->prepare(
          "SELECT i.id, i.uuid, i.day, i.summary, i.channel, i.direction, i.weight, "
          "i.created_at," KITH_PEOPLE_COLUMN
          " FROM interactions i WHERE i.day >= :since ORDER BY i.day DESC, i.id DESC"
          " LIMIT :limit");
    }
    st->bind(":since", query.since ? query.since->to_string() : std::string());
    st->bind(":limit", query.limit > 0 ? query.limit : -1);
    while (st->executeStep()) {
      Interaction i = read_interaction(*st);
      i.people = read_people(st->getColumn(8));
      KITH_TRY(visit(std::move(i)));
    }
    return Status{};
  });
}

Result<std::vector<Interaction>> Store::history(const HistoryQuery& query) {
  std::vector<Interaction> out;
  KITH_TRY(stream_history(query, [&](Interaction&& i) -> Status {
    out.push_back(std::move(i));
    return {};
  }));
  return out;
}

}  // namespace kith
