// kith review [--since DATE] [--until DATE]: a look back over a period, drawn.
#include <fmt/core.h>

#include <cmath>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "cli/review_chart.hpp"
#include "kith/use_cases/review.hpp"

namespace kith::cli {
namespace {

struct ReviewOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
};

Json optional_day_json(const std::optional<Date>& day) {
  return day ? Json(day->to_string()) : Json(nullptr);
}

Json people_json(const std::vector<PersonAmount>& people, const char* amount) {
  Json out = Json::array();
  for (const PersonAmount& p : people) {
    Json row;
    row["id"] = p.id;
    row["name"] = p.name;
    row[amount] = p.amount;
    out.push_back(std::move(row));
  }
  return out;
}

Json review_json(const Review& r, Date today) {
  Json out;
  out["period"] = {{"since", r.period.since.to_string()},
                   {"until", r.period.until.to_string()},
                   {"today", today.to_string()},
                   {"weeks", r.weeks.size()}};
  out["totals"] = {{"interactions", r.interactions},
                   {"given", r.given},
                   {"received", r.received},
                   {"people", r.people}};
  Json weeks = Json::array();
  for (const ReviewWeek& w : r.weeks) {
    Json week;
    week["start"] = w.start.to_string();
    week["from"] = w.from.to_string();
    week["to"] = w.to.to_string();
    week["partial"] = w.partial();
    week["interactions"] = w.interactions;
    week["given"] = w.given;
    week["received"] = w.received;
    weeks.push_back(std::move(week));
  }
  out["weeks"] = std::move(weeks);
  out["gave_most"] = people_json(r.gave_most, "given");
  out["received_most"] = people_json(r.received_most, "received");
  out["inner_circle"] = r.inner_by_circle ? "circle" : "weight";
  Json neglected = Json::array();
  for (const NeglectedPerson& n : r.neglected) {
    Json row;
    row["id"] = n.id;
    row["name"] = n.name;
    row["circle"] = n.circle ? Json(*n.circle) : Json(nullptr);
    row["weight"] = n.weight;
    row["cadence"] = n.cadence.to_string();
    row["last"] = optional_day_json(n.last);
    row["days_silent"] = n.silent ? Json(*n.silent) : Json(nullptr);
    row["due"] = n.due.to_string();
    neglected.push_back(std::move(row));
  }
  out["neglected"] = std::move(neglected);
  const PromiseTally& p = r.promises;
  auto rate = p.on_time_rate();
  out["promises"] = {
      {"due", p.due},
      {"on_time", p.on_time},
      {"late", p.late},
      {"cancelled", p.cancelled},
      {"open_overdue", p.open_overdue},
      {"open", p.open},
      {"on_time_rate", rate ? Json(std::round(*rate * 1000) / 1000) : Json(nullptr)}};
  const NetworkFigures& n = r.network;
  Json by_type = Json::object();
  for (const auto& [type, count] : n.by_type) by_type[type] = count;
  Json by_circle = Json::object();
  for (int circle = 1; circle <= 3; ++circle) {
    auto it = n.by_circle.find(circle);
    by_circle[std::to_string(circle)] = it == n.by_circle.end() ? 0 : it->second;
  }
  out["network"] = {{"total", n.active},        {"by_type", std::move(by_type)},
                    {"untyped", n.untyped},     {"by_circle", std::move(by_circle)},
                    {"no_circle", n.no_circle}, {"added", n.added},
                    {"archived", n.archived},   {"targets", n.targets}};
  Json open_goals = Json::array();
  for (const GoalProgress& g : r.goals.open_goals) {
    Json row;
    row["id"] = g.id;
    row["text"] = g.text;
    row["by"] = optional_day_json(g.by);
    row["people"] = g.people;
    row["spoken_with"] = g.spoken;
    open_goals.push_back(std::move(row));
  }
  Json done_goals = Json::array();
  for (const GoalFact& g : r.goals.done_in_period) {
    Json row;
    row["id"] = g.id;
    row["text"] = g.text;
    row["done_on"] = optional_day_json(g.done_on);
    done_goals.push_back(std::move(row));
  }
  out["goals"] = {{"open", r.goals.open},
                  {"done", r.goals.done},
                  {"open_goals", std::move(open_goals)},
                  {"done_in_period", std::move(done_goals)}};
  return out;
}

// The period the options give: --until a DATE (default today); --since a DATE, or a duration
// ("3m", "1y") back from the end; without --since, the 13 weeks ending at the end.
Result<ReviewPeriod> period_of(const ReviewOptions& o, Date today) {
  Date until = today;
  if (o.until) {
    auto day = parse_date(*o.until, today, WeekdayRule::most_recent_or_today);
    if (!day) return Error{day.error().code, "--until: " + day.error().message};
    until = *day;
  }
  ReviewPeriod period = default_review_period(until);
  if (o.since) {
    if (auto back = Duration::parse(*o.since)) {
      period.since = back->before(until).plus_days(1);
    } else {
      auto day = parse_date(*o.since, today, WeekdayRule::most_recent_or_today);
      if (!day) return Error{day.error().code, "--since: " + day.error().message};
      period.since = *day;
    }
  }
  KITH_TRY(check_review_period(period));
  return period;
}

Status run_review(Context& ctx, const ReviewOptions& o) {
  // A usage error never opens the database.
  auto period = period_of(o, ctx.today);
  if (!period) return period.error();
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto found = review_period(*store, *period, ctx.today);
  if (!found) return found.error();
  if (ctx.json) {
    print_json(review_json(*found, ctx.today));
    return {};
  }
  if (found->empty()) {
    if (!store->missing()) {
      fmt::print("Nothing to review from {} to {}: no interactions, promises or goals yet.\n",
                 period->since.to_string(), period->until.to_string());
    }
    return {};
  }
  fmt::print("{}", render_review(*found, Painter(ctx.color),
                                 ctx.unicode ? Glyphs::unicode : Glyphs::ascii));
  return {};
}

}  // namespace

void add_review_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ReviewOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("--since", options->since,
                  "First day: a DATE, or a duration back from the end (3m, 1y)")
      ->option_text("DATE");
  cmd->add_option("--until", options->until, "Last day (default today)")->option_text("DATE");
  cmd->footer(
      "The period: by default this week and the 12 before it. Weeks start on Monday; a\n"
      "partial first or last week is marked *. Charts use block characters when the locale is\n"
      "UTF-8, plain ASCII otherwise or with --color never. How each figure is computed:\n"
      "docs/ranking.md, \"Review\".\n\n"
      "Examples:\n  kith review\n  kith review --since 1y\n"
      "  kith review --since 2026-07-01 --until 2026-09-30 --json");
  on_chosen(*cmd, options, action, run_review);
}

}  // namespace kith::cli
