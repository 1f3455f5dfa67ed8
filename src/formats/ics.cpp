#include "ics.hpp"

#include "content_line.hpp"
#include "kith/reminder.hpp"

namespace kith::formats {
namespace {

std::string ics_date(Date day) {
  std::string iso = day.to_string();
  std::erase(iso, '-');
  return iso;
}

// A label as it may stand inside a UID: letters, digits and '-' as they are, every other
// byte as %XX.
std::string uid_part(std::string_view label) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : label) {
    auto b = static_cast<unsigned char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0x0F];
    }
  }
  return out;
}

std::string reminder_summary(const Reminder& r) {
  const std::string& who = r.contact_name;
  switch (r.kind) {
    case ReminderKind::promise:
      return (who.empty() ? "Promise: " : "Promise to " + who + ": ") + r.text;
    case ReminderKind::followup:
      return (who.empty() ? "Follow up: " : "Follow up with " + who + ": ") + r.text;
    case ReminderKind::plan:
      return (who.empty() ? "Reach out: " : "Reach out to " + who + ": ") + r.text;
    case ReminderKind::meeting: return (who.empty() ? "Meeting: " : who + ": ") + r.text;
    case ReminderKind::topic:
    case ReminderKind::skip:
    case ReminderKind::reminder: break;
  }
  return who.empty() ? r.text : who + ": " + r.text;
}

CalendarEvent yearly_event(const std::string& uid, const YearlyDate& date,
                           const std::string& summary, std::string_view since_word,
                           const std::string& category) {
  CalendarEvent e;
  e.uid = uid;
  // Without a year the series starts in 2000, a leap year, so Feb 29 is a real day.
  e.start = in_year(date, date.year().value_or(2000));
  e.summary = summary;
  if (date.year()) e.description = std::string(since_word) + " " + date.to_string() + ".";
  e.category = category;
  e.rrule = yearly_rule(date.month(), date.day());
  return e;
}

}  // namespace

std::string yearly_rule(int month, int day) {
  if (month == 2 && day == 29) return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1";
  return "FREQ=YEARLY";
}

std::string recurrence_rule(const Duration& every, Date anchor) {
  std::string interval = every.count() > 1 ? ";INTERVAL=" + std::to_string(every.count()) : "";
  switch (every.unit()) {
    case Duration::Unit::days: return "FREQ=DAILY" + interval;
    case Duration::Unit::weeks: return "FREQ=WEEKLY" + interval;
    case Duration::Unit::months:
      if (anchor.day() <= 28) return "FREQ=MONTHLY" + interval;
      return "FREQ=MONTHLY" + interval + ";BYMONTHDAY=" + std::to_string(anchor.day()) +
             ",-1;BYSETPOS=1";
    case Duration::Unit::years:
      if (anchor.month() == 2 && anchor.day() == 29) {
        return "FREQ=YEARLY" + interval + ";BYMONTH=2;BYMONTHDAY=-1";
      }
      return "FREQ=YEARLY" + interval;
  }
  return "FREQ=YEARLY";
}

std::vector<CalendarEvent> reminder_events(const ReminderRecord& record) {
  const Reminder& r = record.reminder;
  if (!is_dated(r.kind)) return {};  // an agenda topic or a skip is no event
  CalendarEvent e;
  e.uid = r.uuid + "@kith";
  e.start = r.due;
  e.summary = reminder_summary(r);
  e.category = std::string(to_string(r.kind));
  if (!r.every) return {e};
  e.description = "Every " + r.every->to_human() + ".";
  e.rrule = recurrence_rule(*r.every, r.anchor);
  bool on_rhythm =
      r.due == r.anchor || next_occurrence(r.anchor, *r.every, r.due.plus_days(-1)) == r.due;
  if (on_rhythm) return {e};
  // Snoozed off its rhythm: the snoozed day once, then the rhythm after it.
  CalendarEvent snoozed = e;
  snoozed.uid = r.uuid + "-snoozed@kith";
  snoozed.rrule.clear();
  snoozed.description = "Snoozed; every " + r.every->to_human() + " after.";
  if (r.due < r.anchor) {
    e.start = r.anchor;
  } else {
    auto next = next_occurrence(r.anchor, *r.every, r.due);
    if (!next) return {snoozed};  // the rhythm has no day left within kith's dates
    e.start = *next;
  }
  return {snoozed, e};
}

std::vector<CalendarEvent> occasion_events(const ContactRecord& record) {
  const Contact& c = record.contact;
  if (c.archived) return {};
  std::vector<CalendarEvent> out;
  if (c.birthday) {
    out.push_back(yearly_event(c.uuid + "-birthday@kith", *c.birthday, "Birthday: " + c.name,
                               "Born", "birthday"));
  }
  for (const ImportantDate& d : c.dates) {
    std::string label = d.label;
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') {
      label[0] = static_cast<char>(label[0] - 'a' + 'A');  // "Work anniversary: Ada"
    }
    out.push_back(yearly_event(c.uuid + "-date-" + uid_part(d.label) + "@kith", d.date,
                               label + ": " + c.name, "Since", "date"));
  }
  return out;
}

IcsWriter::IcsWriter(std::ostream& out, std::string_view now) : out_(out) {
  // 2026-11-22T21:03:11.512Z -> 20261122T210311Z
  dtstamp_ = std::string(now.substr(0, 4)) + std::string(now.substr(5, 2)) +
             std::string(now.substr(8, 2)) + "T" + std::string(now.substr(11, 2)) +
             std::string(now.substr(14, 2)) + std::string(now.substr(17, 2)) + "Z";
  out_ << "BEGIN:VCALENDAR\r\n"
          "VERSION:2.0\r\n"
          "PRODID:-//kith//kith//EN\r\n"
          "CALSCALE:GREGORIAN\r\n"
          "METHOD:PUBLISH\r\n"
          "X-WR-CALNAME:kith\r\n";
}

void IcsWriter::add(const CalendarEvent& e) {
  out_ << "BEGIN:VEVENT\r\n";
  out_ << fold("UID:" + escape_text(e.uid));
  out_ << "DTSTAMP:" << dtstamp_ << "\r\n";
  out_ << "DTSTART;VALUE=DATE:" << ics_date(e.start) << "\r\n";
  out_ << "DTEND;VALUE=DATE:" << ics_date(e.start.plus_days(1)) << "\r\n";
  if (!e.rrule.empty()) out_ << "RRULE:" << e.rrule << "\r\n";
  out_ << fold("SUMMARY:" + escape_text(e.summary));
  if (!e.description.empty()) out_ << fold("DESCRIPTION:" + escape_text(e.description));
  out_ << fold("CATEGORIES:kith," + escape_text(e.category));
  out_ << "TRANSP:TRANSPARENT\r\n";
  out_ << "END:VEVENT\r\n";
}

void IcsWriter::finish() { out_ << "END:VCALENDAR\r\n"; }

}  // namespace kith::formats
