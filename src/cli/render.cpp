#include "cli/render.hpp"

#include <fmt/core.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kith/text.hpp"

namespace kith::cli {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\t') {
      out += ' ';
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else {
      // The one sequence this lead byte starts (an invalid lead byte gives no valid one).
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      std::string_view seq = text.substr(i, len);
      if (len == 3 && seq.size() == 3 && is_valid_utf8(seq) && has_bidi_controls(seq)) {
        // Shown, not obeyed: it would make the line read in another order than it holds.
        char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) |
                      (static_cast<char32_t>(seq[1] & 0x3F) << 6) |
                      static_cast<char32_t>(seq[2] & 0x3F);
        out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
        i += len;
      } else if (len > 1 && seq.size() == len && is_valid_utf8(seq) && !has_control_chars(seq)) {
        out += seq;
        i += len;
      } else {
        out += fmt::format("\\x{:02x}", c);
        ++i;
      }
    }
  }
  return out;
}

std::string elide_middle(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  auto continuation = [&](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  std::size_t head = max_bytes * 2 / 3;
  while (head > 0 && continuation(head)) --head;
  std::size_t tail = text.size() - (max_bytes - head);
  while (continuation(tail)) ++tail;
  return std::string(text.substr(0, head)) + " … " + std::string(text.substr(tail));
}

std::string Painter::operator()(Paint paint, std::string_view text) const {
  if (!enabled_ || paint == Paint::none || text.empty()) return std::string(text);
  const char* code = "";
  switch (paint) {
    case Paint::bold: code = "1"; break;
    case Paint::dim: code = "2"; break;
    case Paint::red: code = "31"; break;
    case Paint::yellow: code = "33"; break;
    case Paint::green: code = "32"; break;
    case Paint::cyan: code = "36"; break;
    case Paint::none: break;
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::vector<int> Table::widths(std::optional<int> max_width) const {
  std::vector<int> widths(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) widths[c] = display_width(columns_[c].header);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c].text));
    }
  }
  if (max_width && !widths.empty()) {
    int others = 0;
    for (std::size_t c = 0; c + 1 < widths.size(); ++c) others += widths[c] + 2;
    widths.back() = std::max(10, std::min(widths.back(), *max_width - others));
  }
  return widths;
}

std::string Table::render_rows(const Painter& paint, const std::vector<int>& widths,
                               bool header) const {
  auto line = [&](const std::vector<Cell>& cells, bool is_header) {
    std::string out;
    std::size_t last = cells.size();
    while (last > 0 && cells[last - 1].text.empty()) --last;  // no trailing spaces
    for (std::size_t c = 0; c < last && c < columns_.size(); ++c) {
      std::string text = truncate_to_width(cells[c].text, widths[c]);
      int pad = widths[c] - display_width(text);
      bool final_cell = c + 1 == last;
      if (c) out += "  ";
      if (columns_[c].align == Align::right) out.append(static_cast<std::size_t>(pad), ' ');
      out += paint(is_header ? Paint::bold : cells[c].paint, text);
      if (columns_[c].align == Align::left && !final_cell) {
        out.append(static_cast<std::size_t>(pad), ' ');
      }
    }
    out += '\n';
    return out;
  };
  std::string out;
  if (header) {
    std::vector<Cell> cells;
    for (const auto& column : columns_) cells.push_back({column.header, Paint::bold});
    out += line(cells, true);
  }
  for (const auto& row : rows_) out += line(row, false);
  return out;
}

std::string Table::render(const Painter& paint, std::optional<int> max_width) const {
  return render_rows(paint, widths(max_width), true);
}

StreamedTable::StreamedTable(std::vector<Table::Column> columns, const Painter& paint,
                             std::optional<int> max_width, Widen widen)
    : table_(std::move(columns)), paint_(paint), max_width_(max_width), widen_(std::move(widen)) {}

void StreamedTable::add(std::vector<Cell> cells) {
  table_.add(std::move(cells));
  ++rows_;
  if (table_.size() == kRowsPerBatch) print(true);
}

void StreamedTable::finish() {
  if (!table_.empty()) print(false);
}

void StreamedTable::print(bool more) {
  bool header = !widths_;
  if (!widths_) {
    widths_ = table_.widths(max_width_);
    if (widen_) widen_(*widths_, more);
  }
  fmt::print("{}", table_.render_rows(paint_, *widths_, header));
  table_.clear();
}

std::optional<int> terminal_width() {
  if (::isatty(STDOUT_FILENO) != 1) return std::nullopt;
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return std::nullopt;
  return static_cast<int>(size.ws_col);
}

std::string span(std::int64_t days) {
  auto unit = [](std::int64_t n, const char* one) {
    return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s");
  };
  if (days < 14) return unit(days, "day");
  if (days < 60) return unit(days / 7, "week");
  if (days < 730) return unit(days * 12 / 365, "month");
  return unit(days / 365, "year");
}

std::string relative(Date day, Date today) {
  std::int64_t d = days_between(today, day);
  if (d == 0) return "today";
  if (d == -1) return "yesterday";
  if (d == 1) return "tomorrow";
  return d < 0 ? span(-d) + " ago" : "in " + span(d);
}

std::string value_label(Direction direction, int weight) {
  switch (direction) {
    case Direction::gave: return fmt::format("gave {}", weight);
    case Direction::received: return fmt::format("received {}", weight);
    case Direction::mutual: break;
  }
  return "";
}

std::string interaction_line(const Interaction& i) {
  std::vector<std::string> names;
  for (const Participant& p : i.people) names.push_back(printable(p.name));
  std::string line =
      fmt::format("{} with {} on {}", i.channel ? to_string(*i.channel) : "interaction",
                  join_people(names), i.day.to_string());
  if (i.direction != Direction::mutual) {
    line += fmt::format(" ({})", value_label(i.direction, i.weight));
  }
  return line + fmt::format(", \"{}\"", printable(i.summary));
}

std::string signed_number(std::int64_t n) {
  return n > 0 ? fmt::format("+{}", n) : fmt::format("{}", n);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string join_people(const std::vector<std::string>& names) {
  if (names.size() <= 1) return join(names);
  std::vector<std::string> head(names.begin(), names.end() - 1);
  return join(head) + " and " + names.back();
}

std::string due_phrase(const Reminder& r, Date today) {
  if (r.done_on) return (r.cancelled ? "cancelled " : "done ") + r.done_on->to_string();
  std::int64_t late = days_between(r.due, today);
  if (late > 0) return span(late) + " overdue";
  return relative(r.due, today);
}

std::vector<Table::Column> reminder_columns(bool with_who) {
  std::vector<Table::Column> columns = {{"ID", Table::Align::right}, {"DUE"}, {"WHEN"}, {"KIND"}};
  if (with_who) columns.push_back({"WHO"});
  columns.push_back({"TEXT"});
  return columns;
}

std::vector<Cell> reminder_row(const Reminder& r, Date today, bool with_who) {
  bool late = !r.done_on && today > r.due;
  std::string kind(to_string(r.kind));
  if (r.every) kind += ", every " + r.every->to_string();
  std::vector<Cell> row = {{fmt::format("#{}", r.id), Paint::dim},
                           {r.due.to_string()},
                           {due_phrase(r, today), late        ? Paint::red
                                                  : r.done_on ? Paint::dim
                                                              : Paint::none},
                           {kind, r.kind == ReminderKind::promise ? Paint::bold : Paint::none}};
  if (with_who) row.push_back({printable(r.contact_name)});
  row.push_back(
      {printable(r.text), late && r.kind == ReminderKind::promise ? Paint::red : Paint::none});
  return row;
}

std::string reminder_table(const std::vector<Reminder>& reminders, Date today, const Painter& paint,
                           bool with_who) {
  Table table(reminder_columns(with_who));
  for (const Reminder& r : reminders) table.add(reminder_row(r, today, with_who));
  return table.render(paint, terminal_width());
}

std::string years_phrase(const std::string& label, std::optional<int> years) {
  if (!years) return "";
  if (label == "birthday") return fmt::format("turns {}", *years);
  return fmt::format("{} year{}", *years, *years == 1 ? "" : "s");
}

std::string_view circle_label(int circle) {
  switch (circle) {
    case 1: return "your team and those it works with";
    case 2: return "your organisation and field";
    default: return "further out";
  }
}

}  // namespace kith::cli
