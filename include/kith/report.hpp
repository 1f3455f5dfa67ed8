// The daily report: what to do today, who to reach out to, and what is coming up.
//
// Pure: assembled from plain values with `today` passed in. daily_report
// (kith/use_cases/outreach.hpp) reads the parts from the store, and the CLI renders the result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/goal.hpp"
#include "kith/interaction.hpp"
#include "kith/reminder.hpp"
#include "kith/urgency.hpp"

namespace kith {

inline constexpr int kDefaultReportLimit = 10;
inline constexpr int kMaxReportLimit = 1000;
inline constexpr int kDefaultReportAhead = 7;
inline constexpr int kMaxReportAhead = 366;

struct ReportOptions {
  int limit = kDefaultReportLimit;  // entries listed in each section, 0..kMaxReportLimit; the
                                    // rest are counted
  int ahead = kDefaultReportAhead;  // days after today that "coming up" covers,
                                    // 0..kMaxReportAhead
};

// invalid_input, limit first, when an option is out of its range; the messages name the
// options as `kith report` spells them.
Status check_report_options(const ReportOptions& options);

// One thing coming up: a birthday or important date, or a reminder due on a later day.
struct Upcoming {
  Date on;
  std::optional<Occasion> occasion;  // exactly one of these is set
  std::optional<Reminder> reminder;
};

// One person to reach out to (in the report, or on a day of a plan), with everything shown
// about them. Owns its values.
struct Outreach {
  Urgency urgency;                  // with its heaviest type
  Contact contact;                  // the person: contact.id == urgency.id
  std::optional<Interaction> last;  // the latest interaction; nullopt when there is none
  std::vector<Reminder> agenda;     // their open agenda topics, oldest first
  std::vector<GoalRef> goals;       // the open goals they are linked to, by id
};

struct Report {
  Date today;
  int ahead = kDefaultReportAhead;
  // Open reminders due today or earlier: promises first, then by due day, then by id; at
  // most `limit` of them.
  std::vector<Reminder> due_now;
  std::size_t due_total = 0;  // every open reminder due today or earlier, listed or not
  // The most urgent overdue people, at most `limit`, most urgent first. People with a booked
  // outreach (a reminder of kind plan) are left out: their plan shows under due_now or
  // coming_up instead.
  std::vector<Outreach> reach_out;
  std::size_t overdue_total = 0;  // every overdue person not yet booked, listed or not
  // Birthdays and important dates that fall today, by name, label and contact id; at most
  // `limit` of them. They are not among coming_up.
  std::vector<Occasion> occasions_today;
  std::size_t occasions_today_total = 0;  // listed or not
  // Birthdays and important dates after today to today + ahead, and open reminders due after
  // today and within the window; soonest first, occasions before reminders on a day; at
  // most `limit` of them.
  std::vector<Upcoming> coming_up;
  std::size_t coming_up_total = 0;  // listed or not
  bool occasion_today = false;      // occasions_today_total > 0
  // The open agenda topics of the people of the reminders listed (due now and coming up), by
  // contact id, oldest first; people without topics are absent. Filled by daily_report.
  std::map<std::int64_t, std::vector<Reminder>> agendas;

  // True when there is nothing to act on today: nothing due, nobody overdue, and no
  // birthday or important date today. `kith report --quiet` prints nothing then.
  bool nothing_due() const;
};

// What a report is made of, as the store answers it.
struct ReportParts {
  // Open reminders due on or before today + ahead (others, done or later, are ignored): of
  // those due by today at least the first `limit` promises and the first `limit` others, of
  // the later ones at least the first `limit`, by due day and id, when there are that many.
  std::vector<Reminder> reminders;
  std::size_t due_total = 0;        // open reminders due by today, in all
  std::size_t upcoming_total = 0;   // open reminders due after today within the window, in all
  std::vector<Outreach> ranked;     // overdue people not booked, most urgent first: at least
                                    // `limit` of them when there are that many
  std::size_t overdue_total = 0;    // how many overdue people are not booked in all
  std::vector<Occasion> occasions;  // birthdays and dates from today to today + ahead
};

// Assembles the report from its parts. REQUIRES: check_report_options(options) passes.
Report build_report(ReportParts parts, Date today, const ReportOptions& options);

// The same from every contact, type and open reminder: ranks with rank_due and finds the
// occasions with upcoming_occasions. Interactions are not part of the input: each listed
// person's `last` is nullopt.
Report build_report(const UrgencyInput& input, Date today, const ReportOptions& options);

}  // namespace kith
