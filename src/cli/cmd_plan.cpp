// kith plan [--days N] [--per-day N] [--start DATE] [--type T]... [--weekends] [--save]:
// spread the most urgent people over the coming days; --save books them as reminders.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/outreach.hpp"
#include "cli/reconnect_text.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/outreach.hpp"

namespace kith::cli {
namespace {

constexpr int kSummaryWidth = 60;

struct PlanCommandOptions {
  std::optional<int> days;  // default_plan_days(weekends) when not given
  int per_day = kDefaultPlanPerDay;
  std::optional<std::string> start;
  std::vector<std::string> types;
  bool weekends = false;
  bool save = false;
  std::optional<std::string> goal;
};

// The options as given: --start parsed (default tomorrow), the rest for the core to check.
Result<PlanOptions> plan_options(const Context& ctx, const PlanCommandOptions& o) {
  PlanOptions p;
  p.days = o.days.value_or(default_plan_days(o.weekends));
  p.per_day = o.per_day;
  p.weekends = o.weekends;
  p.types = o.types;
  p.start = ctx.today.plus_days(1);
  if (o.goal) {
    auto id = record_id(*o.goal, "goal", "kith goal");
    if (!id) return Error{id.error().code, "--goal: " + id.error().message};
    p.goal = *id;
  }
  if (o.start) {
    auto start = parse_date(*o.start, ctx.today);
    if (!start) return Error{start.error().code, "--start: " + start.error().message};
    p.start = *start;
  }
  return p;
}

Json plan_json(const OutreachPlan& plan, Date today) {
  const PlanOptions& options = plan.options;
  Json out;
  out["start"] = options.start.to_string();
  out["end"] = (plan.days.empty() ? options.start : plan.days.back()).to_string();
  out["per_day"] = options.per_day;
  out["weekends"] = options.weekends;
  out["types"] = options.types;
  Json days = Json::array();
  for (Date d : plan.days) days.push_back(d.to_string());
  out["days"] = std::move(days);
  Json slots = Json::array();
  for (const PlannedOutreach& slot : plan.slots) {
    Json j;
    j["date"] = slot.day.to_string();
    j["priority"] = std::round(slot.priority * 100.0) / 100.0;
    j["person"] = urgency_json(slot.person, slot.day, today);
    j["reminder_id"] = slot.reminder_id ? Json(*slot.reminder_id) : Json(nullptr);
    j["for_goal"] = slot.for_goal;
    slots.push_back(std::move(j));
  }
  out["slots"] = std::move(slots);
  out["unplaced"] = plan.unplaced;
  out["already_planned"] = plan.already_planned;
  out["saved"] = plan.saved;
  out["reconnect"] = plan.reconnect ? tie_json(*plan.reconnect) : Json(nullptr);
  out["goal"] =
      plan.goal ? Json({{"id", plan.goal->id}, {"text", plan.goal->text}}) : Json(nullptr);
  return out;
}

// "Tue 2026-11-24 to Mon 2026-11-30", or "Tue 2026-11-24" for a plan of one day.
std::string span_of(const std::vector<Date>& days) {
  if (days.front() == days.back()) return short_day(days.front());
  return fmt::format("{} to {}", short_day(days.front()), short_day(days.back()));
}

std::string render_plan(const OutreachPlan& plan, Date today, const Painter& paint) {
  const bool saved = plan.saved;
  const Date end = plan.days.back();
  std::string out;
  std::size_t used_days = 0;
  for (Date d : plan.days) {
    if (std::any_of(plan.slots.begin(), plan.slots.end(),
                    [&](const PlannedOutreach& s) { return s.day == d; })) {
      ++used_days;
    }
  }
  if (plan.slots.empty()) {
    out += fmt::format("Nobody {}is due by {}: nothing to plan.\n",
                       plan.already_planned ? "else " : "", short_day(end));
  } else {
    // "over 3 days" when every day of the plan has someone, "on 2 of the 3 days" otherwise.
    std::string spread = used_days == plan.days.size()
                             ? fmt::format("over {} day{}", used_days, used_days == 1 ? "" : "s")
                             : fmt::format("on {} of the {} days", used_days, plan.days.size());
    out += paint(Paint::bold,
                 fmt::format("Outreach plan, {}: {} {} {}", span_of(plan.days), plan.slots.size(),
                             plan.slots.size() == 1 ? "person" : "people", spread));
    out += '\n';
  }
  std::optional<Date> current;
  for (const PlannedOutreach& slot : plan.slots) {
    const Urgency& u = slot.person.urgency;
    const Contact& c = slot.person.contact;
    if (slot.day != current) {
      current = slot.day;
      out += fmt::format("\n{}\n", paint(Paint::bold, fmt::format("{} ({})", short_day(slot.day),
                                                                  relative(slot.day, today))));
    }
    std::vector<std::string> about;
    if (!c.types.empty()) about.push_back(join(c.types));
    if (c.circle) about.push_back(fmt::format("circle {}", *c.circle));
    out += fmt::format("  {} {}{}{}\n", paint(Paint::bold, printable(c.name)),
                       paint(Paint::dim, fmt::format("#{}", c.id)),
                       about.empty() ? "" : paint(Paint::dim, " · " + join(about, " · ")),
                       slot.reminder_id
                           ? paint(Paint::dim, fmt::format("  (reminder #{})", *slot.reminder_id))
                           : "");
    auto line = [&](std::string_view label, const std::string& text) {
      if (text.empty()) return;
      out += fmt::format("    {} {}\n", paint(Paint::dim, fmt::format("{:<6}", label)), text);
    };
    std::vector<std::string> why = reasons(u, slot.day, today);
    if (slot.for_goal && plan.goal) {
      why.insert(why.begin(),
                 fmt::format("goal #{}: {}", plan.goal->id, printable(plan.goal->text)));
    }
    line("why:", join(why, "; "));
    line("last:", last_phrase(slot.person.last, c, today, kSummaryWidth));
    line("learn:", printable(c.learn));
    line("offer:", printable(c.offer));
    std::vector<std::string> reach = c.emails;
    reach.insert(reach.end(), c.phones.begin(), c.phones.end());
    line("reach:", reach.empty() ? "no email or phone on record" : printable(join(reach)));
    out += agenda_lines(slot.person.agenda, 4, paint);
    // The --goal is in the why already.
    std::vector<GoalRef> others;
    for (const GoalRef& g : slot.person.goals) {
      if (!slot.for_goal || !plan.goal || g.id != plan.goal->id) others.push_back(g);
    }
    out += goal_lines(others, 4, paint);
  }
  if (const auto& t = plan.reconnect) {
    out += fmt::format(
        "\n{} {} {} — {}\n", paint(Paint::bold, "Reconnect:"), printable(t->contact.name),
        paint(Paint::dim, fmt::format("#{}", t->contact.id)), join(tie_reasons(*t), "; "));
  }
  std::vector<std::string> notes;
  if (plan.unplaced) {
    notes.push_back(
        fmt::format("{} more {} due by {} did not fit: plan more --days or a higher "
                    "--per-day",
                    plan.unplaced, plan.unplaced == 1 ? "person" : "people", short_day(end)));
  }
  if (plan.already_planned) {
    notes.push_back(
        fmt::format("{} {} spoken for: outreach booked, a meeting or a reminder due "
                    "(kith reminders)",
                    plan.already_planned, plan.already_planned == 1 ? "person is" : "people are"));
  }
  if (!plan.slots.empty()) {
    notes.push_back(saved ? fmt::format("Booked as {} reminder{}: they show in kith report on "
                                        "their day; logging an interaction completes one",
                                        plan.slots.size(), plan.slots.size() == 1 ? "" : "s")
                          : std::string("Book it: kith plan --save (same options)"));
  }
  if (!notes.empty()) out += '\n';
  for (const std::string& note : notes) out += paint(Paint::dim, note) + "\n";
  return out;
}

Status run_plan(Context& ctx, const PlanCommandOptions& o) {
  auto given = plan_options(ctx, o);
  if (!given) return given.error();
  // A usage error never opens the database; plan_outreach checks the same again.
  auto options = check_plan_options(*given, ctx.today);
  if (!options) return options.error();
  // Only a database that exists is written: nobody to book, no database to create.
  auto store = ctx.open(o.save ? Store::Access::write_existing : Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  if (store->missing() && !ctx.json) return {};
  auto plan = plan_outreach(*store, ctx.today, *options, o.save);
  if (!plan) return plan.error();
  if (ctx.json) {
    print_json(plan_json(*plan, ctx.today));
    return {};
  }
  fmt::print("{}", render_plan(*plan, ctx.today, Painter(ctx.color)));
  return {};
}

}  // namespace

void add_plan_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<PlanCommandOptions>();
  CLI::App* cmd = &command;
  add_number_option(*cmd, "--days", options->days,
                    "Days to plan from the start: working days, or days of any kind with "
                    "--weekends (default a week: 5, or 7 with --weekends)",
                    fmt::format("a whole number from 1 to {}", kMaxPlanDays))
      ->option_text("N");
  add_number_option(*cmd, "--per-day", options->per_day, "People a day (default 2)",
                    fmt::format("a whole number from 1 to {}", kMaxPlanPerDay))
      ->option_text("N");
  cmd->add_option("--start", options->start, "The first day (default tomorrow)")
      ->option_text("DATE");
  cmd->add_option("--type", options->types, "Only people of this type (repeatable)")
      ->option_text("TYPE");
  cmd->add_flag("--weekends", options->weekends, "Plan Saturdays and Sundays too");
  cmd->add_option("--goal", options->goal,
                  "Plan this goal's people first, due or not (see 'kith goal')")
      ->option_text("ID");
  cmd->add_flag("--save", options->save,
                "Book the plan as reminders; people already booked are left out next time");
  cmd->footer(
      "Examples:\n  kith plan                      # the coming week, 2 a day\n"
      "  kith plan --days 14 --per-day 1 --type mentor --type sponsor\n"
      "  kith plan --save                # book it: kith report shows it on the day");
  on_chosen(*cmd, options, action, run_plan);
}

}  // namespace kith::cli
