// kith report [--limit N] [--ahead DAYS] [--quiet]: the daily report, for a terminal or cron.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/outreach.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/outreach.hpp"

namespace kith::cli {
namespace {

constexpr int kSummaryWidth = 60;

struct ReportCommandOptions {
  int limit = kDefaultReportLimit;
  int ahead = kDefaultReportAhead;
  bool quiet = false;
};

// "#7 promise to Grace Okonkwo: Send the deck", "#1 meeting with Maya Chen, every 1w: Weekly
// 1:1"; a plan's text names the person already.
std::string reminder_line(const Reminder& r) {
  std::string who;
  if (r.contact_id && r.kind != ReminderKind::plan) {
    const char* joint = r.kind == ReminderKind::promise   ? "to"
                        : r.kind == ReminderKind::meeting ? "with"
                                                          : "·";
    who = fmt::format(" {} {}", joint, printable(r.contact_name));
  }
  std::string every = r.every ? ", every " + r.every->to_string() : "";
  return fmt::format("#{} {}{}{}: {}", r.id, to_string(r.kind), who, every, printable(r.text));
}

// "  and 12 more due: kith reminders" under a section that lists only some; "" for none.
std::string more_line(std::size_t rest, std::string_view what, std::string_view where,
                      const Painter& paint) {
  if (rest == 0) return "";
  return fmt::format("  {}\n",
                     paint(Paint::dim, fmt::format("and {} more {}: {}", rest, what, where)));
}

Json report_json(const Report& report) {
  Json out;
  out["date"] = report.today.to_string();
  out["ahead"] = report.ahead;
  // A reminder about someone carries their open agenda topics: what to raise at a meeting.
  auto with_agenda = [&](const Reminder& r) {
    Json j = reminder_json(r, report.today);
    auto it = r.contact_id ? report.agendas.find(*r.contact_id) : report.agendas.end();
    j["agenda"] = agenda_json(it == report.agendas.end() ? std::vector<Reminder>() : it->second);
    return j;
  };
  Json due = Json::array();
  for (const Reminder& r : report.due_now) due.push_back(with_agenda(r));
  out["due_now"] = std::move(due);
  out["due_total"] = report.due_total;
  Json people = Json::array();
  for (const Outreach& o : report.reach_out)
    people.push_back(urgency_json(o, report.today, report.today));
  out["reach_out"] = {{"total", report.overdue_total}, {"people", std::move(people)}};
  Json today = Json::array();
  for (const Occasion& o : report.occasions_today) today.push_back(occasion_json(o));
  out["occasions_today"] = std::move(today);
  out["occasions_today_total"] = report.occasions_today_total;
  Json coming = Json::array();
  for (const Upcoming& u : report.coming_up) {
    Json item;
    item["date"] = u.on.to_string();
    if (u.occasion) {
      item["kind"] = "occasion";
      item["occasion"] = occasion_json(*u.occasion);
    } else {
      item["kind"] = "reminder";
      item["reminder"] = with_agenda(*u.reminder);
    }
    coming.push_back(std::move(item));
  }
  out["coming_up"] = std::move(coming);
  out["coming_up_total"] = report.coming_up_total;
  return out;
}

// "Ada Lovelace: birthday (turns 36)", "Grace Hopper: work anniversary (5 years)".
std::string occasion_line(const Occasion& o) {
  std::string years = years_phrase(o.label, o.years);
  return fmt::format("{}: {}{}", printable(o.name), printable(o.label),
                     years.empty() ? "" : " (" + years + ")");
}

std::string render_report(const Report& report, const Painter& paint) {
  const Date today = report.today;
  std::string out;
  std::vector<std::string> counts;
  if (report.occasions_today_total) {
    counts.push_back(fmt::format("{} occasion{} today", report.occasions_today_total,
                                 report.occasions_today_total == 1 ? "" : "s"));
  }
  if (report.due_total) counts.push_back(fmt::format("{} due", report.due_total));
  if (report.overdue_total) counts.push_back(fmt::format("{} to reach out", report.overdue_total));
  if (report.coming_up_total) {
    counts.push_back(fmt::format("{} coming up", report.coming_up_total));
  }
  out += fmt::format("{}{}\n", paint(Paint::bold, "kith report for " + long_day(today)),
                     counts.empty() ? "" : paint(Paint::dim, ": " + join(counts)));

  if (!report.occasions_today.empty()) {
    out += fmt::format("\n{}\n", paint(Paint::bold, "Today"));
    for (const Occasion& o : report.occasions_today) {
      out += fmt::format("  {}\n", paint(Paint::green, occasion_line(o)));
    }
    out += more_line(report.occasions_today_total - report.occasions_today.size(), "today",
                     "kith dates", paint);
  }

  if (!report.due_now.empty()) {
    out += fmt::format("\n{}\n", paint(Paint::bold, "Due now"));
    for (const Reminder& r : report.due_now) {
      bool late = today > r.due;
      bool promise = r.kind == ReminderKind::promise;
      std::string when = late ? kith::cli::due_phrase(r, today) : "today";
      out += fmt::format("  {} {}  {}\n", promise && late ? paint(Paint::red, "!") : " ",
                         paint(promise ? Paint::bold : Paint::none, reminder_line(r)),
                         paint(late ? Paint::red : Paint::dim, when));
      if (r.contact_id && report.agendas.count(*r.contact_id)) {
        out += agenda_lines(report.agendas.at(*r.contact_id), 6, paint);
      }
    }
    out += more_line(report.due_total - report.due_now.size(), "due", "kith reminders", paint);
  }

  if (!report.reach_out.empty()) {
    out += fmt::format("\n{}\n", paint(Paint::bold, "Reach out"));
    for (const Outreach& o : report.reach_out) {
      const Urgency& u = o.urgency;
      const Contact& c = o.contact;
      std::vector<std::string> about;
      if (!c.types.empty()) about.push_back(join(c.types));
      if (c.circle) about.push_back(fmt::format("circle {}", *c.circle));
      out += fmt::format("  {} {}{}  {}\n", paint(Paint::bold, printable(c.name)),
                         paint(Paint::dim, fmt::format("#{}", c.id)),
                         about.empty() ? "" : paint(Paint::dim, " · " + join(about, " · ")),
                         paint(Paint::red, due_phrase(u, today, today)));
      out += fmt::format("    last: {}\n", last_phrase(o.last, c, today, kSummaryWidth));
      if (u.open_promises) {
        out += fmt::format("    {}\n",
                           u.open_promises == 1
                               ? fmt::format("open promise due {}", u.next_promise->to_string())
                               : fmt::format("{} open promises, the next due {}", u.open_promises,
                                             u.next_promise->to_string()));
      }
      for (const std::string& hint : hints(o)) {
        out += fmt::format("    {}\n", paint(Paint::yellow, "hint: " + hint));
      }
      out += agenda_lines(o.agenda, 4, paint);
      out += goal_lines(o.goals, 4, paint);
    }
    out += more_line(report.overdue_total - report.reach_out.size(), "overdue",
                     "kith list --overdue", paint);
  }
  if (report.due_total == 0 && report.overdue_total == 0) {
    out += report.occasions_today_total ? "\nNo reminders due, and nobody is overdue.\n"
                                        : "\nNothing due today, and nobody is overdue.\n";
  }

  if (!report.coming_up.empty()) {
    out += fmt::format("\n{}\n",
                       paint(Paint::bold, fmt::format("Coming up (next {} day{})", report.ahead,
                                                      report.ahead == 1 ? "" : "s")));
    for (const Upcoming& u : report.coming_up) {
      std::string what;
      if (u.occasion) {
        what = occasion_line(*u.occasion);
      } else {
        what = reminder_line(*u.reminder);
      }
      out += fmt::format("  {}  {}  {}\n", short_day(u.on),
                         paint(u.on == today ? Paint::green : Paint::dim,
                               fmt::format("{:<11}", relative(u.on, today))),
                         what);
      // A meeting coming up shows what to prepare for it.
      const Reminder* r = u.reminder ? &*u.reminder : nullptr;
      if (r && r->kind == ReminderKind::meeting && r->contact_id &&
          report.agendas.count(*r->contact_id)) {
        out += agenda_lines(report.agendas.at(*r->contact_id), 6, paint);
      }
    }
    out += more_line(report.coming_up_total - report.coming_up.size(), "coming up",
                     "kith reminders, kith dates", paint);
  }
  return out;
}

Status run_report(Context& ctx, const ReportCommandOptions& o) {
  const ReportOptions options{o.limit, o.ahead};
  KITH_TRY(check_report_options(options));  // a usage error never opens the database
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  if (store->missing() && !ctx.json) return {};
  auto report = daily_report(*store, ctx.today, options);
  if (!report) return report.error();
  if (o.quiet && report->nothing_due()) return {};
  if (ctx.json) {
    print_json(report_json(*report));
    return {};
  }
  fmt::print("{}", render_report(*report, Painter(ctx.color)));
  return {};
}

}  // namespace

void add_report_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* cmd = &command;
  add_number_option(*cmd, "--limit", options->limit,
                    "Entries to list in each section (default 10; the rest are counted)",
                    fmt::format("a whole number from 0 to {}", kMaxReportLimit))
      ->option_text("N");
  add_number_option(*cmd, "--ahead", options->ahead, "Days that 'Coming up' covers (default 7)",
                    fmt::format("a whole number of days from 0 to {}", kMaxReportAhead))
      ->option_text("DAYS");
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print nothing at all when nothing is due (for cron: no mail)");
  cmd->footer("For cron (see docs/cron.md):\n  0 7 * * 1-5  kith report --quiet");
  on_chosen(*cmd, options, action, run_report);
}

}  // namespace kith::cli
