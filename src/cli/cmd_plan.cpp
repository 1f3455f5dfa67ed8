// kith plan [--days N] [--per-day N] [--start DATE] [--type T]... [--weekends] [--save]:
// spread the most urgent people over the coming days; --save books them as reminders.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/outreach.hpp"
#include "cli/render.hpp"
#include "kith/plan.hpp"
#include "kith/report.hpp"

namespace kith::cli {
namespace {

constexpr int kSummaryWidth = 60;

struct PlanCommandOptions {
  int days = kDefaultPlanDays;
  int per_day = kDefaultPlanPerDay;
  std::optional<std::string> start;
  std::vector<std::string> types;
  bool weekends = false;
  bool save = false;
};

// The plan and what it shows, kept together.
struct Planned {
  Plan plan;
  std::vector<Outreach> people;      // per slot: urgency as of its day, contact, last talk
  std::vector<std::int64_t> booked;  // reminder ids per slot, with --save
};

Result<PlanOptions> plan_options(const Context& ctx, const PlanCommandOptions& o) {
  PlanOptions p;
  if (o.days < 1 || o.days > kMaxPlanDays) {
    return invalid_input(fmt::format("invalid --days {}: expected 1 to {}", o.days, kMaxPlanDays));
  }
  if (o.per_day < 1 || o.per_day > kMaxPlanPerDay) {
    return invalid_input(
        fmt::format("invalid --per-day {}: expected 1 to {}", o.per_day, kMaxPlanPerDay));
  }
  p.days = o.days;
  p.per_day = o.per_day;
  p.weekends = o.weekends;
  p.start = ctx.today.plus_days(1);
  if (o.start) {
    auto start = parse_date(*o.start, ctx.today);
    if (!start) return Error{start.error().code, "--start: " + start.error().message};
    if (*start < ctx.today) {
      return invalid_input(
          fmt::format("--start {} is in the past (today is {}): a plan is "
                      "for today or later",
                      start->to_string(), ctx.today.to_string()));
    }
    p.start = *start;
  }
  for (const std::string& t : o.types) {
    auto name = normalize_type_name(t);
    if (!name) return name.error();
    if (std::find(p.types.begin(), p.types.end(), *name) == p.types.end()) {
      p.types.push_back(*name);
    }
  }
  if (plan_days(p).empty()) {
    Date end = p.start.plus_days(p.days - 1);
    return invalid_input(
        fmt::format("no working days from {} to {}: add --weekends or more "
                    "--days",
                    short_day(p.start), short_day(end)));
  }
  return p;
}

// Reads what the plan needs and makes it; with `save`, books each slot as a reminder.
// REQUIRES: inside store.write() when `save`.
Status make(Store& store, const PlanOptions& options, bool save, Planned& out) {
  auto types = store.types();
  if (!types) return types.error();
  for (const std::string& t : options.types) {
    if (std::none_of(types->begin(), types->end(),
                     [&](const RelationshipType& known) { return known.name == t; })) {
      std::vector<std::string> names;
      for (const auto& known : *types) names.push_back(known.name);
      return invalid_input("unknown type '" + t + "' (known: " + join(names) + ")");
    }
  }
  auto candidates = store.plan_candidates(options.start.plus_days(options.days - 1));
  if (!candidates) return candidates.error();
  out.plan = make_plan(*candidates, options);
  out.people.reserve(out.plan.slots.size());
  for (PlanSlot& slot : out.plan.slots) {
    auto contact = store.contact(slot.urgency.id);
    if (!contact) return contact.error();
    Urgency u = slot.urgency;
    u.heaviest_type = heaviest_type(*contact, *types).first;
    HistoryQuery q;
    q.contact_id = slot.urgency.id;
    q.limit = 1;
    auto found = store.history(q);
    if (!found) return found.error();
    std::optional<Interaction> last;
    if (!found->empty()) last = std::move(found->front());
    out.people.push_back({std::move(u), std::move(*contact), std::move(last)});
    if (save) {
      const Contact& c = out.people.back().contact;
      Reminder r;
      r.kind = ReminderKind::plan;
      r.contact_id = c.id;
      r.text = "Reach out to " + c.name;
      r.due = slot.day;
      r.anchor = slot.day;
      auto id = store.add_reminder(r);
      if (!id) return id.error();
      out.booked.push_back(*id);
    }
  }
  return {};
}

Json plan_json(const Planned& p, const PlanOptions& options, bool saved) {
  Json out;
  out["start"] = options.start.to_string();
  out["end"] = options.start.plus_days(options.days - 1).to_string();
  out["per_day"] = options.per_day;
  out["weekends"] = options.weekends;
  out["types"] = options.types;
  Json days = Json::array();
  for (Date d : p.plan.days) days.push_back(d.to_string());
  out["days"] = std::move(days);
  Json slots = Json::array();
  for (std::size_t i = 0; i < p.plan.slots.size(); ++i) {
    const PlanSlot& slot = p.plan.slots[i];
    Json j;
    j["date"] = slot.day.to_string();
    j["priority"] = std::round(slot.priority * 100.0) / 100.0;
    j["person"] = urgency_json(p.people[i], slot.day);
    j["reminder_id"] = saved ? Json(p.booked[i]) : Json(nullptr);
    slots.push_back(std::move(j));
  }
  out["slots"] = std::move(slots);
  out["unplaced"] = p.plan.unplaced;
  out["already_planned"] = p.plan.already_planned;
  out["saved"] = saved;
  return out;
}

std::string render_plan(const Planned& p, const PlanOptions& options, bool saved, Date today,
                        const Painter& paint) {
  const Plan& plan = p.plan;
  Date end = options.start.plus_days(options.days - 1);
  std::string out;
  std::size_t used_days = 0;
  for (Date d : plan.days) {
    if (std::any_of(plan.slots.begin(), plan.slots.end(),
                    [&](const PlanSlot& s) { return s.day == d; })) {
      ++used_days;
    }
  }
  if (plan.slots.empty()) {
    out += fmt::format("Nobody {}is due by {}: nothing to plan.\n",
                       plan.already_planned ? "else " : "", short_day(end));
  } else {
    out +=
        paint(Paint::bold, fmt::format("Outreach plan, {} to {}: {} {} over {} day{}",
                                       short_day(options.start), short_day(end), plan.slots.size(),
                                       plan.slots.size() == 1 ? "person" : "people", used_days,
                                       used_days == 1 ? "" : "s"));
    out += '\n';
  }
  std::optional<Date> current;
  for (std::size_t i = 0; i < plan.slots.size(); ++i) {
    const PlanSlot& slot = plan.slots[i];
    const Urgency& u = p.people[i].urgency;
    const Contact& c = p.people[i].contact;
    if (slot.day != current) {
      current = slot.day;
      out += fmt::format("\n{}\n", paint(Paint::bold, fmt::format("{} ({})", short_day(slot.day),
                                                                  relative(slot.day, today))));
    }
    std::vector<std::string> about;
    if (!c.types.empty()) about.push_back(join(c.types));
    if (c.circle) about.push_back(fmt::format("circle {}", *c.circle));
    out +=
        fmt::format("  {} {}{}{}\n", paint(Paint::bold, printable(c.name)),
                    paint(Paint::dim, fmt::format("#{}", c.id)),
                    about.empty() ? "" : paint(Paint::dim, " · " + join(about, " · ")),
                    saved ? paint(Paint::dim, fmt::format("  (reminder #{})", p.booked[i])) : "");
    auto line = [&](std::string_view label, const std::string& text) {
      if (text.empty()) return;
      out += fmt::format("    {} {}\n", paint(Paint::dim, fmt::format("{:<6}", label)), text);
    };
    line("why:", join(reasons(u, slot.day), "; "));
    line("last:", last_phrase(p.people[i].last, c, today, kSummaryWidth));
    line("learn:", printable(c.learn));
    line("offer:", printable(c.offer));
    std::vector<std::string> reach = c.emails;
    reach.insert(reach.end(), c.phones.begin(), c.phones.end());
    line("reach:", reach.empty() ? "no email or phone on record" : printable(join(reach)));
  }
  std::vector<std::string> notes;
  if (plan.unplaced) {
    notes.push_back(
        fmt::format("{} more {} due by {} did not fit: plan more --days or a higher "
                    "--per-day",
                    plan.unplaced, plan.unplaced == 1 ? "person" : "people", short_day(end)));
  }
  if (plan.already_planned) {
    notes.push_back(fmt::format("{} {} already booked (kith reminders)", plan.already_planned,
                                plan.already_planned == 1 ? "person is" : "people are"));
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
  auto options = plan_options(ctx, o);
  if (!options) return options.error();
  Planned planned;
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  if (store->missing() && !ctx.json) return {};
  bool save = o.save && !store->missing();  // nobody to book: never create a database for it
  if (save) {
    store = ctx.open(Store::Access::write);
    if (!store) return store.error();
    KITH_TRY(store->write([&] { return make(*store, *options, true, planned); }));
  } else {
    KITH_TRY(make(*store, *options, false, planned));
  }
  if (ctx.json) {
    print_json(plan_json(planned, *options, save));
    return {};
  }
  fmt::print("{}", render_plan(planned, *options, save, ctx.today, Painter(ctx.color)));
  return {};
}

}  // namespace

void add_plan_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<PlanCommandOptions>();
  CLI::App* cmd = app.add_subcommand("plan");
  cmd->add_option("--days", options->days, "Calendar days to plan, from the start (default 7)")
      ->option_text("N");
  cmd->add_option("--per-day", options->per_day, "People a day (default 2)")->option_text("N");
  cmd->add_option("--start", options->start, "The first day (default tomorrow)")
      ->option_text("DATE");
  cmd->add_option("--type", options->types, "Only people of this type (repeatable)")
      ->option_text("TYPE");
  cmd->add_flag("--weekends", options->weekends, "Plan Saturdays and Sundays too");
  cmd->add_flag("--save", options->save,
                "Book the plan as reminders; people already booked are left out next time");
  cmd->footer(
      "Examples:\n  kith plan                      # the coming week, 2 a day\n"
      "  kith plan --days 14 --per-day 1 --type mentor --type sponsor\n"
      "  kith plan --save                # book it: kith report shows it on the day");
  on_chosen(*cmd, options, action, run_plan);
}

}  // namespace kith::cli
