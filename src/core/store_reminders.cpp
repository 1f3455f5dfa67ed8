// The store's reminders: adding, reading and changing them, and the report's due ones.
#include <algorithm>

#include "store_impl.hpp"

namespace kith {

Result<std::int64_t> Store::add_reminder(const Reminder& reminder) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<std::int64_t> {
    auto& st = impl_->prepare(
        "INSERT INTO reminders (uuid, contact_id, kind, text, due, every, anchor, done_on,"
        " last_done) VALUES (:uuid, :contact, :kind, :text, :due, :every, :anchor, :done_on,"
        " :last_done)");
    st.bind(":uuid", reminder.uuid.empty() ? new_uuid() : reminder.uuid);
    if (reminder.contact_id) {
      st.bind(":contact", *reminder.contact_id);
    } else {
      st.bind(":contact");
    }
    bind_text(st, ":kind", to_string(reminder.kind));
    st.bind(":text", reminder.text);
    st.bind(":due", reminder.due.to_string());
    bind_optional(st, ":every",
                  reminder.every ? std::optional(reminder.every->to_string()) : std::nullopt);
    st.bind(":anchor", reminder.anchor.to_string());
    bind_optional(st, ":done_on",
                  reminder.done_on ? std::optional(reminder.done_on->to_string()) : std::nullopt);
    bind_optional(
        st, ":last_done",
        reminder.last_done ? std::optional(reminder.last_done->to_string()) : std::nullopt);
    st.exec();
    return impl_->db.getLastInsertRowid();
  });
}

namespace {

#define KITH_REMINDER_COLUMNS                                                                \
  "SELECT r.id, r.uuid, r.contact_id, coalesce(c.name, ''), r.kind, r.text, r.due, r.every," \
  " r.anchor, r.done_on, r.last_done, r.cancelled"                                           \
  " FROM reminders r LEFT JOIN contacts c ON c.id = r.contact_id "

Reminder read_reminder(SQLite::Statement& st) {
  Reminder r;
  r.id = st.getColumn(0).getInt64();
  r.uuid = st.getColumn(1).getString();
  if (!st.getColumn(2).isNull()) r.contact_id = st.getColumn(2).getInt64();
  r.contact_name = st.getColumn(3).getString();
  if (auto kind = parse_reminder_kind(st.getColumn(4).getString())) r.kind = *kind;
  r.text = st.getColumn(5).getString();
  r.due = optional_day(st.getColumn(6)).value_or(Date());
  if (!st.getColumn(7).isNull()) {
    if (auto every = Duration::parse(st.getColumn(7).getString())) r.every = *every;
  }
  r.anchor = optional_day(st.getColumn(8)).value_or(r.due);
  r.done_on = optional_day(st.getColumn(9));
  r.last_done = optional_day(st.getColumn(10));
  r.cancelled = st.getColumn(11).getInt() != 0;
  return r;
}

}  // namespace

Result<Reminder> Store::reminder(std::int64_t id) {
  return guarded(*impl_, [&]() -> Result<Reminder> {
    auto& st = impl_->prepare(KITH_REMINDER_COLUMNS "WHERE r.id = :id");
    st.bind(":id", id);
    if (!st.executeStep()) return not_found("no reminder #" + std::to_string(id));
    return read_reminder(st);
  });
}

Result<std::vector<Reminder>> Store::reminders(std::optional<std::int64_t> contact_id,
                                               bool include_done) {
  std::vector<Reminder> out;
  KITH_TRY(stream_reminders(contact_id, include_done, [&](Reminder&& r) -> Status {
    out.push_back(std::move(r));
    return {};
  }));
  return out;
}

Status Store::stream_reminders(std::optional<std::int64_t> contact_id, bool include_done,
                               const std::function<Status(Reminder&&)>& visit) {
  return guarded(*impl_, [&]() -> Status {
    // One statement per case, so that each uses its index: by contact, or open by due day.
    // Agenda topics and skips are not reminders to list (is_dated): topics() reads topics.
    SQLite::Statement* st = nullptr;
    if (contact_id) {
      st = include_done ? &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.contact_id = :contact"
                                          " AND r.kind NOT IN ('topic', 'skip')"
                                          " ORDER BY r.due, r.id")
                        : &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.contact_id = :contact AND r.done_on IS NULL"
                                          " AND r.kind <> 'topic' ORDER BY r.due, r.id");
      st->bind(":contact", *contact_id);
    } else {
      st = include_done ? &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.kind NOT IN ('topic', 'skip')"
                                          " ORDER BY r.due, r.id")
                        : &impl_->prepare(KITH_REMINDER_COLUMNS
                                          "WHERE r.done_on IS NULL AND r.kind <> 'topic'"
                                          " ORDER BY r.due, r.id");
    }
    while (st->executeStep()) KITH_TRY(visit(read_reminder(*st)));
    return Status{};
  });
}

Result<std::vector<Reminder>> Store::topics(std::optional<std::int64_t> contact_id) {
  return guarded(*impl_, [&]() -> Result<std::vector<Reminder>> {
    std::vector<Reminder> out;
    SQLite::Statement* st = nullptr;
    if (contact_id) {
      st = &impl_->prepare(KITH_REMINDER_COLUMNS
                           "WHERE r.kind = 'topic' AND r.done_on IS NULL"
                           " AND r.contact_id = :contact ORDER BY r.due, r.id");
      st->bind(":contact", *contact_id);
    } else {
      st = &impl_->prepare(KITH_REMINDER_COLUMNS
                           "WHERE r.kind = 'topic' AND r.done_on IS NULL"
                           " ORDER BY c.name_key, c.id, r.due, r.id");
    }
    while (st->executeStep()) out.push_back(read_reminder(*st));
    st->reset();
    return out;
  });
}

Result<std::vector<Reminder>> Store::skips(std::optional<std::int64_t> contact_id,
                                           std::optional<Date> since) {
  return guarded(*impl_, [&]() -> Result<std::vector<Reminder>> {
    std::vector<Reminder> out;
    auto& st = impl_->prepare(KITH_REMINDER_COLUMNS
                              "WHERE r.kind = 'skip' AND r.due >= :since"
                              " AND (:contact IS NULL OR r.contact_id = :contact)"
                              " ORDER BY r.due DESC, r.id DESC");
    st.bind(":since", since ? since->to_string() : std::string());
    if (contact_id) {
      st.bind(":contact", *contact_id);
    } else {
      st.bind(":contact");
    }
    while (st.executeStep()) out.push_back(read_reminder(st));
    st.reset();
    return out;
  });
}

Result<DueReminders> Store::due_reminders(Date today, Date through, int limit) {
  return guarded(*impl_, [&]() -> Result<DueReminders> {
    ReadSnapshot snapshot(impl_->db);
    const std::string day = today.to_string();
    const std::string last = through.to_string();
    DueReminders out;
    // Each list walks the index of open reminders by due day and stops at `limit` (`+kind`
    // keeps SQLite from reading every open promise through the index by kind and sorting).
    // That index leaves agenda topics out: each query says `kind <> 'topic'` as it does.
    const auto take = [&](const char* sql, bool upcoming) {
      auto& st = impl_->prepare(sql);
      st.bind(":today", day);
      if (upcoming) st.bind(":through", last);
      st.bind(":limit", limit);
      while (st.executeStep()) out.reminders.push_back(read_reminder(st));
      st.reset();
    };
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.kind <> 'topic' AND r.due <= :today"
         " AND +r.kind = 'promise' ORDER BY r.due, r.id LIMIT :limit",
         false);
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.due <= :today"
         " AND r.kind <> 'topic' AND r.kind <> 'promise' ORDER BY r.due, r.id LIMIT :limit",
         false);
    take(KITH_REMINDER_COLUMNS
         "WHERE r.done_on IS NULL AND r.due > :today"
         " AND r.due <= :through AND r.kind <> 'topic' ORDER BY r.due, r.id LIMIT :limit",
         true);
    auto& count = impl_->prepare(
        "SELECT count(*) FILTER (WHERE due <= :today), count(*) FROM reminders"
        " WHERE done_on IS NULL AND due <= :through AND kind <> 'topic'");
    count.bind(":today", day);
    count.bind(":through", last);
    count.executeStep();
    out.due_total = static_cast<std::size_t>(count.getColumn(0).getInt64());
    out.upcoming_total = static_cast<std::size_t>(count.getColumn(1).getInt64()) - out.due_total;
    count.reset();
    return out;
  });
}

Result<int> Store::fulfil_plans(std::int64_t contact_id, Date day) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Result<int> {
    auto& st = impl_->prepare(
        "UPDATE reminders SET done_on = :day, last_done = :day,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE contact_id = :contact AND kind = 'plan' AND done_on IS NULL"
        " AND due <= :until");
    st.bind(":day", day.to_string());
    st.bind(":contact", contact_id);
    st.bind(":until", day.plus_days(kPlanFulfilledAhead).to_string());
    return st.exec();
  });
}

Status Store::update_reminder(const Reminder& reminder) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "UPDATE reminders SET contact_id = :contact, kind = :kind, text = :text, due = :due,"
        " every = :every, anchor = :anchor, done_on = :done_on, last_done = :last_done,"
        " cancelled = :cancelled, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = :id");
    if (reminder.contact_id) {
      st.bind(":contact", *reminder.contact_id);
    } else {
      st.bind(":contact");
    }
    bind_text(st, ":kind", to_string(reminder.kind));
    st.bind(":text", reminder.text);
    st.bind(":due", reminder.due.to_string());
    bind_optional(st, ":every",
                  reminder.every ? std::optional(reminder.every->to_string()) : std::nullopt);
    st.bind(":anchor", reminder.anchor.to_string());
    bind_optional(st, ":done_on",
                  reminder.done_on ? std::optional(reminder.done_on->to_string()) : std::nullopt);
    bind_optional(
        st, ":last_done",
        reminder.last_done ? std::optional(reminder.last_done->to_string()) : std::nullopt);
    st.bind(":cancelled", reminder.cancelled ? 1 : 0);
    st.bind(":id", reminder.id);
    if (st.exec() == 0) return not_found("no reminder #" + std::to_string(reminder.id));
    return {};
  });
}

}  // namespace kith
