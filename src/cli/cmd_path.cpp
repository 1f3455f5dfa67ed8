// kith path TARGET [--org] [--limit N]: the warmest routes to a person or an organisation
// through the people you know, each step with its strength and why.
#include <fmt/core.h>

#include <unordered_map>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/path_text.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/introductions.hpp"

namespace kith::cli {
namespace {

struct PathOptions {
  std::vector<std::string> target;  // words, joined
  bool org = false;
  int limit = static_cast<int>(kDefaultRoutes);
};

std::string last_phrase(const RoutePerson& p, Date today) {
  if (p.last) {
    return fmt::format(
        "last spoke {}{}", relative(p.last->day, today),
        p.last->channel ? fmt::format(" ({})", to_string(*p.last->channel)) : std::string());
  }
  return "nothing logged with them yet";
}

Json person_ref(const PathPerson& p) { return {{"id", p.id}, {"name", p.name}}; }

Json found_json(const PathFound& found, Date today,
                const std::unordered_map<std::int64_t, const RoutePerson*>& by_id) {
  Json out;
  Json target{{"kind", found.organisation ? "organisation" : "contact"},
              {"name", found.target},
              {"id", found.contact ? Json(found.contact->id) : Json(nullptr)},
              {"is_target", found.contact ? Json(found.contact->target) : Json(nullptr)}};
  out["target"] = std::move(target);
  out["end_points"] = found.end_points;
  Json known = Json::array();
  for (const RoutePerson& k : found.known) {
    Json j = person_ref(k.person);
    j["last_contact"] =
        k.person.last_contact ? Json(k.person.last_contact->to_string()) : Json(nullptr);
    known.push_back(std::move(j));
  }
  out["known"] = std::move(known);
  out["known_total"] = found.known_total;
  Json routes = Json::array();
  for (const Route& r : found.routes) {
    Json steps = Json::array();
    const RoutePerson& first = *by_id.at(r.people[0]);
    Json hop = person_ref(first.person);
    hop["source"] = "you";
    hop["strength"] = r.first.strength;
    hop["terms"] = {{"recency", r.first.recency},
                    {"frequency", r.first.frequency},
                    {"balance", r.first.balance},
                    {"type", r.first.type}};
    hop["type"] = first.person.type;
    hop["last_contact"] =
        first.person.last_contact ? Json(first.person.last_contact->to_string()) : Json(nullptr);
    hop["interactions_year"] = first.person.interactions_year;
    hop["net"] = first.person.given - first.person.received;
    steps.push_back(std::move(hop));
    for (std::size_t i = 0; i < r.links.size(); ++i) {
      Json step = person_ref(by_id.at(r.people[i + 1])->person);
      step.update(link_json(r.links[i], today));
      steps.push_back(std::move(step));
    }
    routes.push_back({{"strength", r.strength}, {"steps", std::move(steps)}});
  }
  out["routes"] = std::move(routes);
  return out;
}

Status run_path(Context& ctx, const PathOptions& o) {
  PathRequest request;
  request.target = join_words(o.target);
  request.org = o.org;
  if (o.limit < 1) return invalid_input(fmt::format("--limit {}: give 1 to 50", o.limit));
  request.limit = static_cast<std::size_t>(o.limit);
  KITH_TRY(check_path(request));
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  if (store->missing()) {
    return not_found("no contact or organisation matching '" + request.target + "'");
  }
  auto found = find_path(*store, request, ctx.today);
  if (!found) return found.error();
  std::unordered_map<std::int64_t, const RoutePerson*> by_id;
  for (const RoutePerson& p : found->people) by_id.emplace(p.person.id, &p);
  if (ctx.json) {
    print_json(found_json(*found, ctx.today, by_id));
    return {};
  }
  Painter paint(ctx.color);
  const std::string target = printable(found->target);
  auto name = [&](std::int64_t id) { return printable(by_id.at(id)->person.name); };

  // Whom you know there already comes first.
  if (found->organisation) {
    if (found->known_total > 0) {
      std::vector<std::string> names;
      for (const RoutePerson& k : found->known) {
        names.push_back(fmt::format("{}, {}", printable(k.person.name), last_phrase(k, ctx.today)));
      }
      if (found->known_total > found->known.size()) {
        names.push_back(fmt::format("{} more", found->known_total - found->known.size()));
      }
      fmt::print("You know {} {} at {}: {}.\n", found->known_total,
                 found->known_total == 1 ? "person" : "people", target, join(names, "; "));
    }
  } else if (!found->known.empty()) {
    fmt::print("You know {}: {}.\n", target, last_phrase(found->known.front(), ctx.today));
  }
  if (found->routes.empty()) {
    // Knowing someone there is a way in; the routes are the ways through others.
    fmt::print("No {}route to {} within three steps.\n",
               found->known_total > 0 || !found->known.empty() ? "other " : "", target);
    fmt::print("{}\n", paint(Paint::dim,
                             "Record who knows whom with kith knows A B --how TEXT; introducers "
                             "(--met-via) and people logged together count too."));
    return {};
  }
  if (found->organisation) {
    fmt::print("Warmest routes into {} ({} {} there):\n", target, found->end_points,
               found->end_points == 1 ? "person" : "people");
  } else {
    fmt::print("Warmest {}to {}{}:\n", found->known.empty() ? "routes " : "introductions ", target,
               found->contact && found->contact->target ? " (a target)" : "");
  }
  for (std::size_t n = 0; n < found->routes.size(); ++n) {
    const Route& r = found->routes[n];
    std::vector<std::string> names;
    for (std::int64_t id : r.people) names.push_back(name(id));
    fmt::print("{}. {}  {}\n", n + 1, paint(Paint::bold, join(names, " → ")),
               paint(Paint::dim, "strength " + strength_text(r.strength)));
    const RoutePerson& first = *by_id.at(r.people[0]);
    fmt::print("   {} {}: {}\n", paint(Paint::dim, strength_text(r.first.strength)), names[0],
               first_hop_why(first.person, first.last, ctx.today));
    for (std::size_t i = 0; i < r.links.size(); ++i) {
      const PathLink& l = r.links[i];
      std::string why = link_why(l, name(l.a), name(l.b), ctx.today);
      fmt::print("   {} knows {}: {}\n", paint(Paint::dim, strength_text(r.strengths[i + 1])),
                 names[i + 1], why);
    }
  }
  return {};
}

}  // namespace

void add_path_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<PathOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("target", options->target,
                  "A person (WHO), or an organisation when no contact matches or with --org")
      ->required()
      ->option_text("TARGET");
  cmd->add_flag("--org", options->org,
                "TARGET is an organisation: reach anyone whose organisation matches");
  add_number_option(*cmd, "--limit", options->limit, "How many routes, 1 to 50 (default 5)",
                    "a whole number from 1 to 50")
      ->option_text("N");
  cmd->footer(
      "Routes have at most three steps (you → A → B → target), never pass through an archived\n"
      "person, and are ranked by the product of their links' strengths (docs/ranking.md).\n"
      "Examples:\n  kith path \"Lin Chen\"\n  kith path Initech --org\n  kith path lin --json");
  on_chosen(*cmd, options, action, run_path);
}

}  // namespace kith::cli
