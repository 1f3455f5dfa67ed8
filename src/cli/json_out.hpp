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
