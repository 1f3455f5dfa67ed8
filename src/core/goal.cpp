#include "kith/goal.hpp"

#include <algorithm>
#include <array>

#include "kith/contact.hpp"
#include "kith/relationship_type.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// Words that say nothing about who could help: never looked for.
constexpr std::array<std::string_view, 44> kStopWords = {
    "the",     "and",  "for",    "with", "into",  "from",  "become", "becoming", "get",
    "getting", "more", "better", "new",  "find",  "make",  "want",   "will",     "about",
    "this",    "that", "some",   "next", "year",  "years", "your",   "our",      "out",
    "who",     "how",  "what",   "land", "start", "move",  "take",   "have",     "has",
    "been",    "than", "then",   "good", "great", "first", "own",    "all"};

bool is_stop_word(std::string_view word) {
  return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end();
}

// Code points in `word` (valid UTF-8).
std::size_t letters(std::string_view word) {
  std::size_t n = 0;
  for (char ch : word) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool word_char(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

double field_points(MatchField field) {
  switch (field) {
    case MatchField::learn:
    case MatchField::offer: return kSuggestLearnOfferPoints;
    case MatchField::title:
    case MatchField::org: return kSuggestTitleOrgPoints;
    case MatchField::name:
    case MatchField::note: return kSuggestNotePoints;
    case MatchField::interaction: break;
  }
  return 0;
}

double talk_points(std::optional<Date> day, Date today) {
  double ago = day ? static_cast<double>(std::max<std::int64_t>(0, days_between(*day, today)))
                   : 10.0 * kSuggestTalkHalfDays;
  return kSuggestTalkPoints * kSuggestTalkHalfDays / (kSuggestTalkHalfDays + ago);
}

std::string why_of(const SuggestionMatch& m) {
  std::string word = "'" + m.word + "'";
  if (m.field != MatchField::interaction) {
    return std::string(to_string(m.field)) + " mentions " + word;
  }
  std::string what = m.channel.empty() ? "interaction" : m.channel;
  if (m.day) what += " " + m.day->to_string();
  return what + " mentions " + word;
}

}  // namespace

std::string_view to_string(GoalGap::Kind kind) {
  switch (kind) {
    case GoalGap::Kind::nobody: return "nobody";
    case GoalGap::Kind::role: return "role";
    case GoalGap::Kind::quiet: return "quiet";
    case GoalGap::Kind::late: return "late";
  }
  return "nobody";
}

std::string to_string(const GoalGap& gap) {
  switch (gap.kind) {
    case GoalGap::Kind::nobody: return "nobody linked yet";
    case GoalGap::Kind::role: return "no " + gap.role + " yet";
    case GoalGap::Kind::quiet: return "nobody contacted in a month";
    case GoalGap::Kind::late: return "past its date";
  }
  return "";
}

std::vector<GoalGap> goal_gaps(const Goal& goal, const std::vector<GoalPerson>& people,
                               Date today) {
  std::vector<GoalGap> out;
  if (goal.done()) return out;
  if (people.empty()) out.push_back({GoalGap::Kind::nobody, ""});
  for (const std::string& role : goal.needs) {
    bool held = std::any_of(people.begin(), people.end(),
                            [&](const GoalPerson& p) { return !p.archived && p.role == role; });
    if (!held) out.push_back({GoalGap::Kind::role, role});
  }
  if (!people.empty()) {
    bool recent = std::any_of(people.begin(), people.end(), [&](const GoalPerson& p) {
      return p.last_contact && days_between(*p.last_contact, today) <= kGoalQuietDays;
    });
    if (!recent) out.push_back({GoalGap::Kind::quiet, ""});
  }
  if (goal.by && *goal.by < today) out.push_back({GoalGap::Kind::late, ""});
  return out;
}

Status check_goal_text(std::string_view text) {
  std::string_view trimmed = trim(text);
  if (is_blank(trimmed)) {
    return invalid_input("empty goal text: say what you want, like 'Become a staff engineer'");
  }
  return check_free_text(trimmed, "goal text");
}

Result<std::vector<std::string>> parse_needs(std::string_view text) {
  std::vector<std::string> out;
  if (trim(text) == "none") return out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view part = trim(text.substr(start, comma - start));
    start = comma + 1;
    if (part.empty()) continue;
    auto name = normalize_type_name(part);
    if (!name) return Error{name.error().code, "--needs: " + name.error().message};
    if (std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(std::move(*name));
  }
  return out;
}

std::string join_needs(const std::vector<std::string>& needs) {
  std::string out;
  for (const std::string& n : needs) out += (out.empty() ? "" : ",") + n;
  return out;
}

std::vector<std::string> goal_words(std::string_view text) {
  std::string folded = fold_for_match(text);
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < folded.size() && out.size() < kMaxGoalWords) {
    while (i < folded.size() && !word_char(static_cast<unsigned char>(folded[i]))) ++i;
    std::size_t start = i;
    while (i < folded.size() && word_char(static_cast<unsigned char>(folded[i]))) ++i;
    std::string word = folded.substr(start, i - start);
    if (letters(word) < 3 || is_stop_word(word)) continue;
    if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(std::move(word));
  }
  return out;
}

std::string_view to_string(MatchField field) {
  switch (field) {
    case MatchField::learn: return "learn";
    case MatchField::offer: return "offer";
    case MatchField::title: return "title";
    case MatchField::org: return "org";
    case MatchField::name: return "name";
    case MatchField::note: return "note";
    case MatchField::interaction: return "interaction";
  }
  return "note";
}

std::vector<Suggestion> rank_suggestions(const std::vector<SuggestionCandidate>& candidates,
                                         Date today, std::size_t limit) {
  struct Scored {
    const SuggestionCandidate* candidate;
    Suggestion suggestion;
  };
  std::vector<Scored> scored;
  for (const SuggestionCandidate& c : candidates) {
    // Each field once per word; of a word's interactions, the latest. In the order found (the
    // goal's words in order), so that equal reasons keep the goal's order.
    std::vector<const SuggestionMatch*> kept;
    for (const SuggestionMatch& m : c.matches) {
      auto same = std::find_if(kept.begin(), kept.end(), [&](const SuggestionMatch* k) {
        return k->field == m.field && k->word == m.word;
      });
      if (same == kept.end()) {
        kept.push_back(&m);
      } else if (m.field == MatchField::interaction && m.day &&
                 (!(*same)->day || *m.day > *(*same)->day)) {
        *same = &m;
      }
    }
    if (kept.empty()) continue;
    std::vector<std::pair<double, const SuggestionMatch*>> parts;
    double total = 0;
    for (const SuggestionMatch* m : kept) {
      double points =
          m->field == MatchField::interaction ? talk_points(m->day, today) : field_points(m->field);
      total += points;
      parts.emplace_back(points, m);
    }
    bool mentor = std::any_of(c.types.begin(), c.types.end(),
                              [](const std::string& t) { return t == "mentor" || t == "sponsor"; });
    if (mentor) total += kSuggestMentorBonus;
    // Strongest first; equal ones in the order found.
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    Suggestion s{c.id, c.name, total, {}};
    for (std::size_t i = 0; i < parts.size() && i < kSuggestWhyShown; ++i) {
      s.why.push_back(why_of(*parts[i].second));
    }
    scored.push_back({&c, std::move(s)});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.suggestion.score != b.suggestion.score) return a.suggestion.score > b.suggestion.score;
    if (a.candidate->name_key != b.candidate->name_key)
      return a.candidate->name_key < b.candidate->name_key;
    if (a.candidate->name != b.candidate->name) return a.candidate->name < b.candidate->name;
    return a.candidate->id < b.candidate->id;
  });
  std::vector<Suggestion> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) {
    out.push_back(std::move(scored[i].suggestion));
  }
  return out;
}

}  // namespace kith
