// Use cases about career goals: kith goal add, link, unlink, change, done, reopen, drop, and
// the goal list and page.
//
// As in kith/use_cases/reminders.hpp: one transaction each, everything returned read inside it,
// the database as it was on any error, and a journal note for every change, so that each is
// undoable. A goal id that does not exist is not_found ("no goal #9").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/date.hpp"
#include "kith/goal.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// What kith goal add sets.
struct GoalRequest {
  std::string text;                  // as given; stored trimmed
  std::optional<Date> by;            // the day to reach it by
  std::optional<std::string> needs;  // "mentor,sponsor", "none"; kDefaultGoalNeeds when unset
};

// Checks what needs no database: the text (check_goal_text) and the needs (parse_needs).
Status check_goal_request(const GoalRequest& request);

// kith goal add: adds the open goal, set today, and returns it as stored. Errors:
// check_goal_request's; invalid_input naming the known types when a need is not a type.
Result<Goal> add_goal(Store& store, const GoalRequest& request, Date today);

// One person kith goal link or unlink touched.
struct GoalLink {
  std::int64_t contact_id = 0;
  std::string name;
  std::string role;                   // the role now ("" for none); unlink: the one it had
  std::optional<std::string> before;  // link: the role they had when already linked
};

struct GoalLinked {
  Goal goal;
  std::vector<GoalLink> links;  // in the order named
};

// kith goal link ID WHO... [--as ROLE]: links each person to the goal, or changes the role of
// one already linked. The role is `role` when given (a type name: invalid_input naming the
// known types otherwise); else the person's own type when exactly one of their types is among
// the goal's needs; else none. A person named twice counts once. Errors: not_found for the goal,
// not_found or ambiguous for WHO; invalid_input when nothing would change.
Result<GoalLinked> link_goal(Store& store, std::int64_t id, const std::vector<std::string>& who,
                             const std::optional<std::string>& role, Date today);

// kith goal unlink ID WHO...: unlinks each person. invalid_input naming one who is not linked.
Result<GoalLinked> unlink_goal(Store& store, std::int64_t id, const std::vector<std::string>& who,
                               Date today);

// What kith goal change asks to change: each field left unset keeps its value.
struct GoalChange {
  std::optional<std::string> text;
  std::optional<Date> by;
  bool no_by = false;  // no deadline any more (excludes `by`)
  std::optional<std::string> needs;
};

// Checks what needs no database: something to change, at most one of --by and --no-by, the text
// and the needs as check_goal_request does. invalid_input naming the option otherwise.
Status check_goal_change(const GoalChange& change);

struct GoalChanged {
  Goal before;
  Goal after;
};

// kith goal change: changes the goal as asked; a done goal may be changed too. invalid_input
// ("nothing to change") when it already is as asked, or naming the known types for a need that
// is not a type.
Result<GoalChanged> change_goal(Store& store, std::int64_t id, const GoalChange& change,
                                Date today);

// kith goal done ID [--on DATE]: marks the open goal done on `on` (default today; not after
// today). invalid_input when it is done already ("goal #2 is already done (on 2026-11-22)").
Result<Goal> complete_goal(Store& store, std::int64_t id, std::optional<Date> on, Date today);

// kith goal reopen ID: opens a done goal again. invalid_input when it is open.
Result<Goal> reopen_goal(Store& store, std::int64_t id, Date today);

// kith goal drop ID: deletes the goal with its links (undoable). Returns it as it was.
Result<Goal> drop_goal(Store& store, std::int64_t id, Date today);

// One line of kith goal.
struct GoalSummary {
  Goal goal;
  std::size_t people = 0;  // linked, archived ones included
  std::vector<GoalGap> gaps;
};

// kith goal [--all]: the open goals (all with `all`), by id, with their people counted and
// their gaps as of `today`.
Result<std::vector<GoalSummary>> list_goals(Store& store, bool all, Date today);

// kith goal ID: the goal, its people (by name), its gaps as of `today`, and up to
// kGoalSuggestions people you know who are not linked and whose records mention its words
// (rank_suggestions; none for a done goal).
struct GoalPage {
  Goal goal;
  std::vector<GoalPerson> people;
  std::vector<GoalGap> gaps;
  std::vector<std::string> words;  // what the suggestions looked for
  std::vector<Suggestion> suggestions;
};
Result<GoalPage> show_goal(Store& store, std::int64_t id, Date today);

// How many latest-recorded matches per word and field the suggestions read
// (Store::goal_candidates): a common word costs no more than a rare one.
inline constexpr int kGoalCandidatesPerWord = 200;

}  // namespace kith
