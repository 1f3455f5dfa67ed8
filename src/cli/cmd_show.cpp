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

Status run_show(Context& ctx, const ShowOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  auto profile = show_contact(*store, o.who, ctx.today, kRecent);
  if (!profile) return profile.error();
  const Contact& c = profile->contact;
  const Due& due = profile->due;
  const std::vector<Reminder>& reminders = profile->reminders;
  const std::vector<Interaction>& recent = profile->recent;

  if (ctx.json) {
    Json out = contact_json(c, due);
    Json open = Json::array();
    for (const auto& r : reminders) open.push_back(reminder_json(r, ctx.today));
    out["reminders"] = std::move(open);
    Json timeline = Json::array();
    for (const auto& i : recent) timeline.push_back(interaction_json(i));
    out["recent"] = std::move(timeline);
    print_json(out);
    return {};
  }

  Painter paint(ctx.color);
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
  auto yearly = [&](const std::string& label, const YearlyDate& date) {
    std::string text = date.year() ? date.to_string() : date.to_string().substr(2);
    Date next = next_on_or_after(date, ctx.today);
    std::string years = years_phrase(label, years_at(date, next));
    text += fmt::format(" (next {}, {}{})", next.to_string(), relative(next, ctx.today),
                        years.empty() ? "" : ": " + years);
    return text;
  };
  if (c.birthday) field("Birthday", yearly("birthday", *c.birthday));
  for (const ImportantDate& d : c.dates) {
    field(d.label, yearly(d.label, d.date));
  }
  if (c.circle) field("Circle", fmt::format("{} ({})", *c.circle, circle_label(*c.circle)));
  // An import may link the introducer without a name for them: then the id alone.
  field("Met via", !c.met_via_id       ? c.met_via
                   : c.met_via.empty() ? fmt::format("#{}", *c.met_via_id)
                                       : fmt::format("{} (#{})", c.met_via, *c.met_via_id));
  field("Tags", join(c.tags));
  field("Learn", c.learn);
  field("Offer", c.offer);
  field("Note", c.note);
  field("Added", fmt::format("{} ({})", c.added_on.to_string(), relative(c.added_on, ctx.today)));
  if (c.last_contact) {
    field("Last", fmt::format("{} ({})", c.last_contact->to_string(),
                              relative(*c.last_contact, ctx.today)));
  } else {
    field("Last", "never since added");
  }
  if (due.next) {
    field("Next due",
          due.overdue()
              ? fmt::format("{} ({} overdue)", due.next->to_string(), span(due.days_overdue))
              : fmt::format("{} ({})", due.next->to_string(), relative(*due.next, ctx.today)),
          due.overdue() ? Paint::red : Paint::none);
  }
  const Balance& b = c.balance;
  std::string balance =
      fmt::format("net {} (gave {}, received {})", signed_number(b.net()), b.given, b.received);
  if (b.last_gave) balance += fmt::format("; last gave {}", b.last_gave->to_string());
  field("Balance", balance, b.net() < 0 ? Paint::yellow : Paint::none);

  auto indented = [&](const std::string& rendered) {
    std::size_t start = 0;
    while (start < rendered.size()) {  // indent every line by two spaces
      std::size_t end = rendered.find('\n', start);
      out += "  " + rendered.substr(start, end - start + 1);
      start = end + 1;
    }
  };
  if (!reminders.empty()) {
    std::size_t late_promises = 0;
    for (const auto& r : reminders) {
      if (r.kind == ReminderKind::promise && ctx.today > r.due) ++late_promises;
    }
    out += fmt::format(
        "\n{}{}\n", paint(Paint::bold, "Open reminders"),
        late_promises ? paint(Paint::red, fmt::format("  ({} overdue promise{})", late_promises,
                                                      late_promises == 1 ? "" : "s"))
                      : "");
    std::vector<Reminder> shown(
        reminders.begin(), reminders.begin() + static_cast<std::ptrdiff_t>(
                                                   std::min(kShownReminders, reminders.size())));
    indented(reminder_table(shown, ctx.today, paint, false));
    if (reminders.size() > shown.size()) {
      out += fmt::format("  {}\n",
                         paint(Paint::dim, fmt::format("and {} more: kith reminders {}",
                                                       reminders.size() - shown.size(), c.id)));
    }
  }
  if (!recent.empty()) {
    out += fmt::format("\n{}\n", paint(Paint::bold, "Recent"));
    Table table({{"DAY"}, {"VIA"}, {"VALUE"}, {"WITH"}, {"SUMMARY"}});
    for (const auto& i : recent) {
      std::vector<std::string> others;
      for (const auto& p : i.people) {
        if (p.id != c.id) others.push_back(p.name);
      }
      table.add({{i.day.to_string()},
                 {i.channel ? std::string(to_string(*i.channel)) : ""},
                 {value_label(i.direction, i.weight)},
                 {printable(join(others))},
                 {printable(i.summary)}});
    }
    std::optional<int> width = terminal_width();
    if (width) *width -= 2;  // the indent
    indented(table.render(paint, width));
  }
  fmt::print("{}", out);
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
