// kith goal [ID] [--all]; kith goal add|link|unlink|change|done|reopen|drop: career goals, the
// people who can help with them, what each lacks, and who you know that could help.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/goals.hpp"

namespace kith::cli {
namespace {

struct GoalOptions {
  std::string id;                 // the goal's id, as typed
  std::vector<std::string> args;  // TEXT... (add), WHO... (link, unlink)
  std::optional<std::string> by;
  bool no_by = false;
  std::optional<std::string> needs;
  std::optional<std::string> as;
  std::optional<std::string> text;
  std::optional<std::string> on;
  bool all = false;
};

Result<std::int64_t> goal_id(std::string_view text) {
  return record_id(text, "goal", "kith goal --all");
}

Result<std::optional<Date>> optional_date(const std::optional<std::string>& text,
                                          std::string_view option, Date today) {
  if (!text) return std::optional<Date>();
  auto day = parse_date(*text, today);
  if (!day) return Error{day.error().code, std::string(option) + ": " + day.error().message};
  return std::optional<Date>(*day);
}

Json day_json(const std::optional<Date>& day) {
  return day ? Json(day->to_string()) : Json(nullptr);
}

Json gaps_json(const std::vector<GoalGap>& gaps) {
  Json out = Json::array();
  for (const GoalGap& g : gaps) {
    out.push_back({{"kind", std::string(to_string(g.kind))},
                   {"role", g.kind == GoalGap::Kind::role ? Json(g.role) : Json(nullptr)},
                   {"text", to_string(g)}});
  }
  return out;
}

Json goal_json(const Goal& g) {
  return {{"id", g.id},
          {"uuid", g.uuid},
          {"text", g.text},
          {"by", day_json(g.by)},
          {"needs", g.needs},
          {"added_on", g.added_on.to_string()},
          {"done_on", day_json(g.done_on)}};
}

// "2027-06-30 (in 7 months)", "2026-11-20 (13 days late)".
std::string date_phrase(Date by, Date today) {
  if (by < today) return fmt::format("{} ({} late)", by.to_string(), span(days_between(by, today)));
  return fmt::format("{} ({})", by.to_string(), relative(by, today));
}

// date_phrase of its by-day, "done 2026-11-02", or "" without a by-day.
std::string by_phrase(const Goal& g, Date today) {
  if (g.done_on) return "done " + g.done_on->to_string();
  if (!g.by) return "";
  return date_phrase(*g.by, today);
}

std::string needs_phrase(const std::vector<std::string>& needs) {
  return needs.empty() ? "no particular role" : join(needs);
}

std::string gaps_phrase(const std::vector<GoalGap>& gaps) {
  std::vector<std::string> out;
  for (const GoalGap& g : gaps) out.push_back(to_string(g));
  return join(out, "; ");
}

// "12 days ago", "today", "never".
std::string last_phrase(const GoalPerson& p, Date today) {
  return p.last_contact ? relative(*p.last_contact, today) : "never";
}

// "3 days overdue", "due in 2 weeks", "due today", "never due", "archived".
std::string check_in_phrase(const GoalPerson& p, Date today) {
  if (p.archived) return "archived";
  if (!p.due) return "never due";
  if (*p.due < today) return span(days_between(*p.due, today)) + " overdue";
  return "due " + relative(*p.due, today);
}

Status run_list(Context& ctx, const GoalOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto goals = list_goals(*store, o.all, ctx.today);
  if (!goals) return goals.error();
  if (ctx.json) {
    Json out = Json::array();
    for (const GoalSummary& s : *goals) {
      Json j = goal_json(s.goal);
      j["people_count"] = s.people;
      j["gaps"] = gaps_json(s.gaps);
      out.push_back(std::move(j));
    }
    print_json(out);
    return {};
  }
  if (goals->empty()) {
    if (!store->missing()) {
      fmt::print("No {}goals. Set one: kith goal add TEXT [--by DATE] [--needs mentor,sponsor]\n",
                 o.all ? "" : "open ");
    }
    return {};
  }
  Painter paint(ctx.color);
  Table table(
      {{"ID", Table::Align::right}, {"GOAL"}, {"BY"}, {"PEOPLE", Table::Align::right}, {"LACKS"}});
  for (const GoalSummary& s : *goals) {
    const Goal& g = s.goal;
    bool late = !g.done() && g.by && *g.by < ctx.today;
    table.add({{fmt::format("#{}", g.id), Paint::dim},
               {printable(g.text), g.done() ? Paint::dim : Paint::bold},
               {by_phrase(g, ctx.today), late ? Paint::red : Paint::none},
               {std::to_string(s.people)},
               {gaps_phrase(s.gaps), Paint::yellow}});
  }
  fmt::print("{}", table.render(paint, terminal_width()));
  return {};
}

Json page_json(const GoalPage& page, Date today) {
  Json j = goal_json(page.goal);
  Json people = Json::array();
  for (const GoalPerson& p : page.people) {
    people.push_back({{"id", p.contact_id},
                      {"name", p.name},
                      {"role", p.role},
                      {"archived", p.archived},
                      {"last_contact", day_json(p.last_contact)},
                      {"days_since_contact",
                       p.last_contact ? Json(days_between(*p.last_contact, today)) : Json(nullptr)},
                      {"due", day_json(p.due)},
                      {"overdue", !p.archived && p.due && *p.due < today}});
  }
  j["people"] = std::move(people);
  j["gaps"] = gaps_json(page.gaps);
  j["words"] = page.words;
  Json suggestions = Json::array();
  for (const Suggestion& s : page.suggestions) {
    suggestions.push_back({{"id", s.id},
                           {"name", s.name},
                           {"score", std::round(s.score * 100.0) / 100.0},
                           {"why", s.why}});
  }
  j["suggestions"] = std::move(suggestions);
  return j;
}

std::string render_page(const GoalPage& page, Date today, const Painter& paint) {
  const Goal& g = page.goal;
  std::string out = fmt::format("{} {}\n", paint(Paint::bold, fmt::format("Goal #{}:", g.id)),
                                paint(Paint::bold, printable(g.text)));
  auto field = [&](std::string_view label, const std::string& value, Paint p = Paint::none) {
    if (value.empty()) return;
    out +=
        fmt::format("  {}  {}\n", paint(Paint::dim, fmt::format("{:<6}", label)), paint(p, value));
  };
  bool late = !g.done() && g.by && *g.by < today;
  field("By", g.by ? date_phrase(*g.by, today) : std::string("no date set"),
        late ? Paint::red : Paint::none);
  field("Needs", needs_phrase(g.needs));
  field("Set", fmt::format("{} ({})", g.added_on.to_string(), relative(g.added_on, today)));
  if (g.done_on) field("Done", g.done_on->to_string(), Paint::green);

  out += fmt::format("\n{}\n", paint(Paint::bold, "People"));
  if (page.people.empty()) {
    out += fmt::format("  {}\n", paint(Paint::dim, fmt::format("nobody yet: kith goal link {} WHO "
                                                               "[--as ROLE]",
                                                               g.id)));
  } else {
    Table table({{"ID", Table::Align::right}, {"NAME"}, {"ROLE"}, {"LAST"}, {"CHECK-IN"}});
    for (const GoalPerson& p : page.people) {
      bool overdue = !p.archived && p.due && *p.due < today;
      table.add({{fmt::format("#{}", p.contact_id), Paint::dim},
                 {printable(p.name), p.archived ? Paint::dim : Paint::bold},
                 {p.role.empty() ? "-" : p.role},
                 {last_phrase(p, today)},
                 {check_in_phrase(p, today), overdue ? Paint::red : Paint::none}});
    }
    std::string rendered = table.render(paint, terminal_width());
    std::size_t start = 0;
    while (start < rendered.size()) {
      std::size_t end = rendered.find('\n', start);
      out += "  " + rendered.substr(start, end - start + 1);
      start = end + 1;
    }
  }
  if (!page.gaps.empty()) {
    out += fmt::format("\n{} {}\n", paint(Paint::bold, "Lacks:"),
                       paint(Paint::yellow, gaps_phrase(page.gaps)));
  }
  if (!page.suggestions.empty()) {
    out += fmt::format("\n{}\n", paint(Paint::bold, "Could help"));
    int width = 0;
    for (const Suggestion& s : page.suggestions) {
      width = std::max(width, display_width(fmt::format("{} #{}", printable(s.name), s.id)));
    }
    for (const Suggestion& s : page.suggestions) {
      std::string id = fmt::format("#{}", s.id);
      int used = display_width(fmt::format("{} {}", printable(s.name), id));
      out += fmt::format(
          "  {} {}{}  {}\n", paint(Paint::bold, printable(s.name)), paint(Paint::dim, id),
          std::string(static_cast<std::size_t>(width - used), ' '), printable(join(s.why, "; ")));
    }
    out +=
        paint(Paint::dim, fmt::format("Link one: kith goal link {} WHO [--as ROLE]", g.id)) + "\n";
  }
  return out;
}

Status run_show(Context& ctx, const GoalOptions& o) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  auto page = show_goal(*store, *id, ctx.today);
  if (!page) return page.error();
  if (ctx.json) {
    print_json(page_json(*page, ctx.today));
    return {};
  }
  fmt::print("{}", render_page(*page, ctx.today, Painter(ctx.color)));
  return {};
}

Status run_goals(Context& ctx, const GoalOptions& o) {
  if (!o.id.empty()) {
    if (o.all) return invalid_input("--all lists goals: give it without an ID");
    return run_show(ctx, o);
  }
  return run_list(ctx, o);
}

Status run_add(Context& ctx, const GoalOptions& o) {
  GoalRequest request;
  request.text = join_words(o.args);
  auto by = optional_date(o.by, "--by", ctx.today);
  if (!by) return by.error();
  request.by = *by;
  request.needs = o.needs;
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_goal_request(request));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto goal = add_goal(*store, request, ctx.today);
  if (!goal) return goal.error();
  if (ctx.json) {
    print_json(goal_json(*goal));
    return {};
  }
  std::vector<std::string> about;
  about.push_back(goal->needs.empty() ? "no particular role needed"
                                      : "needs " + join(goal->needs, " and "));
  if (goal->by) about.push_back("by " + date_phrase(*goal->by, ctx.today));
  fmt::print("Added goal #{}: \"{}\" ({}).\n", goal->id, printable(goal->text), join(about, "; "));
  fmt::print("Link who can help: kith goal link {} WHO [--as ROLE]\n", goal->id);
  return {};
}

Json links_json(const GoalLinked& linked) {
  Json links = Json::array();
  for (const GoalLink& l : linked.links) {
    links.push_back({{"contact", {{"id", l.contact_id}, {"name", l.name}}},
                     {"role", l.role},
                     {"before", l.before ? Json(*l.before) : Json(nullptr)}});
  }
  return {{"goal", goal_json(linked.goal)}, {"links", std::move(links)}};
}

Status run_link(Context& ctx, const GoalOptions& o, bool linking) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  if (o.as) {
    auto role = normalize_type_name(*o.as);
    if (!role) return Error{role.error().code, "--as: " + role.error().message};
  }
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto linked = linking ? link_goal(*store, *id, o.args, o.as, ctx.today)
                        : unlink_goal(*store, *id, o.args, ctx.today);
  if (!linked) return linked.error();
  if (ctx.json) {
    print_json(links_json(*linked));
    return {};
  }
  for (const GoalLink& l : linked->links) {
    std::string as = l.role.empty() ? "" : " as " + l.role;
    if (!linking) {
      fmt::print("Unlinked {} from goal #{}.\n", printable(l.name), *id);
    } else if (!l.before) {
      fmt::print("Linked {} to goal #{}{}.\n", printable(l.name), *id, as);
    } else if (*l.before != l.role) {
      fmt::print("{} now helps with goal #{}{} (was {}).\n", printable(l.name), *id,
                 l.role.empty() ? " with no particular role" : as,
                 l.before->empty() ? "no particular role" : *l.before);
    } else {
      fmt::print("{} was linked to goal #{}{} already.\n", printable(l.name), *id, as);
    }
  }
  return {};
}

Status run_change(Context& ctx, const GoalOptions& o) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  GoalChange change;
  change.text = o.text;
  auto by = optional_date(o.by, "--by", ctx.today);
  if (!by) return by.error();
  change.by = *by;
  change.no_by = o.no_by;
  change.needs = o.needs;
  KITH_TRY(check_goal_change(change));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto changed = change_goal(*store, *id, change, ctx.today);
  if (!changed) return changed.error();
  if (ctx.json) {
    print_json(goal_json(changed->after));
    return {};
  }
  const Goal& g = changed->after;
  fmt::print("Changed goal #{}: \"{}\" ({}{}).\n", g.id, printable(g.text),
             g.needs.empty() ? "no particular role needed" : "needs " + join(g.needs, " and "),
             g.by ? "; by " + date_phrase(*g.by, ctx.today) : "; no date");
  return {};
}

Status run_done(Context& ctx, const GoalOptions& o) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  auto on = optional_date(o.on, "--on", ctx.today);
  if (!on) return on.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto goal = complete_goal(*store, *id, *on, ctx.today);
  if (!goal) return goal.error();
  if (ctx.json) {
    print_json(goal_json(*goal));
    return {};
  }
  fmt::print("Done: goal #{} \"{}\" (on {}).\n", goal->id, printable(goal->text),
             goal->done_on->to_string());
  return {};
}

Status run_reopen(Context& ctx, const GoalOptions& o) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto goal = reopen_goal(*store, *id, ctx.today);
  if (!goal) return goal.error();
  if (ctx.json) {
    print_json(goal_json(*goal));
    return {};
  }
  fmt::print("Reopened goal #{}: \"{}\".\n", goal->id, printable(goal->text));
  return {};
}

Status run_drop(Context& ctx, const GoalOptions& o) {
  auto id = goal_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto goal = drop_goal(*store, *id, ctx.today);
  if (!goal) return goal.error();
  if (ctx.json) {
    print_json(goal_json(*goal));
    return {};
  }
  fmt::print("Dropped goal #{}: \"{}\" (kith undo brings it back).\n", goal->id,
             printable(goal->text));
  return {};
}

CLI::App* add_id(CLI::App& sub, GoalOptions& o) {
  sub.add_option("id", o.id, "The goal's id (see 'kith goal')")->required()->option_text("ID");
  return &sub;
}

}  // namespace

void add_goal_command(CLI::App& command, Action& action) {
  auto list = std::make_shared<GoalOptions>();
  CLI::App* cmd = &command;
  cmd->require_subcommand(0, 1);
  cmd->add_option("id", list->id, "Show this goal in full (its id)")->option_text("[ID]");
  cmd->add_flag("--all", list->all, "Done goals too");

  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("add", "Set a goal: what you want, by when, who it needs");
    sub->add_option("text", o->args, "What you want, like \"Become a staff engineer\"")
        ->required()
        ->option_text("TEXT");
    sub->add_option("--by", o->by, "The day to reach it by")->option_text("DATE");
    sub->add_option("--needs", o->needs,
                    "Roles it needs among its people, type names with commas (default mentor; "
                    "none for none)")
        ->option_text("ROLES");
    on_chosen(*sub, o, action, run_add);
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("link", "Link people who can help, or change their role");
    add_id(*sub, *o);
    sub->add_option("who", o->args, "The people: id, or name or a unique part of it")
        ->required()
        ->option_text("WHO...");
    sub->add_option("--as", o->as,
                    "Their role: a type name (default: their type when exactly one of their "
                    "types is among the goal's needs, else none)")
        ->option_text("ROLE");
    on_chosen(*sub, o, action,
              [](Context& ctx, const GoalOptions& x) { return run_link(ctx, x, true); });
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("unlink", "Unlink people from a goal");
    add_id(*sub, *o);
    sub->add_option("who", o->args, "The people: id, or name or a unique part of it")
        ->required()
        ->option_text("WHO...");
    on_chosen(*sub, o, action,
              [](Context& ctx, const GoalOptions& x) { return run_link(ctx, x, false); });
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("change", "Change a goal's text, date or needed roles");
    add_id(*sub, *o);
    sub->add_option("--text", o->text, "The new text")->option_text("TEXT");
    sub->add_option("--by", o->by, "The new day to reach it by")->option_text("DATE");
    sub->add_flag("--no-by", o->no_by, "No date any more");
    sub->add_option("--needs", o->needs, "The roles it needs (none for none)")
        ->option_text("ROLES");
    on_chosen(*sub, o, action, run_change);
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("done", "Mark a goal reached");
    add_id(*sub, *o);
    sub->add_option("--on", o->on, "The day it was reached (default today)")->option_text("DATE");
    on_chosen(*sub, o, action, run_done);
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub = cmd->add_subcommand("reopen", "Open a done goal again");
    add_id(*sub, *o);
    on_chosen(*sub, o, action, run_reopen);
  }
  {
    auto o = std::make_shared<GoalOptions>();
    CLI::App* sub =
        cmd->add_subcommand("drop", "Delete a goal and its links (kith undo brings it back)");
    add_id(*sub, *o);
    on_chosen(*sub, o, action, run_drop);
  }
  cmd->footer(
      "A goal lacks: a needed role nobody linked holds, anybody linked, a contact in the last\n"
      "month, or time (past its date). kith goal ID suggests people you know who could help.\n"
      "Examples:\n  kith goal add \"Become a staff engineer\" --by 2027-06-30 --needs "
      "mentor,sponsor\n"
      "  kith goal link 1 ada grace --as mentor\n  kith goal 1\n  kith plan --goal 1");
  cmd->callback([cmd, list, &action] {
    if (cmd->get_subcommands().empty()) {
      action = [list](Context& ctx) { return run_goals(ctx, *list); };
    }
  });
}

}  // namespace kith::cli
