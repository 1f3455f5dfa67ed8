// How the report and the plan talk about a person to reach out to: why now, what you last
// talked about, and what would help. Shared by cmd_report.cpp and cmd_plan.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/interaction.hpp"
#include "kith/report.hpp"
#include "kith/urgency.hpp"

namespace kith::cli {

// Where the check-in stands on `day`, worded for a reader on `today` (REQUIRES: day >= today).
// On today itself: "9 weeks overdue (every 4 weeks)", "due today (every 2 weeks)", "due in 3
// days (...)". On a later day (a plan's slot): "3 weeks overdue by then (every 4 weeks)", "due
// on Mon 2026-11-30 (every 2 weeks)", "not due until Wed 2026-12-02 (...)".
std::string due_phrase(const Urgency& u, Date day, Date today);

// Why the person is listed on `day`, worded for a reader on `today` as due_phrase is, one
// phrase per non-zero term, most telling first: "9 weeks overdue (every 4 weeks)", "sponsor
// (weight 5)", "open promise due 2026-11-27", "you received more than you gave (net -3)".
// `u` is the urgency as of `day`.
std::vector<std::string> reasons(const Urgency& u, Date day, Date today);

// What would help, where it matters, as facts only (never filler such as "offer something"):
// when you have taken more than you gave, the balance, when you last gave, and what you can
// offer them when one is recorded ("...(net -2; never gave): offer strong candidates"). Empty
// when nothing stands out. (That someone was never contacted, the `last:` line says.)
std::vector<std::string> hints(const Outreach& person);

// `text` to stand mid-sentence: its first letter lowered when it opens an ordinary word
// ("Strong candidates" -> "strong candidates", "A referral" -> "a referral"), kept when the
// first word is an acronym or a single capital ("AWS credits", "OKRs", "X"). ASCII only: other
// text is kept as it is. A capitalised name opening the text is lowered too.
std::string mid_sentence(std::string_view text);

// "2026-08-20 (3 months ago), call: "Quarterly catch-up"", or "never (added 2026-09-15)".
// `summary_width` cuts the summary to that many columns.
std::string last_phrase(const std::optional<Interaction>& last, const Contact& contact, Date today,
                        int summary_width);

// The person with everything the text shows: contact, cadence, due, days and cadences
// overdue, score and its terms, last interaction, promises, balance, reasons and hints; the
// urgency and reasons as of `day`, worded for a reader on `today` (reasons).
Json urgency_json(const Outreach& person, Date day, Date today);

// "Mon 2026-11-23".
std::string short_day(Date day);

// The agenda topics to raise, one line each under a person in the report or the plan, indented
// by `indent` spaces: "agenda: #12 Promotion timeline"; at most kAgendaShown, the rest counted
// ("and 3 more: kith agenda 4"); "" for none.
inline constexpr std::size_t kAgendaShown = 5;
std::string agenda_lines(const std::vector<Reminder>& topics, int indent, const Painter& paint);

// The open goals a person is linked to, one line each under them in the report or the plan,
// indented by `indent` spaces: "goal:   #2 Become a staff engineer"; "" for none.
std::string goal_lines(const std::vector<GoalRef>& goals, int indent, const Painter& paint);
// The goals as JSON: each {id, text}.
Json goals_json(const std::vector<GoalRef>& goals);

// What the report, the plan and reconnect show of a person in JSON: id, uuid, name, types,
// circle, emails, phones, learn, offer.
Json person_json(const Contact& c);

// The topics as JSON: each {id, text, raised}.
Json agenda_json(const std::vector<Reminder>& topics);
// "Monday 23 November 2026".
std::string long_day(Date day);

}  // namespace kith::cli
