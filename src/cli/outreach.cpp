#include "cli/outreach.hpp"

#include <fmt/core.h>

#include <cmath>

#include "cli/render.hpp"
#include "kith/text.hpp"

namespace kith::cli {
namespace {

constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

// Two decimals: enough to explain a score, stable in JSON.
double rounded(double x) { return std::round(x * 100.0) / 100.0; }

std::string cadence_phrase(const Urgency& u) { return "every " + u.cadence.to_human(); }

}  // namespace

std::string short_day(Date day) {
  return fmt::format("{} {}", kWeekdays[static_cast<int>(day.weekday())].substr(0, 3),
                     day.to_string());
}

std::string agenda_lines(const std::vector<Reminder>& topics, int indent, const Painter& paint) {
  std::string out;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (std::size_t i = 0; i < topics.size() && i < kAgendaShown; ++i) {
    out += fmt::format("{}{} {}\n", pad, paint(Paint::cyan, "agenda:"),
                       fmt::format("#{} {}", topics[i].id, printable(topics[i].text)));
  }
  if (topics.size() > kAgendaShown && topics.front().contact_id) {
    out += fmt::format(
        "{}{}\n", pad,
        paint(Paint::dim, fmt::format("and {} more: kith agenda {}", topics.size() - kAgendaShown,
                                      *topics.front().contact_id)));
  }
  return out;
}

std::string goal_lines(const std::vector<GoalRef>& goals, int indent, const Painter& paint) {
  std::string out;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const GoalRef& g : goals) {
    out += fmt::format("{}{} {}\n", pad, paint(Paint::cyan, "goal:"),
                       fmt::format("#{} {}", g.id, printable(g.text)));
  }
  return out;
}

Json goals_json(const std::vector<GoalRef>& goals) {
  Json out = Json::array();
  for (const GoalRef& g : goals) out.push_back({{"id", g.id}, {"text", g.text}});
  return out;
}

Json person_json(const Contact& c) {
  return {{"id", c.id},
          {"uuid", c.uuid},
          {"name", c.name},
          {"types", c.types},
          {"circle", c.circle ? Json(*c.circle) : Json(nullptr)},
          {"emails", c.emails},
          {"phones", c.phones},
          {"learn", c.learn},
          {"offer", c.offer}};
}

Json agenda_json(const std::vector<Reminder>& topics) {
  Json out = Json::array();
  for (const Reminder& t : topics) {
    out.push_back({{"id", t.id}, {"text", t.text}, {"raised", t.due.to_string()}});
  }
  return out;
}

std::string long_day(Date day) {
  return fmt::format("{} {} {} {}", kWeekdays[static_cast<int>(day.weekday())], day.day(),
                     kMonths[day.month() - 1], day.year());
}

std::string due_phrase(const Urgency& u, Date day, Date today) {
  std::int64_t late = days_between(u.due, day);
  const bool later = day > today;  // a day of a plan: "by then", never "today"
  std::string when;
  if (late > 0) {
    when = span(late) + (later ? " overdue by then" : " overdue");
  } else if (late == 0) {
    when = later ? "due on " + short_day(day) : "due today";
  } else {
    when = later ? "not due until " + short_day(u.due) : "due " + relative(u.due, day);
  }
  return fmt::format("{} ({})", when, cadence_phrase(u));
}

std::vector<std::string> reasons(const Urgency& u, Date day, Date today) {
  std::vector<std::string> out;
  for (const ScoreTerm& t : u.terms) {
    switch (t.term) {
      case Term::overdue: out.push_back(due_phrase(u, day, today)); break;
      case Term::importance:
        out.push_back(fmt::format("{} (weight {})",
                                  u.heaviest_type.empty() ? "no type" : u.heaviest_type, u.weight));
        break;
      case Term::promise:
        out.push_back(u.open_promises == 1
                          ? fmt::format("open promise due {}", u.next_promise->to_string())
                          : fmt::format("{} open promises, the next due {}", u.open_promises,
                                        u.next_promise->to_string()));
        break;
      case Term::balance:
        out.push_back(
            fmt::format("you received more than you gave (net {})", signed_number(u.net)));
        break;
    }
  }
  if (u.terms.empty() || u.terms.front().term != Term::overdue) {
    out.insert(out.begin(), due_phrase(u, day, today));
  }
  return out;
}

std::string mid_sentence(std::string_view text) {
  std::string out(text);
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (out.empty() || !upper(out[0])) return out;
  // "Strong candidates", and the article in "A referral"; not "AWS credits", "X", "OKRs".
  bool word = out.size() > 1 && lower(out[1]);
  bool article = out.size() > 1 && out[0] == 'A' && out[1] == ' ';
  if (word || article) out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::vector<std::string> hints(const Outreach& person) {
  const Contact& c = person.contact;
  std::vector<std::string> out;
  if (c.balance.net() < 0) {
    std::string hint =
        fmt::format("you have received more than you gave (net {}", signed_number(c.balance.net()));
    hint += c.balance.last_gave ? fmt::format("; last gave {})", c.balance.last_gave->to_string())
                                : std::string("; never gave)");
    if (!c.offer.empty()) hint += ": offer " + mid_sentence(printable(c.offer));
    out.push_back(std::move(hint));
  }
  return out;
}

std::string last_phrase(const std::optional<Interaction>& last, const Contact& contact, Date today,
                        int summary_width) {
  if (!last) return fmt::format("never (added {})", contact.added_on.to_string());
  std::string out = fmt::format("{} ({})", last->day.to_string(), relative(last->day, today));
  if (last->channel) out += fmt::format(", {}", to_string(*last->channel));
  out += fmt::format(": \"{}\"", truncate_to_width(printable(last->summary), summary_width));
  return out;
}

Json urgency_json(const Outreach& person, Date day, Date today) {
  const Urgency& u = person.urgency;
  const Contact& c = person.contact;
  const std::optional<Interaction>& last = person.last;
  Json j;
  j["contact"] = person_json(c);
  j["cadence"] = u.cadence.to_string();
  j["due"] = u.due.to_string();
  j["days_overdue"] = u.days_overdue;
  j["cadences_overdue"] = rounded(u.cadences_overdue);
  j["last_interaction"] = last ? interaction_json(*last) : Json(nullptr);
  j["never_contacted"] = u.never_contacted;
  j["balance"] = balance_json(c.balance);
  j["open_promises"] = u.open_promises;
  j["next_promise"] = u.next_promise ? Json(u.next_promise->to_string()) : Json(nullptr);
  j["weight"] = u.weight;
  j["score"] = rounded(u.score);
  Json terms = Json::array();
  for (const ScoreTerm& t : u.terms) {
    terms.push_back({{"term", std::string(to_string(t.term))}, {"points", rounded(t.points)}});
  }
  j["terms"] = std::move(terms);
  j["reasons"] = reasons(u, day, today);
  j["hints"] = hints(person);
  j["agenda"] = agenda_json(person.agenda);
  j["goals"] = goals_json(person.goals);
  return j;
}

}  // namespace kith::cli
