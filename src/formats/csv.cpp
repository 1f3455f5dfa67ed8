#include "csv.hpp"

namespace kith::formats {

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  std::streambuf* buf = in_.rdbuf();
  if (buf->sgetc() == std::char_traits<char>::eof()) return false;
  record_line_ = line_;
  auto too_long = [&](const char* what, std::size_t limit) {
    return Error{Errc::bad_file, "line " + std::to_string(line_) + ": " + what + " longer than " +
                                     std::to_string(limit / 1024) + " KiB"};
  };
  std::string field;
  std::size_t record_size = 0;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field began with a quote
  while (true) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (quoted) {
        return Error{Errc::bad_file, "line " + std::to_string(record_line_) +
                                         ": a quoted field is not closed before the end"};
      }
      fields.push_back(std::move(field));
      return true;
    }
    char ch = static_cast<char>(c);
    if (ch == '\0') {
      return Error{Errc::bad_file,
                   "line " + std::to_string(line_) + ": binary data (a NUL byte), not CSV text"};
    }
    if (++record_size > kMaxRecord) return too_long("a record", kMaxRecord);
    if (quoted) {
      if (ch == '"') {
        if (buf->sgetc() == '"') {
          buf->sbumpc();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
    } else if (ch == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\r' && buf->sgetc() == '\n') {
      continue;  // the LF ends the record
    } else if (ch == '\n') {
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;
    }
    if (field.size() > kMaxField) return too_long("a field", kMaxField);
  }
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

namespace {

std::string cell(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string joined(const std::vector<std::string>& items, bool guard) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return guard ? cell(out) : out;
}

std::string day_or_empty(const std::optional<Date>& day) { return day ? day->to_string() : ""; }

}  // namespace

std::vector<std::string> contacts_csv_header() {
  return {"name",         "uuid",  "types",    "tags",    "emails",       "phones",
          "org",          "title", "circle",   "cadence", "last_contact", "next_due",
          "days_overdue", "given", "received", "balance", "archived"};
}

std::vector<std::string> contact_csv_row(const Contact& c, const std::optional<Duration>& cadence,
                                         Date today) {
  std::optional<Date> next = next_due(c, cadence);
  std::int64_t overdue = is_overdue(next, today) ? days_between(*next, today) : 0;
  return {cell(c.name),
          c.uuid,
          joined(c.types, true),
          joined(c.tags, true),
          joined(c.emails, true),
          joined(c.phones, false),
          cell(c.org),
          cell(c.title),
          c.circle ? std::to_string(*c.circle) : "",
          cadence ? cadence->to_string() : "",
          day_or_empty(c.last_contact),
          day_or_empty(next),
          std::to_string(overdue),
          std::to_string(c.balance.given),
          std::to_string(c.balance.received),
          std::to_string(c.balance.net()),
          c.archived ? "yes" : "no"};
}

}  // namespace kith::formats
