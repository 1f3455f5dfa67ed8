// The JSON shapes of kith's command output (documented in docs/json.md).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "kith/contact.hpp"
#include "kith/interaction.hpp"
#include "kith/relationship_type.hpp"
#include "kith/reminder.hpp"

namespace kith::cli {

using Json = nlohmann::ordered_json;

// When a contact's next check-in is due, as of today.
struct Due {
  std::optional<Duration> cadence;  // effective cadence
  std::optional<Date> next;         // next check-in
  std::int64_t days_overdue = 0;    // > 0 when overdue
  bool overdue() const { return days_overdue > 0; }
};
Due due_of(const Contact& contact, const std::vector<RelationshipType>& types, Date today);

Json contact_json(const Contact& contact, const Due& due);
Json balance_json(const Balance& balance);
Json interaction_json(const Interaction& interaction);
Json reminder_json(const Reminder& reminder, Date today);
Json occasion_json(const Occasion& occasion);
Json type_json(const RelationshipType& type, std::int64_t contacts);

// Prints one JSON document on stdout, indented, newline-terminated.
void print_json(const Json& document);

// Prints a JSON array one element at a time, laid out as print_json lays out a whole array:
// for output too long to hold. Call add() per element, then finish().
class JsonArrayPrinter {
 public:
  void add(const Json& element);
  void finish();

 private:
  bool any_ = false;
};

}  // namespace kith::cli
