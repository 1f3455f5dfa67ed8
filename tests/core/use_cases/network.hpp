// A small network in an in-memory store for the use cases' unit tests: a fixed today, helpers
// that add people and bookings, and renderings of state as short strings, so that a failing
// assertion reads like a sentence.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/fixtures.hpp"
#include "kith/store.hpp"
#include "kith/use_cases/contacts.hpp"
#include "write_for_test.hpp"

namespace kith::test {

class Network {
 public:
  Network() : store_(open()) {}

  Store& store() { return store_; }
  Date today = day("2026-11-22");  // a Sunday

  // Adds a contact through the use case (REQUIRE-ing success), added on `added_on` (today
  // when unset); returns its id.
  std::int64_t add(const std::string& name, ContactChange change = {},
                   std::optional<Date> added_on = std::nullopt) {
    change.name = name;
    auto added = add_contact(store_, change, added_on.value_or(today));
    INFO((added ? "" : added.error().message));
    REQUIRE(added);
    return added->contact.id;
  }

  // Adds a reminder as the store takes it (kind, contact, text, due); returns its id.
  std::int64_t book(ReminderKind kind, std::optional<std::int64_t> contact, Date due,
                    std::string text = "x", std::optional<Duration> every = std::nullopt) {
    Reminder r;
    r.kind = kind;
    r.contact_id = contact;
    r.text = std::move(text);
    r.due = due;
    r.anchor = due;
    r.every = every;
    std::int64_t id = 0;
    REQUIRE(write_for_test(store_, [&]() -> Status {
      auto added = store_.add_reminder(r);
      if (!added) return added.error();
      id = *added;
      return {};
    }));
    return id;
  }

  // Logs a plain interaction with these people on `on` through the store.
  void met(const std::vector<std::int64_t>& people, Date on,
           Direction direction = Direction::mutual, int weight = 1) {
    Interaction i;
    i.day = on;
    i.summary = "met";
    i.direction = direction;
    i.weight = weight;
    for (std::int64_t id : people) i.people.push_back({id, ""});
    REQUIRE(write_for_test(store_, [&]() -> Status {
      auto added = store_.add_interaction(i);
      if (!added) return added.error();
      return {};
    }));
  }

  // The contact with this id as stored.
  Contact contact(std::int64_t id) {
    auto c = store_.contact(id);
    REQUIRE(c);
    return *c;
  }
  // The reminder with this id as stored.
  Reminder reminder(std::int64_t id) {
    auto r = store_.reminder(id);
    REQUIRE(r);
    return *r;
  }

  // Every record the store holds, with its timestamps, one per line: equal before and after a
  // use case that must change nothing.
  std::string state() {
    std::string out;
    REQUIRE(store_.each_type([&](const TypeRecord& t) -> Status {
      out += "type " + t.type.name + " " + (t.type.every ? t.type.every->to_string() : "-") + " " +
             std::to_string(t.type.weight) + " " + t.updated_at + "\n";
      return {};
    }));
    REQUIRE(store_.each_contact([&](const ContactRecord& r) -> Status {
      const Contact& c = r.contact;
      out += "contact " + c.uuid + " " + c.name + " [" + join(c.types) + "] [" + join(c.tags) +
             "] [" + join(c.emails) + "] " + c.org + " " + c.met_via + " " +
             (c.archived ? "archived " : "") + c.updated_at + "\n";
      return {};
    }));
    REQUIRE(store_.each_interaction([&](const InteractionRecord& r) -> Status {
      const Interaction& i = r.interaction;
      out += "interaction " + i.uuid + " " + i.day.to_string() + " " +
             (i.channel ? std::string(to_string(*i.channel)) : "-") + " " +
             std::string(to_string(i.direction)) + " " + std::to_string(i.weight) + " " +
             i.summary + " [" + join(r.people) + "] " + r.updated_at + "\n";
      return {};
    }));
    REQUIRE(store_.each_reminder(false, [&](const ReminderRecord& r) -> Status {
      const Reminder& m = r.reminder;
      out += "reminder " + m.uuid + " " + std::string(to_string(m.kind)) + " " +
             r.contact.value_or("-") + " " + m.text + " " + m.due.to_string() + " " +
             (m.every ? m.every->to_string() : "once") + " " + m.anchor.to_string() + " " +
             (m.done_on ? m.done_on->to_string() : "open") + (m.cancelled ? " cancelled " : " ") +
             r.updated_at + "\n";
      return {};
    }));
    return out;
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
  }

 private:
  static Store open() {
    auto store = Store::in_memory();
    REQUIRE(store);
    return std::move(store).value();
  }

  Store store_;
};

// The error's code and message as "invalid_input: ..." (or "ok" for success).
template <class T>
std::string outcome(const Result<T>& result) {
  if (result) return "ok";
  const char* code = "internal";
  switch (result.error().code) {
    case Errc::invalid_input: code = "invalid_input"; break;
    case Errc::not_found: code = "not_found"; break;
    case Errc::ambiguous: code = "ambiguous"; break;
    case Errc::bad_file: code = "bad_file"; break;
    case Errc::storage: code = "storage"; break;
    case Errc::cancelled: code = "cancelled"; break;
    case Errc::internal: break;
  }
  return std::string(code) + ": " + result.error().message;
}

}  // namespace kith::test
