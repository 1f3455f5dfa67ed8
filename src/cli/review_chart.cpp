#include "cli/review_chart.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "kith/text.hpp"

namespace kith::cli {
namespace {

constexpr int kWeekBarWidth = 24;  // cells for the week with the most interactions
constexpr int kFlowBarWidth = 10;  // cells for the largest weekly given or received
constexpr int kLabelWidth = 7;     // "Nov 02*"

// The partial blocks of one to seven eighths.
constexpr std::array<const char*, 7> kEighths = {"▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr const char* kFullBlock = "█";

int digits(std::int64_t n) { return static_cast<int>(std::to_string(n).size()); }

// Each line of `text` indented by two spaces.
std::string indented(const std::string& text) {
  std::string out;
  bool start = true;
  for (char c : text) {
    if (start && c != '\n') out += "  ";
    out += c;
    start = c == '\n';
  }
  return out;
}

// A table's rows without its header, indented.
std::string rows_of(const Table& table, const Painter& paint) {
  return indented(table.render_rows(paint, table.widths(), false));
}

// Nothing given or received in a week is left blank: the chart shows what flowed.
std::string zero_blank(std::int64_t n) { return n == 0 ? "" : std::to_string(n); }

std::string without_trailing_spaces(std::string line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// The bar of `value` in its colour, padded to `width` cells outside the colour.
std::string chart_bar(const Painter& paint, Paint colour, std::int64_t value, std::int64_t max,
                      int width, Glyphs glyphs, char fill) {
  int steps = bar_length(value, max, width, glyphs);
  int cells = (steps + bar_steps(glyphs) - 1) / bar_steps(glyphs);
  std::string out = steps == 0 ? "" : paint(colour, bar(steps, width, glyphs, fill, false));
  return out + std::string(static_cast<std::size_t>(width - cells), ' ');
}

std::string week_label(const ReviewWeek& w) {
  return month_day(w.start) + (w.partial() ? "*" : "");
}

std::string chart(const Review& r, const Painter& paint, Glyphs glyphs) {
  std::int64_t most = 0;
  std::int64_t most_flow = 0;
  for (const ReviewWeek& w : r.weeks) {
    most = std::max(most, w.interactions);
    most_flow = std::max({most_flow, w.given, w.received});
  }
  bool flows = most_flow > 0;
  int count_width = std::max(1, digits(most));
  int flow_width = std::max(1, digits(most_flow));

  std::string head =
      paint(Paint::bold, pad_to_width("Week of", kLabelWidth + 2) +
                             (flows ? pad_to_width("Interactions", kWeekBarWidth + 1 + count_width)
                                    : std::string("Interactions")));
  if (flows) {
    head += paint(Paint::bold,
                  "   " + pad_to_width("Gave", kFlowBarWidth + 1 + flow_width) + "   Received");
  }
  std::string out = indented(head + "\n");
  for (const ReviewWeek& w : r.weeks) {
    const std::string label = week_label(w);
    std::string line = paint(Paint::dim, label) +
                       std::string(static_cast<std::size_t>(kLabelWidth + 2) - label.size(), ' ');
    line += chart_bar(paint, Paint::cyan, w.interactions, most, kWeekBarWidth, glyphs, '#');
    line += fmt::format(" {:>{}}", w.interactions, count_width);
    if (flows) {
      line +=
          "   " + chart_bar(paint, Paint::green, w.given, most_flow, kFlowBarWidth, glyphs, '=');
      line += fmt::format(" {:>{}}", zero_blank(w.given), flow_width);
      line += "   " +
              chart_bar(paint, Paint::yellow, w.received, most_flow, kFlowBarWidth, glyphs, '-');
      line += fmt::format(" {:>{}}", zero_blank(w.received), flow_width);
    }
    out += indented(without_trailing_spaces(line) + "\n");
  }
  for (const ReviewWeek& w : r.weeks) {
    if (!w.partial()) continue;
    std::string days = w.from == w.to ? month_day(w.from) + " only"
                                      : month_day(w.from) + " to " + month_day(w.to) + " only";
    out += paint(Paint::dim, fmt::format("  * the week of {}: {}\n", month_day(w.start), days));
  }
  return out;
}

std::string people_section(const char* title, const std::vector<PersonAmount>& people,
                           const Painter& paint) {
  if (people.empty()) return "";
  Table table({{""}, {"", Table::Align::right}});
  for (const PersonAmount& p : people) {
    table.add({{printable(p.name), Paint::bold}, {std::to_string(p.amount)}});
  }
  return "\n" + paint(Paint::bold, title) + "\n" + rows_of(table, paint);
}

std::string neglected_section(const Review& r, const Painter& paint) {
  std::string who = r.inner_by_circle ? "circle 1" : "your heaviest types";
  if (r.neglected.empty()) {
    return "\n" + paint(Paint::bold, "Inner circle") + paint(Paint::dim, " (" + who + ")") +
           ": nobody neglected\n";
  }
  std::string out = "\n" + paint(Paint::bold, "Inner circle you neglected") +
                    paint(Paint::dim, fmt::format(" ({}): {}", who, r.neglected.size())) + "\n";
  Table table({{""}, {""}, {""}, {""}});
  for (const NeglectedPerson& n : r.neglected) {
    table.add({{printable(n.name), Paint::bold},
               {"every " + n.cadence.to_string(), Paint::dim},
               {n.last ? "last " + n.last->to_string() : "never in touch"},
               {"due " + n.due.to_string(), Paint::yellow}});
  }
  return out + rows_of(table, paint);
}

std::string promises_section(const PromiseTally& p, const Painter& paint) {
  std::string out = "\n" + paint(Paint::bold, "Promises due") + fmt::format(": {}", p.due);
  if (p.due == 0) return out + "\n";
  auto rate = p.on_time_rate();
  if (rate) {
    out += paint(Paint::dim,
                 fmt::format(", {}% kept on time", static_cast<int>(std::lround(*rate * 100))));
  }
  out += "\n";
  Table table({{""}, {"", Table::Align::right}});
  const auto row = [&](const char* label, std::int64_t n, Paint colour) {
    if (n > 0) table.add({{label}, {std::to_string(n), colour}});
  };
  row("kept on time", p.on_time, Paint::green);
  row("kept late", p.late, Paint::yellow);
  row("cancelled", p.cancelled, Paint::none);
  row("open and overdue", p.open_overdue, Paint::red);
  row("open, not yet due", p.open, Paint::none);
  return out + rows_of(table, paint);
}

std::string network_section(const NetworkFigures& n, const Painter& paint) {
  std::string out = "\n" + paint(Paint::bold, "Network") +
                    fmt::format(": {} {}", n.active, n.active == 1 ? "person" : "people");
  std::vector<std::string> more;
  more.push_back(fmt::format("{} added in the period", n.added));
  more.push_back(fmt::format("{} archived", n.archived));
  if (n.targets > 0) more.push_back(fmt::format("{} to meet", n.targets));
  out += paint(Paint::dim, ", " + join(more)) + "\n";
  Table table({{""}, {""}});
  std::vector<std::string> circles;
  for (const auto& [circle, count] : n.by_circle) {
    circles.push_back(fmt::format("{}: {}", circle, count));
  }
  if (!circles.empty()) {
    if (n.no_circle > 0) circles.push_back(fmt::format("none: {}", n.no_circle));
    table.add({{"by circle", Paint::dim}, {join(circles, "   ")}});
  }
  std::vector<std::string> types;
  for (const auto& [type, count] : n.by_type) {
    if (count > 0) types.push_back(fmt::format("{}: {}", printable(type), count));
  }
  if (!types.empty()) {
    if (n.untyped > 0) types.push_back(fmt::format("none: {}", n.untyped));
    table.add({{"by type", Paint::dim}, {join(types, "   ")}});
  }
  return out + rows_of(table, paint);
}

std::string goals_section(const GoalsReview& g, const Painter& paint) {
  if (g.open == 0 && g.done_in_period.empty()) return "";
  std::string out =
      "\n" + paint(Paint::bold, "Goals") +
      fmt::format(": {} open, {} done in the period\n", g.open, g.done_in_period.size());
  Table table({{"", Table::Align::right}, {""}, {""}, {""}});
  for (const GoalProgress& goal : g.open_goals) {
    std::string people =
        goal.people == 0
            ? "nobody linked"
            : fmt::format("spoke with {} of {}", goal.spoken,
                          goal.people == 1 ? "1 person" : fmt::format("{} people", goal.people));
    table.add({{fmt::format("#{}", goal.id), Paint::dim},
               {printable(goal.text), Paint::bold},
               {goal.by ? "by " + goal.by->to_string() : "", Paint::dim},
               {people, goal.spoken == 0 && goal.people > 0 ? Paint::yellow : Paint::none}});
  }
  for (const GoalFact& goal : g.done_in_period) {
    table.add({{fmt::format("#{}", goal.id), Paint::dim},
               {printable(goal.text), Paint::bold},
               {"done " + goal.done_on->to_string(), Paint::green},
               {""}});
  }
  return out + rows_of(table, paint);
}

}  // namespace

int bar_steps(Glyphs glyphs) { return glyphs == Glyphs::unicode ? 8 : 1; }

int bar_length(std::int64_t value, std::int64_t max, int width, Glyphs glyphs) {
  if (value <= 0 || max <= 0) return 0;
  std::int64_t total = static_cast<std::int64_t>(width) * bar_steps(glyphs);
  // Rounded half up: (value * total + max / 2) / max, at least one step.
  std::int64_t steps = (value * total * 2 + max) / (2 * max);
  return static_cast<int>(std::clamp<std::int64_t>(steps, 1, total));
}

std::string bar(int steps, int width, Glyphs glyphs, char fill, bool pad) {
  std::string out;
  int cells = 0;
  if (glyphs == Glyphs::ascii) {
    out.append(static_cast<std::size_t>(steps), fill);
    cells = steps;
  } else {
    for (int i = 0; i < steps / 8; ++i) out += kFullBlock;
    cells = steps / 8;
    if (steps % 8 != 0) {
      out += kEighths[static_cast<std::size_t>(steps % 8 - 1)];
      ++cells;
    }
  }
  if (pad && cells < width) out.append(static_cast<std::size_t>(width - cells), ' ');
  return out;
}

std::string month_day(Date day) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {:02}", kMonths[static_cast<std::size_t>(day.month() - 1)], day.day());
}

std::string render_review(const Review& r, const Painter& paint, Glyphs glyphs) {
  const ReviewPeriod& p = r.period;
  std::string out =
      paint(Paint::bold, fmt::format("Review {} to {}", p.since.to_string(), p.until.to_string())) +
      paint(Paint::dim,
            fmt::format(": {} week{}", r.weeks.size(), r.weeks.size() == 1 ? "" : "s")) +
      "\n";
  if (r.interactions == 0) {
    out += "No interactions logged in the period.\n";
  } else {
    out += fmt::format("{} interaction{} with {} {}; gave {}, received {}\n\n", r.interactions,
                       r.interactions == 1 ? "" : "s", r.people,
                       r.people == 1 ? "person" : "people", r.given, r.received);
    out += chart(r, paint, glyphs);
  }
  out += people_section("Gave most to", r.gave_most, paint);
  out += people_section("Received most from", r.received_most, paint);
  out += neglected_section(r, paint);
  out += promises_section(r.promises, paint);
  out += network_section(r.network, paint);
  out += goals_section(r.goals, paint);
  return out;
}

}  // namespace kith::cli
