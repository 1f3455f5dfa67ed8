// Text rendering for the terminal: colour, aligned tables, and human phrasing of dates.
// Everything returns strings; callers print.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/reminder.hpp"

namespace kith::cli {

// `text` made safe for one terminal line: control characters become \xNN, newlines become
// spaces, invalid UTF-8 bytes become \xNN, bidirectional controls become \uNNNN.
std::string printable(std::string_view text);

// `text` when it has at most `max_bytes` bytes; else its start and its end with " … " between
// them, about `max_bytes` in all, never splitting a UTF-8 sequence. An error that quotes a
// 100 KiB input stays one readable line that still ends with the reason.
std::string elide_middle(std::string_view text, std::size_t max_bytes);

enum class Paint { none, bold, dim, red, yellow, green, cyan };

// Wraps text in ANSI colour codes, or not, per the --color decision.
class Painter {
 public:
  explicit Painter(bool enabled) : enabled_(enabled) {}
  std::string operator()(Paint paint, std::string_view text) const;
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
};

struct Cell {
  std::string text;
  Paint paint = Paint::none;
};

// Columns aligned by display width (accents, CJK and emoji included), two spaces apart,
// no trailing spaces. The last column may be cut to fit `max_width` when it is given.
class Table {
 public:
  enum class Align { left, right };
  struct Column {
    std::string header;
    Align align = Align::left;
  };

  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void add(std::vector<Cell> cells) { rows_.push_back(std::move(cells)); }
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  std::string render(const Painter& paint, std::optional<int> max_width = std::nullopt) const;

  // For output too long to hold: the widths the header and rows so far need (the last
  // column's cut to `max_width` when given), then the rows rendered with fixed widths (cells
  // cut to fit), optionally after the header. clear() drops the rows rendered.
  std::vector<int> widths(std::optional<int> max_width = std::nullopt) const;
  std::string render_rows(const Painter& paint, const std::vector<int>& widths, bool header) const;
  void clear() { rows_.clear(); }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
};

// A table printed on stdout as its rows come, for output too long to hold: rows are printed
// kRowsPerBatch at a time, and the first batch fixes the column widths (later cells are cut
// to fit). A table that fits in one batch prints exactly as Table::render would.
class StreamedTable {
 public:
  static constexpr std::size_t kRowsPerBatch = 500;
  // Adjusts the widths the first batch needs; `more` is true when rows may follow.
  using Widen = std::function<void(std::vector<int>& widths, bool more)>;

  StreamedTable(std::vector<Table::Column> columns, const Painter& paint,
                std::optional<int> max_width = std::nullopt, Widen widen = {});
  void add(std::vector<Cell> cells);
  // Prints the rows not printed yet. Call once, after the last add().
  void finish();
  std::size_t rows() const { return rows_; }

 private:
  void print(bool more);

  Table table_;
  const Painter& paint_;
  std::optional<int> max_width_;
  Widen widen_;
  std::optional<std::vector<int>> widths_;
  std::size_t rows_ = 0;
};

// The terminal's width when stdout is a terminal, else nullopt (no cutting in pipes).
std::optional<int> terminal_width();

// "today", "yesterday", "tomorrow", "3 days ago", "in 2 weeks", "5 months ago"...
std::string relative(Date day, Date today);
// "3 days", "2 weeks", "5 months": a span of days, rounded the way people say it.
std::string span(std::int64_t days);

// "gave 2", "received 1", or "" for a mutual interaction.
std::string value_label(Direction direction, int weight);
// One interaction on one line: `coffee with José Núñez on 2026-11-22 (gave 3), "Sent him the
// savings"` ("interaction with ..." without a channel).
std::string interaction_line(const Interaction& interaction);
// "+3", "-2", "0".
std::string signed_number(std::int64_t n);

// "Ada Lovelace", "Ada Lovelace and Grace Hopper", "A, B and C".
std::string join_people(const std::vector<std::string>& names);
// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// When a reminder is due, said plainly: "today", "in 3 days", "3 days overdue", "done 2026-11-20",
// "cancelled 2026-11-21".
std::string due_phrase(const Reminder& reminder, Date today);

// Reminders as an aligned table (ID, DUE, WHEN, KIND, WHO, TEXT); overdue ones painted red,
// promises bold. `with_who` drops the WHO column for one person's list.
std::string reminder_table(const std::vector<Reminder>& reminders, Date today, const Painter& paint,
                           bool with_who);
// Its columns and one reminder's row, for tables printed as they come.
std::vector<Table::Column> reminder_columns(bool with_who);
std::vector<Cell> reminder_row(const Reminder& reminder, Date today, bool with_who);

// "turns 55", "7 years", or "" when the year is unknown.
std::string years_phrase(const std::string& label, std::optional<int> years);

// Circle 1..3 in words.
std::string_view circle_label(int circle);

}  // namespace kith::cli
