#include "cli/reconnect_text.hpp"

#include <fmt/core.h>

#include <cmath>

#include "cli/outreach.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

double rounded(double x) { return std::round(x * 100.0) / 100.0; }

}  // namespace

std::vector<std::string> tie_reasons(const TieToRevive& t) {
  const Contact& c = t.contact;
  std::vector<std::string> was;
  was.push_back(fmt::format("{} interaction{}", t.interactions, t.interactions == 1 ? "" : "s"));
  const Balance& b = c.balance;
  if (b.given > 0 && b.received > 0) {
    was.push_back(fmt::format("you gave {} and received {}", b.given, b.received));
  } else if (b.given > 0) {
    was.push_back(fmt::format("you gave {}", b.given));
  } else if (b.received > 0) {
    was.push_back(fmt::format("you received {}", b.received));
  }
  if (!t.heaviest_type.empty()) was.push_back(t.heaviest_type);

  std::vector<std::string> out;
  out.push_back(join(was));
  std::string silent = "silent " + span(t.tie.silent_days);
  if (t.tie.facts.cadence) silent += fmt::format(" (every {})", t.tie.facts.cadence->to_human());
  out.push_back(std::move(silent));
  if (!c.offer.empty()) out.push_back("you could offer: " + printable(c.offer));
  return out;
}

Json tie_json(const TieToRevive& t) {
  const Contact& c = t.contact;
  const DormantTie& tie = t.tie;
  Json j;
  j["contact"] = person_json(c);
  j["cadence"] = tie.facts.cadence ? Json(tie.facts.cadence->to_string()) : Json(nullptr);
  j["interactions"] = t.interactions;
  j["balance"] = balance_json(c.balance);
  j["heaviest_type"] = t.heaviest_type.empty() ? Json(nullptr) : Json(t.heaviest_type);
  j["last_interaction"] = t.last ? interaction_json(*t.last) : Json(nullptr);
  j["silent_days"] = tie.silent_days;
  j["score"] = rounded(tie.score);
  Json terms = Json::array();
  for (const ReconnectScoreTerm& term : tie.terms) {
    terms.push_back(
        {{"term", std::string(to_string(term.term))}, {"points", rounded(term.points)}});
  }
  j["terms"] = std::move(terms);
  j["reasons"] = tie_reasons(t);
  return j;
}

}  // namespace kith::cli
