// The outreach use cases: the daily report (kith report) and planning (kith plan), each one
// function over the Store that the CLI calls and renders, and that the tests call alike.
//
// Each reads everything it returns in one transaction: a read snapshot for the report and
// for a plan that is not saved; the write transaction that books it for a saved plan. The
// results own their values (no pointer into the store or another result).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "kith/date.hpp"
#include "kith/plan.hpp"
#include "kith/report.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"
#include "kith/use_cases/reconnect.hpp"

namespace kith {

// The daily report as of `today`: the open reminders due (promises first), the most urgent
// overdue people without outreach booked (select_most_urgent over the store's due source),
// each with their contact, heaviest type and last interaction, and what is coming up within
// `options.ahead` days; each section at most `options.limit` long, with its total.
// invalid_input when check_report_options fails; Errc::storage from the store. Reads only;
// a store standing in for a missing database (Store::missing()) gives an empty report.
Result<Report> daily_report(Store& store, Date today, const ReportOptions& options);

// One slot of a plan, with everything the plan shows about its person.
struct PlannedOutreach {
  Date day;
  double priority = 0;  // the urgency score it was ordered by, plus its circle points
  Outreach person;      // urgency as of `day`, contact and last interaction
  std::optional<std::int64_t> reminder_id;  // the booking, when the plan was saved
  bool for_goal = false;                    // placed first as one of the --goal's people
};

struct OutreachPlan {
  PlanOptions options;                 // as check_plan_options returned them
  std::vector<Date> days;              // the days that take people
  std::vector<PlannedOutreach> slots;  // by day, then in the order chosen
  std::size_t unplaced = 0;            // due by the window's end but not fitted in
  std::size_t already_planned = 0;     // left out: an outreach is already booked for them
  bool saved = false;                  // each slot was booked as a reminder
  // With fewer people than slots and no options.types: the dormant tie most worth reviving
  // who is not in the plan (best_dormant_tie as of today), a suggestion never booked.
  std::optional<TieToRevive> reconnect;
  std::optional<GoalRef> goal;  // options.goal, when given
};

// Plans outreach (make_plan over the store's plan candidates), and with `save` books each
// slot as a reminder of kind plan, due on its day, with the text "Reach out to NAME".
// Returns the plan with each person's contact and last interaction, read in the same
// transaction as the bookings. A store standing in for a missing database books nothing:
// `saved` is false, and nothing is created.
// invalid_input when check_plan_options fails, or naming the known types when one of
// options.types is not a type of the store; Errc::storage from the store, and then nothing is
// booked. REQUIRES with `save`: the store was opened for writing (Access::write or
// write_existing), and no transaction is open.
Result<OutreachPlan> plan_outreach(Store& store, Date today, const PlanOptions& options, bool save);

}  // namespace kith
