#include "kith/use_cases/outreach.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace kith {
namespace {

// The person behind an urgency, with what is shown about them: their contact, the type that
// gave their weight, and their latest interaction.
Result<Outreach> outreach_for(Store& store, Urgency urgency,
                              const std::vector<RelationshipType>& types) {
  auto contact = store.contact(urgency.id);
  if (!contact) return contact.error();
  urgency.heaviest_type = heaviest_type(*contact, types).first;
  HistoryQuery latest;
  latest.contact_id = urgency.id;
  latest.limit = 1;
  auto found = store.history(latest);
  if (!found) return found.error();
  std::optional<Interaction> last;
  if (!found->empty()) last = std::move(found->front());
  auto agenda = store.topics(urgency.id);
  if (!agenda) return agenda.error();
  auto linked = store.goals_of(urgency.id, false);
  if (!linked) return linked.error();
  std::vector<GoalRef> goals;
  for (PersonGoal& g : *linked) goals.push_back(std::move(g.goal));
  return Outreach{std::move(urgency), std::move(*contact), std::move(last), std::move(*agenda),
                  std::move(goals)};
}

// invalid_input naming the known types when one of `wanted` is not among them.
Status check_types_known(const std::vector<std::string>& wanted,
                         const std::vector<RelationshipType>& types) {
  for (const std::string& t : wanted) {
    if (std::none_of(types.begin(), types.end(),
                     [&](const RelationshipType& known) { return known.name == t; })) {
      std::string names;
      for (const auto& known : types) names += (names.empty() ? "" : ", ") + known.name;
      return invalid_input("unknown type '" + t + "' (known: " + names + ")");
    }
  }
  return {};
}

}  // namespace

Result<Report> daily_report(Store& store, Date today, const ReportOptions& options) {
  KITH_TRY(check_report_options(options));
  std::optional<Report> report;
  KITH_TRY(store.read([&]() -> Status {
    auto source = store.due_source();
    auto ranking = select_most_urgent(*source, today, static_cast<std::size_t>(options.limit));
    if (!ranking) return ranking.error();
    source.reset();
    auto types = store.types();
    if (!types) return types.error();
    ReportParts parts;
    parts.overdue_total = ranking->total;
    for (Urgency& u : ranking->ranked) {
      auto person = outreach_for(store, std::move(u), *types);
      if (!person) return person.error();
      parts.ranked.push_back(std::move(*person));
    }
    auto reminders = store.due_reminders(today, today.plus_days(options.ahead), options.limit);
    if (!reminders) return reminders.error();
    parts.reminders = std::move(reminders->reminders);
    parts.due_total = reminders->due_total;
    parts.upcoming_total = reminders->upcoming_total;
    auto occasions = store.occasions(today, options.ahead);
    if (!occasions) return occasions.error();
    parts.occasions = std::move(*occasions);
    report = build_report(std::move(parts), today, options);
    std::vector<std::int64_t> people;
    for (const Reminder& r : report->due_now) {
      if (r.contact_id) people.push_back(*r.contact_id);
    }
    for (const Upcoming& u : report->coming_up) {
      if (u.reminder && u.reminder->contact_id) people.push_back(*u.reminder->contact_id);
    }
    for (std::int64_t id : people) {
      if (report->agendas.count(id)) continue;
      auto topics = store.topics(id);
      if (!topics) return topics.error();
      if (!topics->empty()) report->agendas.emplace(id, std::move(*topics));
    }
    return {};
  }));
  return std::move(*report);
}

Result<OutreachPlan> plan_outreach(Store& store, Date today, const PlanOptions& options,
                                   bool save) {
  auto checked = check_plan_options(options, today);
  if (!checked) return checked.error();
  OutreachPlan out;
  out.options = std::move(*checked);
  out.saved = save && !store.missing();  // nobody to book: never create a database for it
  auto body = [&]() -> Status {
    auto types = store.types();
    if (!types) return types.error();
    KITH_TRY(check_types_known(out.options.types, *types));
    if (out.options.goal) {
      auto goal = store.goal(*out.options.goal);
      if (!goal) return goal.error();
      if (goal->done()) {
        return invalid_input("goal #" + std::to_string(goal->id) + " is done (on " +
                             goal->done_on->to_string() + "): reopen it to plan for it");
      }
      auto people = store.goal_people(goal->id);
      if (!people) return people.error();
      out.options.first.clear();
      for (const GoalPerson& p : *people) {
        if (!p.archived) out.options.first.push_back(p.contact_id);
      }
      out.goal = GoalRef{goal->id, goal->text};
    }
    const PlanOptions& o = out.options;
    auto candidates = store.plan_candidates(plan_days(o).back(), o.first);
    if (!candidates) return candidates.error();
    Plan plan = make_plan(*candidates, o);
    out.days = std::move(plan.days);
    out.unplaced = plan.unplaced;
    out.already_planned = plan.already_planned;
    for (PlanSlot& slot : plan.slots) {
      auto person = outreach_for(store, std::move(slot.urgency), *types);
      if (!person) return person.error();
      PlannedOutreach planned{slot.day, slot.priority, std::move(*person), std::nullopt,
                              slot.first};
      if (out.saved) {
        Reminder r;
        r.kind = ReminderKind::plan;
        r.contact_id = planned.person.contact.id;
        r.text = "Reach out to " + planned.person.contact.name;
        r.due = slot.day;
        r.anchor = slot.day;
        auto id = store.add_reminder(r);
        if (!id) return id.error();
        planned.reminder_id = *id;
      }
      out.slots.push_back(std::move(planned));
    }
    if (o.types.empty() &&
        out.slots.size() < out.days.size() * static_cast<std::size_t>(o.per_day)) {
      std::vector<std::int64_t> planned;
      for (const PlannedOutreach& s : out.slots) planned.push_back(s.person.contact.id);
      auto tie = best_dormant_tie(store, today, planned);
      if (!tie) return tie.error();
      out.reconnect = std::move(*tie);
    }
    if (out.saved) {
      std::size_t n = out.slots.size();
      store.note_change({"plan --save",
                         "plan --save: outreach booked for " + std::to_string(n) +
                             (n == 1 ? " person" : " people"),
                         today});
    }
    return {};
  };
  KITH_TRY(out.saved ? store.write(body) : store.read(body));
  return out;
}

}  // namespace kith
