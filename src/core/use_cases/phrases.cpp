#include "phrases.hpp"

#include "kith/text.hpp"

namespace kith::phrases {

std::string quoted(std::string_view text) {
  std::string line(trim(text));
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "'" + truncate_to_width(line, static_cast<int>(kMaxQuoted)) + "'";
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string people(const std::vector<std::string>& names) {
  if (names.size() <= 1) return listed(names);
  std::vector<std::string> head(names.begin(), names.end() - 1);
  return listed(head) + " and " + names.back();
}

std::string interaction(const Interaction& i) {
  std::vector<std::string> names;
  for (const Participant& p : i.people) names.push_back(p.name);
  std::string what = i.channel ? std::string(to_string(*i.channel)) : "interaction";
  return "the " + what + " with " + people(names) + " on " + i.day.to_string();
}

std::string reminder(const Reminder& r) {
  std::string out;
  switch (r.kind) {
    case ReminderKind::promise: out = "promise"; break;
    case ReminderKind::followup: out = "follow-up"; break;
    case ReminderKind::plan: out = "planned outreach"; break;
    case ReminderKind::reminder: out = "reminder"; break;
    case ReminderKind::meeting: out = "meeting"; break;
    case ReminderKind::topic: out = "topic"; break;
    case ReminderKind::skip: out = "skip"; break;
  }
  out += " #" + std::to_string(r.id);
  if (r.contact_id) {
    const char* joint = r.kind == ReminderKind::promise   ? " to "
                        : r.kind == ReminderKind::meeting ? " with "
                        : r.kind == ReminderKind::topic   ? " for "
                        : r.kind == ReminderKind::skip    ? " of "
                                                          : " about ";
    out += joint + r.contact_name;
  }
  return out + " " + quoted(r.text);
}

}  // namespace kith::phrases
