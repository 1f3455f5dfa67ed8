#include "cli/json_out.hpp"

#include <fmt/core.h>

namespace kith::cli {
namespace {

Json optional_date(const std::optional<Date>& date) {
  return date ? Json(date->to_string()) : Json(nullptr);
}

Json optional_duration(const std::optional<Duration>& duration) {
  return duration ? Json(duration->to_string()) : Json(nullptr);
}

}  // namespace

Json balance_json(const Balance& balance) {
  Json j;
  j["given"] = balance.given;
  j["received"] = balance.received;
  j["net"] = balance.net();
  j["last_gave"] = optional_date(balance.last_gave);
  return j;
}

Json contact_json(const Contact& c, const Due& due) {
  Json j;
  j["id"] = c.id;
  j["uuid"] = c.uuid;
  j["name"] = c.name;
  j["akas"] = c.akas;
  j["types"] = c.types;
  j["every"] = optional_duration(c.every);
  j["cadence"] = optional_duration(due.cadence);
  j["emails"] = c.emails;
  j["phones"] = c.phones;
  j["org"] = c.org;
  j["title"] = c.title;
  j["birthday"] = c.birthday ? Json(c.birthday->to_string()) : Json(nullptr);
  Json dates = Json::array();
  for (const auto& d : c.dates) dates.push_back({{"label", d.label}, {"date", d.date.to_string()}});
  j["dates"] = std::move(dates);
  j["circle"] = c.circle ? Json(*c.circle) : Json(nullptr);
  j["met_via"] = c.met_via;
  j["met_via_id"] = c.met_via_id ? Json(*c.met_via_id) : Json(nullptr);
  j["tags"] = c.tags;
  j["learn"] = c.learn;
  j["offer"] = c.offer;
  j["note"] = c.note;
  j["added_on"] = c.added_on.to_string();
  j["archived"] = c.archived;
  j["target"] = c.target;
  j["last_contact"] = optional_date(c.last_contact);
  j["next_due"] = optional_date(due.next);
  j["overdue"] = due.overdue();
  j["days_overdue"] = due.days_overdue;
  j["balance"] = balance_json(c.balance);
  j["created_at"] = c.created_at;
  j["updated_at"] = c.updated_at;
  return j;
}

Json interaction_json(const Interaction& i) {
  Json j;
  j["id"] = i.id;
  j["uuid"] = i.uuid;
  j["day"] = i.day.to_string();
  j["summary"] = i.summary;
  j["channel"] = i.channel ? Json(std::string(to_string(*i.channel))) : Json(nullptr);
  j["direction"] = std::string(to_string(i.direction));
  j["weight"] = i.weight;
  Json people = Json::array();
  for (const auto& p : i.people) people.push_back({{"id", p.id}, {"name", p.name}});
  j["people"] = std::move(people);
  return j;
}

Json reminder_json(const Reminder& r, Date today) {
  Json j;
  j["id"] = r.id;
  j["uuid"] = r.uuid;
  j["kind"] = std::string(to_string(r.kind));
  j["text"] = r.text;
  j["contact"] =
      r.contact_id ? Json({{"id", *r.contact_id}, {"name", r.contact_name}}) : Json(nullptr);
  j["due"] = r.due.to_string();
  j["every"] = optional_duration(r.every);
  j["done_on"] = optional_date(r.done_on);
  j["last_done"] = optional_date(r.last_done);
  j["overdue"] = !r.done_on && today > r.due;
  j["cancelled"] = r.cancelled;
  return j;
}

Json occasion_json(const Occasion& o) {
  Json j;
  j["date"] = o.on.to_string();
  j["label"] = o.label;
  j["contact"] = {{"id", o.contact_id}, {"name", o.name}};
  j["years"] = o.years ? Json(*o.years) : Json(nullptr);
  return j;
}

Json type_json(const RelationshipType& t, std::int64_t contacts) {
  Json j;
  j["name"] = t.name;
  j["every"] = optional_duration(t.every);
  j["weight"] = t.weight;
  j["builtin"] = t.builtin;
  j["contacts"] = contacts;
  j["uuid"] = t.uuid;
  return j;
}

void JsonArrayPrinter::add(const Json& element) {
  std::string text = element.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string indented;
  indented.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  fmt::print("{}\n  {}", any_ ? "," : "[", indented);
  any_ = true;
}

void JsonArrayPrinter::finish() { fmt::print("{}\n", any_ ? "\n]" : "[]"); }

void print_json(const Json& document) {
  fmt::print("{}\n", document.dump(2, ' ', false, Json::error_handler_t::replace));
}

}  // namespace kith::cli
