// iCalendar (RFC 5545): kith's open reminders, promises, follow-ups and saved plans, and the
// yearly birthdays and important dates, as all-day events that calendar apps show. Pure.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/records.hpp"

namespace kith::formats {

struct CalendarEvent {
  std::string uid;  // stable across exports: derived from the record's uuid
  Date start;       // an all-day event on this day
  std::string summary;
  std::string description;  // may be empty
  std::string category;     // "birthday", "date", or the reminder's kind
  std::string rrule;        // the recurrence without "RRULE:"; empty for a one-off
};

// The RRULE of a yearly date: FREQ=YEARLY, or for Feb 29, which plain FREQ=YEARLY would
// show only in leap years, FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1 (Feb 28 in common years, as
// kith observes it).
std::string yearly_rule(int month, int day);

// The RRULE of a reminder that recurs `every` from `anchor`, with kith's rules: months and
// years count from the anchor and clamp to the month's end (monthly from the 31st falls on
// Feb 28, Mar 31, Apr 30), which BYMONTHDAY=D,-1;BYSETPOS=1 expresses.
std::string recurrence_rule(const Duration& every, Date anchor);

// The events of an open reminder: one, recurring when the reminder does. A recurring
// reminder snoozed off its rhythm gives two: the snoozed day, and the rhythm after it.
std::vector<CalendarEvent> reminder_events(const ReminderRecord& record);

// The yearly events of a contact's birthday and important dates; none when archived.
std::vector<CalendarEvent> occasion_events(const ContactRecord& record);

// Writes a VCALENDAR to a stream one event at a time: VERSION 2.0, PRODID, CRLF line ends,
// lines folded at 75 octets, text escaped, every VEVENT with UID, DTSTAMP (UTC),
// DTSTART;VALUE=DATE and DTEND the next day, marked free time (TRANSP:TRANSPARENT).
class IcsWriter {
 public:
  // Writes the calendar's header. `now` is the export time, a kith timestamp
  // (2026-11-22T21:03:11.512Z); it becomes every event's DTSTAMP. REQUIRES: is_timestamp(now).
  IcsWriter(std::ostream& out, std::string_view now);
  void add(const CalendarEvent& event);
  // Writes END:VCALENDAR.
  void finish();

 private:
  std::ostream& out_;
  std::string dtstamp_;
};

}  // namespace kith::formats
