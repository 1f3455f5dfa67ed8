// Career goals: what you want, by when, the roles it needs among its people, and the pure
// rules about them: what a goal lacks (goal_gaps) and who you already know could help
// (rank_suggestions). docs/ranking.md, "Goal suggestions", has the score.
//
// Pure: no database, no clock; `today` is an input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// The role a goal needs when `kith goal add` is not told (--needs).
inline constexpr std::string_view kDefaultGoalNeeds = "mentor";
// Nobody linked was contacted within this many days before today: a gap.
inline constexpr int kGoalQuietDays = 30;
// How many suggestions a goal shows.
inline constexpr std::size_t kGoalSuggestions = 5;

struct Goal {
  std::int64_t id = 0;
  std::string uuid;
  std::string text;
  std::optional<Date> by;          // the day it should be reached by; nullopt: no deadline
  std::vector<std::string> needs;  // roles (type names) it needs among its people, in order
  Date added_on;
  std::optional<Date> done_on;  // nullopt while open
  std::string created_at;
  std::string updated_at;

  bool done() const { return done_on.has_value(); }
};

// A goal named by a person's page, the report or the plan.
struct GoalRef {
  std::int64_t id = 0;
  std::string text;
  friend bool operator==(const GoalRef&, const GoalRef&) = default;
};

// One person linked to a goal, with the facts kith goal shows and the gaps look at.
struct GoalPerson {
  std::int64_t contact_id = 0;
  std::string name;
  std::string name_key;  // fold_for_match(name)
  std::string role;      // a type name, or "" for "can help"
  bool archived = false;
  std::optional<Date> last_contact;  // their latest interaction's day
  std::optional<Date> due;           // their next check-in (contact_stats.due); nullopt: never
};

// A person's own goal links (kith show).
struct PersonGoal {
  GoalRef goal;
  std::string role;
  bool done = false;
};

// What a goal lacks, in the order goal_gaps gives them:
//   nobody  "nobody linked yet"            the goal has no people
//   role    "no mentor yet"                a role it needs that no linked active person holds
//                                          (one per role, in the order of `needs`)
//   quiet   "nobody contacted in a month"  people are linked, but none had an interaction in
//                                          the last kGoalQuietDays days
//   late    "past its date"                its by-day is before today
// A done goal lacks nothing.
struct GoalGap {
  enum class Kind { nobody, role, quiet, late };
  Kind kind = Kind::nobody;
  std::string role;  // for Kind::role
  friend bool operator==(const GoalGap&, const GoalGap&) = default;
};
std::string to_string(const GoalGap& gap);
// "nobody", "role", "quiet", "late": frozen, in --json.
std::string_view to_string(GoalGap::Kind kind);

std::vector<GoalGap> goal_gaps(const Goal& goal, const std::vector<GoalPerson>& people, Date today);

// Checks a goal's text: not blank, valid free text. invalid_input otherwise.
Status check_goal_text(std::string_view text);

// The roles `text` names, "mentor,sponsor": comma-separated type names, each normalised
// (normalize_type_name) and named once, in order; "none" or "" (or only spaces) for none.
// invalid_input naming the bad one. Whether each is a known type is the store's to say.
Result<std::vector<std::string>> parse_needs(std::string_view text);
// "mentor,sponsor": how the database stores them.
std::string join_needs(const std::vector<std::string>& needs);

// The words a goal's suggestions look for: the text folded (fold_for_match), split into words
// of letters and digits, those of fewer than 3 characters and the stop words ("the", "become",
// "with"...) left out, each once, in order; at most kMaxGoalWords.
inline constexpr std::size_t kMaxGoalWords = 8;
std::vector<std::string> goal_words(std::string_view text);

// --- Suggestions: people you already know whose records mention the goal's words.

// Where a word was found.
enum class MatchField { learn, offer, title, org, name, note, interaction };
// "learn", "offer", "title", "org", "name", "note", "interaction": frozen, in --json.
std::string_view to_string(MatchField field);

struct SuggestionMatch {
  MatchField field = MatchField::note;
  std::string word;         // the goal's word
  std::optional<Date> day;  // an interaction's day
  std::string channel;      // an interaction's channel ("coffee"), or ""
  std::int64_t interaction_id = 0;
};

struct SuggestionCandidate {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;
  std::vector<std::string> types;
  std::vector<SuggestionMatch> matches;
};

struct Suggestion {
  std::int64_t id = 0;
  std::string name;
  double score = 0;
  std::vector<std::string> why;  // "learn mentions 'staff'", "coffee 2026-10-03 mentions 'x'"
};

// Points (docs/ranking.md, "Goal suggestions"). Each field counts once per word; of a word's
// interactions, only the latest counts.
inline constexpr double kSuggestLearnOfferPoints = 3.0;  // learn, offer
inline constexpr double kSuggestTitleOrgPoints = 2.0;    // title, org
inline constexpr double kSuggestNotePoints = 1.0;        // note, name
// An interaction mentioning a word: kSuggestTalkPoints * kSuggestTalkHalfDays /
// (kSuggestTalkHalfDays + days ago): 2 today, 1 after 90 days, about 0.4 after a year.
inline constexpr double kSuggestTalkPoints = 2.0;
inline constexpr double kSuggestTalkHalfDays = 90.0;
// A mentor or sponsor by type.
inline constexpr double kSuggestMentorBonus = 0.5;
// The reasons shown per person.
inline constexpr std::size_t kSuggestWhyShown = 3;

// Scores the candidates as of `today` and returns the best `limit`, highest score first, ties
// by name (fold_for_match, then as written, then id). A candidate without matches is dropped.
// Each why names the field and the word (never the text around it), strongest first.
std::vector<Suggestion> rank_suggestions(const std::vector<SuggestionCandidate>& candidates,
                                         Date today, std::size_t limit = kGoalSuggestions);

}  // namespace kith
