// kith show WHO: one person in full.
#include <fmt/core.h>

#include <algorithm>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/contacts.hpp"

namespace kith::cli {
namespace {

constexpr int kRecent = 10;
// Open reminders listed as text, soonest first; the rest are counted (JSON has them all).
constexpr std::size_t kShownReminders = 10;

struct ShowOptions {
  std::string who;
};

Json profile_json(const Profile& profile, Date today) {
  Json out = contact_json(profile.contact, profile.due);
  Json open = Json::array();
  for (const auto& r : profile.reminders) open.push_back(reminder_json(r, today));
  out["reminders"] = std::move(open);
  Json timeline = Json::array();
  for (const auto& i : profile.recent) timeline.push_back(interaction_json(i));
  out["recent"] = std::move(timeline);
  Json ids = Json::array();
  for (const ExternalId& id : profile.external_ids) {
    ids.push_back({{"source", std::string(to_string(id.source))},
                   {"id", id.id},
                   {"since", id.since ? Json(id.since->to_string()) : Json(nullptr)}});
  }
  out["external_ids"] = std::move(ids);
  Json topics = Json::array();
  for (const auto& t : profile.topics) topics.push_back(reminder_json(t, today));
  out["agenda"] = std::move(topics);
  Json skips = Json::array();
  for (const auto& k : profile.skips) {
    skips.push_back({{"id", k.id}, {"day", k.due.to_string()}, {"note", k.text}});
  }
  out["skips"] = std::move(skips);
  Json goals = Json::array();
  for (const PersonGoal& g : profile.goals) {
    goals.push_back({{"id", g.goal.id}, {"text", g.goal.text}, {"role", g.role}, {"done", g.done}});
  }
  out["goals"] = std::move(goals);
  return out;
}

// "2026-03-05 (next 2027-03-05, in 3 months: 40th birthday)", for a yearly date.
std::string yearly_phrase(const std::string& label, const YearlyDate& date, Date today) {
  std::string text = date.year() ? date.to_string() : date.to_string().substr(2);
  Date next = next_on_or_after(date, today);
  std::string years = years_phrase(label, years_at(date, next));
  text += fmt::format(" (next {}, {}{})", next.to_string(), relative(next, today),
                      years.empty() ? "" : ": " + years);
  return text;
}

// The name line and one line per field the contact has.
std::string details_text(const Profile& profile, Date today, const Painter& paint) {
  const Contact& c = profile.contact;
  const Due& due = profile.due;
  std::string out;
  out += fmt::format("{}  {}{}\n", paint(Paint::bold, printable(c.name)),
                     paint(Paint::dim, fmt::format("#{}", c.id)),
                     c.archived ? paint(Paint::yellow, "  (archived)") : "");
  // The labels' column fits the longest important-date label (they are the user's words).
  int label_width = 10;
  for (const ImportantDate& d : c.dates) {
    label_width = std::max(label_width, display_width(printable(d.label)));
  }
  auto field = [&](std::string_view label, const std::string& value, Paint p = Paint::none) {
    if (value.empty()) return;
    out += fmt::format("  {}  {}\n", paint(Paint::dim, pad_to_width(printable(label), label_width)),
                       paint(p, printable(value)));
  };
  if (c.target) field("Target", "you want to meet them (kith path finds who can introduce you)");
  field("Also", join(c.akas));
  std::string role = c.title;
  if (!c.org.empty()) role += role.empty() ? c.org : " at " + c.org;
  field("Role", role);
  std::string kinds = c.types.empty() ? "" : join(c.types);
  if (due.cadence) {
    kinds += fmt::format("{}every {}{}", kinds.empty() ? "" : " · ", due.cadence->to_human(),
                         c.every ? " (own)" : "");
  }
  field("Types", kinds);
  field("Email", join(c.emails));
  field("Phone", join(c.phones));
  if (c.birthday) field("Birthday", yearly_phrase("birthday", *c.birthday, today));
  for (const ImportantDate& d : c.dates) field(d.label, yearly_phrase(d.label, d.date, today));
  if (c.circle) field("Circle", fmt::format("{} ({})", *c.circle, circle_label(*c.circle)));
  // An import may link the introducer without a name for them: then the id alone.
  field("Met via", !c.met_via_id       ? c.met_via
                   : c.met_via.empty() ? fmt::format("#{}", *c.met_via_id)
                                       : fmt::format("{} (#{})", c.met_via, *c.met_via_id));
  field("Tags", join(c.tags));
  std::vector<std::string> goals;
  for (const PersonGoal& g : profile.goals) {
    std::vector<std::string> about;
    if (!g.role.empty()) about.push_back(g.role);
    if (g.done) about.push_back("done");
    goals.push_back(fmt::format("#{} {}{}", g.goal.id, g.goal.text,
                                about.empty() ? "" : " (" + join(about) + ")"));
  }
  field("Goals", join(goals, "; "));
  for (const ExternalId& id : profile.external_ids) {
    std::string since = id.since ? " (connected " + id.since->to_string() + ")" : "";
    field(id.source == ExternalSource::linkedin ? "LinkedIn" : "vCard UID", id.id + since);
  }
  field("Learn", c.learn);
  field("Offer", c.offer);
  field("Note", c.note);
  field("Added", fmt::format("{} ({})", c.added_on.to_string(), relative(c.added_on, today)));
  if (c.last_contact) {
    field("Last",
          fmt::format("{} ({})", c.last_contact->to_string(), relative(*c.last_contact, today)));
  } else {
    field("Last", "never since added");
  }
  if (due.next) {
    field("Next due",
          due.overdue()
              ? fmt::format("{} ({} overdue)", due.next->to_string(), span(due.days_overdue))
              : fmt::format("{} ({})", due.next->to_string(), relative(*due.next, today)),
          due.overdue() ? Paint::red : Paint::none);
  }
  const Balance& b = c.balance;
  std::string balance =
      fmt::format("net {} (gave {}, received {})", signed_number(b.net()), b.given, b.received);
  if (b.last_gave) balance += fmt::format("; last gave {}", b.last_gave->to_string());
  field("Balance", balance, b.net() < 0 ? Paint::yellow : Paint::none);
  return out;
}

// Every line of `rendered` indented by two spaces.
std::string indented(const std::string& rendered) {
  std::string out;
  std::size_t start = 0;
  while (start < rendered.size()) {
    std::size_t end = rendered.find('\n', start);
    out += "  " + rendered.substr(start, end - start + 1);
    start = end + 1;
  }
  return out;
}

// The soonest open reminders, the rest counted; "" when there are none.
std::string reminders_text(const Profile& profile, Date today, const Painter& paint) {
  const std::vector<Reminder>& reminders = profile.reminders;
  if (reminders.empty()) return "";
  std::size_t late_promises = 0;
  for (const auto& r : reminders) {
    if (r.kind == ReminderKind::promise && today > r.due) ++late_promises;
  }
  std::string out = fmt::format(
      "\n{}{}\n", paint(Paint::bold, "Open reminders"),
      late_promises ? paint(Paint::red, fmt::format("  ({} overdue promise{})", late_promises,
                                                    late_promises == 1 ? "" : "s"))
                    : "");
  std::vector<Reminder> shown(
      reminders.begin(),
      reminders.begin() + static_cast<std::ptrdiff_t>(std::min(kShownReminders, reminders.size())));
  out += indented(reminder_table(shown, today, paint, false));
  if (reminders.size() > shown.size()) {
    out += fmt::format("  {}\n", paint(Paint::dim, fmt::format("and {} more: kith reminders {}",
                                                               reminders.size() - shown.size(),
                                                               profile.contact.id)));
  }
  return out;
}

// The open agenda topics, oldest first; "" when there are none.
std::string agenda_text(const Profile& profile, const Painter& paint) {
  if (profile.topics.empty()) return "";
  std::string out = fmt::format("\n{}\n", paint(Paint::bold, "Agenda"));
  Table table({{"ID", Table::Align::right}, {"RAISED"}, {"TOPIC"}});
  for (const auto& t : profile.topics) {
    table.add({{fmt::format("#{}", t.id), Paint::dim}, {t.due.to_string()}, {printable(t.text)}});
  }
  std::optional<int> width = terminal_width();
  if (width) *width -= 2;  // the indent
  return out + indented(table.render(paint, width));
}

// The latest interactions, with the other people of each, and the skips among them, newest
// first; "" when there are none.
std::string recent_text(const Profile& profile, const Painter& paint) {
  if (profile.recent.empty() && profile.skips.empty()) return "";
  std::string out = fmt::format("\n{}\n", paint(Paint::bold, "Recent"));
  Table table({{"ID", Table::Align::right}, {"DAY"}, {"VIA"}, {"VALUE"}, {"WITH"}, {"SUMMARY"}});
  auto skip = profile.skips.begin();
  auto skips_through = [&](std::optional<Date> day) {
    for (; skip != profile.skips.end() && (!day || skip->due >= *day); ++skip) {
      table.add({{""},
                 {skip->due.to_string()},
                 {"skip", Paint::yellow},
                 {""},
                 {""},
                 {skip->text.empty() ? "skipped this round" : printable(skip->text)}});
    }
  };
  for (const auto& i : profile.recent) {
    skips_through(i.day);
    std::vector<std::string> others;
    for (const auto& p : i.people) {
      if (p.id != profile.contact.id) others.push_back(p.name);
    }
    table.add({{fmt::format("#{}", i.id), Paint::dim},
               {i.day.to_string()},
               {i.channel ? std::string(to_string(*i.channel)) : ""},
               {value_label(i.direction, i.weight)},
               {printable(join(others))},
               {printable(i.summary)}});
  }
  skips_through(std::nullopt);
  std::optional<int> width = terminal_width();
  if (width) *width -= 2;  // the indent
  return out + indented(table.render(paint, width));
}

Status run_show(Context& ctx, const ShowOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  auto profile = show_contact(*store, o.who, ctx.today, kRecent);
  if (!profile) return profile.error();
  if (ctx.json) {
    print_json(profile_json(*profile, ctx.today));
    return {};
  }
  Painter paint(ctx.color);
  fmt::print("{}{}{}{}", details_text(*profile, ctx.today, paint),
             reminders_text(*profile, ctx.today, paint), agenda_text(*profile, paint),
             recent_text(*profile, paint));
  return {};
}

}  // namespace

void add_show_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "The contact: id, or name or a unique part of it")
      ->required()
      ->option_text("WHO");
  on_chosen(*cmd, options, action, run_show);
}

}  // namespace kith::cli
