#include "cli/path_text.hpp"

#include <fmt/core.h>

#include "cli/render.hpp"

namespace kith::cli {

std::string strength_text(double strength) { return fmt::format("{:.2f}", strength); }

std::string link_why(const PathLink& link, const std::string& a_name, const std::string& b_name,
                     Date today) {
  switch (link.source) {
    case LinkSource::introducer:
      return fmt::format("{} introduced you to {}", printable(a_name), printable(b_name));
    case LinkSource::together:
      return fmt::format(
          "logged together {}{}",
          link.count == 1 ? std::string("once") : fmt::format("{} times", link.count),
          link.last ? ", latest " + relative(*link.last, today) : std::string());
    case LinkSource::knows: break;
  }
  if (!link.how.empty()) return printable(link.how);
  return link.last ? "recorded " + relative(*link.last, today) : "recorded";
}

std::string first_hop_why(const PathPerson& p, const std::optional<Interaction>& last, Date today) {
  std::vector<std::string> parts;
  if (!p.type.empty()) parts.push_back(p.type);
  if (last) {
    parts.push_back(fmt::format("{} {}", last->channel ? to_string(*last->channel) : "spoke",
                                relative(last->day, today)));
  } else if (p.last_contact) {
    parts.push_back("spoke " + relative(*p.last_contact, today));
  } else {
    parts.push_back("nothing logged yet");
  }
  if (p.interactions_year > 1) {
    parts.push_back(fmt::format("{} interactions in the last year", p.interactions_year));
  }
  std::int64_t net = p.given - p.received;
  if (net > 0) parts.push_back(fmt::format("you gave {} more than you received", net));
  if (net < 0) parts.push_back(fmt::format("you received {} more than you gave", -net));
  return join(parts);
}

Json link_json(const PathLink& link, Date today) {
  Json j;
  j["source"] = std::string(to_string(link.source));
  j["a"] = link.a;  // an introducer link: a introduced you to b
  j["b"] = link.b;
  j["how"] = link.how;
  j["count"] = link.count;
  j["last"] = link.last ? Json(link.last->to_string()) : Json(nullptr);
  j["strength"] = link_strength(link, today);
  return j;
}

Json knows_json(const KnowsLink& link, const std::string& a_name, const std::string& b_name) {
  Json j;
  j["id"] = link.id;
  j["uuid"] = link.uuid;
  j["a"] = {{"id", link.a}, {"name", a_name}};
  j["b"] = {{"id", link.b}, {"name", b_name}};
  j["how"] = link.how;
  j["since"] = link.since.to_string();
  return j;
}

}  // namespace kith::cli
