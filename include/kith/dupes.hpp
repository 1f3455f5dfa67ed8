// Likely duplicates among contacts (kith dupes): which pairs of people are probably one person
// entered twice, and why. Pure: no database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// A name and its key (fold_for_match), as the store keeps both.
struct KeyedName {
  std::string name;
  std::string key;
};

// What kith dupes knows of one contact.
struct DupeCandidate {
  std::int64_t id = 0;
  KeyedName name;
  std::vector<KeyedName> akas;  // its other names
  std::vector<std::string> emails;
  std::vector<std::string> phones;
};

// Why two contacts look like one person, strongest first. Frozen: the JSON output names them
// as to_string() spells them.
enum class DupeReason {
  same_email,            // an email address both have, ignoring case
  same_phone,            // a phone number both have, by its last nine digits
  same_name,             // the same name, ignoring case, accents and Unicode normalisation
  name_in_other_script,  // the same name written in another script ("Дмитрий Иванов")
  name_in_other_order,   // the same words in another order ("Ivanov Dmitri")
  other_name,            // one's name is another name (a nickname) of the other
  initials,              // the same name but for initials ("A. Patel", "Arjun Patel")
  similar_spelling,      // the same name spelled alike ("Dmitriy", "Dmitri")
};
// "same email", "same phone", "same name", "name in another script", "name in another
// order", "other name", "initials", "similar spelling".
std::string_view to_string(DupeReason reason);

struct DupeMatch {
  DupeReason reason = DupeReason::same_name;
  std::string detail;  // the email, phone or other name they share; empty for names
  friend bool operator==(const DupeMatch&, const DupeMatch&) = default;
};

struct DupePair {
  std::int64_t first = 0;  // the contact added first (the lower id)
  std::int64_t second = 0;
  std::string first_name;
  std::string second_name;
  std::vector<DupeMatch> reasons;  // each reason once, strongest first
};

// A value shared by more contacts than this (a team's address, a common name) says nothing
// about any two of them: it pairs no one.
inline constexpr std::size_t kMaxSharing = 12;

// The pairs of `people` that are likely one person, each with every reason found, strongest
// first: by their strongest reason, then by how many reasons, then by ids. Each pair once.
// Costs time in proportion to the number of people and of the pairs found (values are
// grouped, never compared all against all).
std::vector<DupePair> find_dupes(const std::vector<DupeCandidate>& people);

}  // namespace kith
