#include "kith/use_cases/goals.hpp"

#include <algorithm>

#include "kith/text.hpp"
#include "phrases.hpp"
#include "transaction.hpp"

namespace kith {
namespace {

// "goal #2 'Become a staff engineer'", for the journal.
std::string goal_phrase(const Goal& goal) {
  return "goal #" + std::to_string(goal.id) + " " + phrases::quoted(goal.text);
}

// invalid_input naming the known types when `role` is not one; `what` names the option.
Status check_known(const std::string& role, const std::vector<RelationshipType>& types,
                   std::string_view what) {
  if (std::any_of(types.begin(), types.end(),
                  [&](const RelationshipType& t) { return t.name == role; })) {
    return {};
  }
  std::string names;
  for (const auto& t : types) names += (names.empty() ? "" : ", ") + t.name;
  return invalid_input(std::string(what) + ": unknown role '" + role + "' (known types: " + names +
                       ")");
}

Status check_needs_known(Store& store, const std::vector<std::string>& needs) {
  if (needs.empty()) return {};
  auto types = store.types();
  if (!types) return types.error();
  for (const std::string& n : needs) KITH_TRY(check_known(n, *types, "--needs"));
  return {};
}

// The role a person takes when linked without --as: their own type, when exactly one of their
// types is among the goal's needs; else none.
std::string default_role(const Contact& person, const Goal& goal) {
  std::string role;
  int found = 0;
  for (const std::string& t : person.types) {
    if (std::find(goal.needs.begin(), goal.needs.end(), t) != goal.needs.end()) {
      role = t;
      ++found;
    }
  }
  return found == 1 ? role : std::string();
}

// The people WHO names, each once, in the order named.
Result<std::vector<Contact>> resolve_all(Store& store, const std::vector<std::string>& who) {
  std::vector<Contact> out;
  for (const std::string& w : who) {
    auto person = store.resolve(w);
    if (!person) return person.error();
    if (std::none_of(out.begin(), out.end(), [&](const Contact& c) { return c.id == person->id; }))
      out.push_back(std::move(*person));
  }
  if (out.empty()) return invalid_input("who? name at least one person");
  return out;
}

std::vector<std::string> names_of(const std::vector<GoalLink>& links) {
  std::vector<std::string> out;
  for (const GoalLink& l : links) out.push_back(l.name);
  return out;
}

}  // namespace

Status check_goal_request(const GoalRequest& request) {
  KITH_TRY(check_goal_text(request.text));
  auto needs = parse_needs(request.needs.value_or(std::string(kDefaultGoalNeeds)));
  if (!needs) return needs.error();
  return {};
}

Result<Goal> add_goal(Store& store, const GoalRequest& request, Date today) {
  KITH_TRY(check_goal_request(request));
  Goal goal;
  goal.text = std::string(trim(request.text));
  goal.by = request.by;
  goal.needs = *parse_needs(request.needs.value_or(std::string(kDefaultGoalNeeds)));
  goal.added_on = today;
  return in_write<Goal>(store, [&]() -> Result<Goal> {
    KITH_TRY(check_needs_known(store, goal.needs));
    auto id = store.add_goal(goal);
    if (!id) return id.error();
    auto stored = store.goal(*id);
    if (!stored) return stored.error();
    store.note_change({"goal add", "goal add: " + goal_phrase(*stored), today});
    return stored;
  });
}

Result<GoalLinked> link_goal(Store& store, std::int64_t id, const std::vector<std::string>& who,
                             const std::optional<std::string>& role, Date today) {
  std::optional<std::string> chosen;
  if (role) {
    auto name = normalize_type_name(*role);
    if (!name) return Error{name.error().code, "--as: " + name.error().message};
    chosen = *name;
  }
  return in_write<GoalLinked>(store, [&]() -> Result<GoalLinked> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    if (chosen) {
      auto types = store.types();
      if (!types) return types.error();
      KITH_TRY(check_known(*chosen, *types, "--as"));
    }
    auto people = resolve_all(store, who);
    if (!people) return people.error();
    GoalLinked out{*goal, {}};
    bool changed = false;
    for (const Contact& person : *people) {
      auto before = store.goal_role(id, person.id);
      if (!before) return before.error();
      std::string r = chosen ? *chosen : *before ? **before : default_role(person, *goal);
      if (!*before || **before != r) changed = true;
      KITH_TRY(store.set_goal_person(id, person.id, r));
      out.links.push_back({person.id, person.name, r, *before});
    }
    if (!changed) {
      return invalid_input(
          "nothing to change: " +
          (out.links.size() == 1 ? out.links[0].name + " is" : std::string("they are")) +
          " already linked to goal #" + std::to_string(id) + " as asked");
    }
    std::string as = chosen ? " as " + *chosen : "";
    store.note_change(
        {"goal link",
         "goal link: " + phrases::people(names_of(out.links)) + " to " + goal_phrase(*goal) + as,
         today});
    return out;
  });
}

Result<GoalLinked> unlink_goal(Store& store, std::int64_t id, const std::vector<std::string>& who,
                               Date today) {
  return in_write<GoalLinked>(store, [&]() -> Result<GoalLinked> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    auto people = resolve_all(store, who);
    if (!people) return people.error();
    GoalLinked out{*goal, {}};
    for (const Contact& person : *people) {
      auto before = store.goal_role(id, person.id);
      if (!before) return before.error();
      if (!*before) {
        return invalid_input(person.name + " is not linked to goal #" + std::to_string(id) +
                             " (see 'kith goal " + std::to_string(id) + "')");
      }
      auto removed = store.remove_goal_person(id, person.id);
      if (!removed) return removed.error();
      out.links.push_back({person.id, person.name, **before, std::nullopt});
    }
    store.note_change(
        {"goal unlink",
         "goal unlink: " + phrases::people(names_of(out.links)) + " from " + goal_phrase(*goal),
         today});
    return out;
  });
}

Status check_goal_change(const GoalChange& change) {
  if (!change.text && !change.by && !change.no_by && !change.needs) {
    return invalid_input("nothing to change: give --text, --by, --no-by or --needs");
  }
  if (change.by && change.no_by) return invalid_input("give --by DATE or --no-by, not both");
  if (change.text) KITH_TRY(check_goal_text(*change.text));
  if (change.needs) {
    auto needs = parse_needs(*change.needs);
    if (!needs) return needs.error();
  }
  return {};
}

Result<GoalChanged> change_goal(Store& store, std::int64_t id, const GoalChange& change,
                                Date today) {
  KITH_TRY(check_goal_change(change));
  return in_write<GoalChanged>(store, [&]() -> Result<GoalChanged> {
    auto before = store.goal(id);
    if (!before) return before.error();
    Goal after = *before;
    std::vector<std::string> what;
    if (change.text) {
      std::string text(trim(*change.text));
      if (text != after.text) {
        what.push_back("text " + phrases::quoted(after.text) + " → " + phrases::quoted(text));
        after.text = std::move(text);
      }
    }
    if (change.by || change.no_by) {
      std::optional<Date> by = change.no_by ? std::nullopt : change.by;
      if (by != after.by) {
        what.push_back("by " + (after.by ? after.by->to_string() : std::string("none")) + " → " +
                       (by ? by->to_string() : std::string("none")));
        after.by = by;
      }
    }
    if (change.needs) {
      auto needs = parse_needs(*change.needs);
      if (!needs) return needs.error();
      KITH_TRY(check_needs_known(store, *needs));
      if (*needs != after.needs) {
        auto shown = [](const std::vector<std::string>& n) {
          return n.empty() ? std::string("none") : join_needs(n);
        };
        what.push_back("needs " + shown(after.needs) + " → " + shown(*needs));
        after.needs = std::move(*needs);
      }
    }
    if (what.empty()) {
      return invalid_input("nothing to change: goal #" + std::to_string(id) +
                           " already is as asked");
    }
    KITH_TRY(store.update_goal(after));
    store.note_change({"goal change",
                       "goal change of " + goal_phrase(*before) + ": " + phrases::listed(what),
                       today});
    auto stored = store.goal(id);
    if (!stored) return stored.error();
    return GoalChanged{std::move(*before), std::move(*stored)};
  });
}

Result<Goal> complete_goal(Store& store, std::int64_t id, std::optional<Date> on, Date today) {
  Date day = on.value_or(today);
  if (day > today) {
    return invalid_input("--on " + day.to_string() + " is in the future (today is " +
                         today.to_string() + "): a goal is done once it is reached");
  }
  return in_write<Goal>(store, [&]() -> Result<Goal> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    if (goal->done_on) {
      return invalid_input("goal #" + std::to_string(id) + " is already done (on " +
                           goal->done_on->to_string() + ")");
    }
    goal->done_on = day;
    KITH_TRY(store.update_goal(*goal));
    store.note_change(
        {"goal done", "goal done: " + goal_phrase(*goal) + " on " + day.to_string(), today});
    return store.goal(id);
  });
}

Result<Goal> reopen_goal(Store& store, std::int64_t id, Date today) {
  return in_write<Goal>(store, [&]() -> Result<Goal> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    if (!goal->done_on) return invalid_input("goal #" + std::to_string(id) + " is open already");
    goal->done_on.reset();
    KITH_TRY(store.update_goal(*goal));
    store.note_change({"goal reopen", "goal reopen: " + goal_phrase(*goal), today});
    return store.goal(id);
  });
}

Result<Goal> drop_goal(Store& store, std::int64_t id, Date today) {
  return in_write<Goal>(store, [&]() -> Result<Goal> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    KITH_TRY(store.remove_goal(id));
    store.note_change({"goal drop", "goal drop: " + goal_phrase(*goal), today});
    return goal;
  });
}

Result<std::vector<GoalSummary>> list_goals(Store& store, bool all, Date today) {
  return in_read<std::vector<GoalSummary>>(store, [&]() -> Result<std::vector<GoalSummary>> {
    auto goals = store.goals(all);
    if (!goals) return goals.error();
    std::vector<GoalSummary> out;
    for (Goal& g : *goals) {
      auto people = store.goal_people(g.id);
      if (!people) return people.error();
      std::vector<GoalGap> gaps = goal_gaps(g, *people, today);
      out.push_back({std::move(g), people->size(), std::move(gaps)});
    }
    return out;
  });
}

Result<GoalPage> show_goal(Store& store, std::int64_t id, Date today) {
  return in_read<GoalPage>(store, [&]() -> Result<GoalPage> {
    auto goal = store.goal(id);
    if (!goal) return goal.error();
    auto people = store.goal_people(id);
    if (!people) return people.error();
    GoalPage page;
    page.gaps = goal_gaps(*goal, *people, today);
    page.words = goal_words(goal->text);
    if (!goal->done() && !page.words.empty()) {
      auto candidates = store.goal_candidates(page.words, kGoalCandidatesPerWord);
      if (!candidates) return candidates.error();
      std::erase_if(*candidates, [&](const SuggestionCandidate& c) {
        return std::any_of(people->begin(), people->end(),
                           [&](const GoalPerson& p) { return p.contact_id == c.id; });
      });
      page.suggestions = rank_suggestions(*candidates, today);
    }
    page.goal = std::move(*goal);
    page.people = std::move(*people);
    return page;
  });
}

}  // namespace kith
