#include "kith/dupes.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "kith/contact.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// The words of a name key, without the punctuation around and inside them ("o'neil" ->
// "oneil"); hyphens and dots separate words ("jean-pierre", "a.b.").
std::vector<std::string> words_of(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char ch : key) {
    if (ch == ' ' || ch == '-' || ch == '.' || ch == ',') {
      flush();
    } else if (ch == '\'' || ch == '"' || ch == '(' || ch == ')') {
      continue;
    } else {
      word += ch;
    }
  }
  flush();
  return words;
}

std::string joined(std::vector<std::string> words, bool sorted) {
  if (sorted) std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// A word as it sounds more than as it is spelled: the letters transliterations disagree on
// made one ("dmitriy", "dmitrij", "dmitri" -> "dmitri"; "aleksandr", "alexandr" -> "aleksandr"),
// and doubled letters made single.
std::string skeleton(std::string_view word) {
  std::string out;
  for (char ch : word) {
    std::string_view as;
    switch (ch) {
      case 'j':
      case 'y': as = "i"; break;
      case 'w': as = "v"; break;
      case 'x': as = "ks"; break;
      default: as = std::string_view(&ch, 1);
    }
    for (char c : as) {
      const bool letter = c >= 'a' && c <= 'z';
      if (!letter || out.empty() || out.back() != c) out += c;
    }
  }
  return out;
}

// An initial: one letter ("a" of "A. Patel"), never a digit.
bool is_initial(std::string_view word) {
  return word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
}

struct Analysed {
  std::vector<std::string> words;
  std::string sorted;     // its words, sorted
  std::string skeletons;  // its words' skeletons, sorted
  std::string initials;   // the first letters of its words, sorted
  bool has_initial = false;
  bool latin = true;
};

Analysed analyse(const DupeCandidate& c) {
  Analysed a;
  a.words = words_of(c.name.key);
  a.sorted = joined(a.words, true);
  std::vector<std::string> skeletons;
  std::vector<std::string> initials;
  for (const std::string& w : a.words) {
    skeletons.push_back(skeleton(w));
    initials.emplace_back(1, w.front());
    a.has_initial |= is_initial(w);
  }
  a.skeletons = joined(std::move(skeletons), true);
  a.initials = joined(std::move(initials), true);
  a.latin = written_in_latin(c.name.name);
  return a;
}

// True when the words are one name but for initials: as many words, each pair (both sorted)
// equal or one the other's initial, and at least one whole word shared.
bool same_but_initials(const Analysed& a, const Analysed& b) {
  if (a.words.size() != b.words.size() || a.words.size() < 2) return false;
  // Whole words first, then initials, each matched once.
  std::vector<std::string> left = a.words, right = b.words;
  bool whole = false;
  for (auto it = left.begin(); it != left.end();) {
    auto found = it->size() > 1 ? std::find(right.begin(), right.end(), *it) : right.end();
    if (found != right.end()) {
      right.erase(found);
      it = left.erase(it);
      whole = true;
    } else {
      ++it;
    }
  }
  if (!whole) return false;
  for (const std::string& w : left) {
    auto found = std::find_if(right.begin(), right.end(), [&](const std::string& r) {
      return (is_initial(w) || is_initial(r)) && w.front() == r.front();
    });
    if (found == right.end()) return false;
    right.erase(found);
  }
  return true;
}

class Pairs {
 public:
  explicit Pairs(const std::vector<DupeCandidate>& people) : people_(people) {}

  void add(std::size_t i, std::size_t j, DupeReason reason, std::string detail = {}) {
    if (i == j || people_[i].id == people_[j].id) return;
    if (people_[i].id > people_[j].id) std::swap(i, j);
    auto& reasons = pairs_[{i, j}];
    DupeMatch match{reason, std::move(detail)};
    if (std::find(reasons.begin(), reasons.end(), match) == reasons.end()) {
      reasons.push_back(std::move(match));
    }
  }

  // Pairs every two of `group` (indexes into people) by what `match_of` says of them, when the
  // group is small enough to say something.
  template <class Match>
  void add_group(std::vector<std::size_t>& group, Match reason_of) {
    std::sort(group.begin(), group.end());
    group.erase(std::unique(group.begin(), group.end()), group.end());
    if (group.size() < 2 || group.size() > kMaxSharing) return;
    for (std::size_t x = 0; x < group.size(); ++x) {
      for (std::size_t y = x + 1; y < group.size(); ++y) {
        if (auto match = reason_of(group[x], group[y])) {
          add(group[x], group[y], match->reason, std::move(match->detail));
        }
      }
    }
  }

  std::vector<DupePair> result() && {
    std::vector<DupePair> out;
    out.reserve(pairs_.size());
    for (auto& [key, reasons] : pairs_) {
      std::stable_sort(reasons.begin(), reasons.end(),
                       [](const DupeMatch& a, const DupeMatch& b) { return a.reason < b.reason; });
      const DupeCandidate& a = people_[key.first];
      const DupeCandidate& b = people_[key.second];
      out.push_back({a.id, b.id, a.name.name, b.name.name, std::move(reasons)});
    }
    std::sort(out.begin(), out.end(), [](const DupePair& a, const DupePair& b) {
      if (a.reasons.front().reason != b.reasons.front().reason) {
        return a.reasons.front().reason < b.reasons.front().reason;
      }
      if (a.reasons.size() != b.reasons.size()) return a.reasons.size() > b.reasons.size();
      if (a.first != b.first) return a.first < b.first;
      return a.second < b.second;
    });
    return out;
  }

 private:
  const std::vector<DupeCandidate>& people_;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<DupeMatch>> pairs_;
};

using Groups = std::unordered_map<std::string, std::vector<std::size_t>>;

}  // namespace

std::string_view to_string(DupeReason reason) {
  switch (reason) {
    case DupeReason::same_email: return "same email";
    case DupeReason::same_phone: return "same phone";
    case DupeReason::same_name: return "same name";
    case DupeReason::name_in_other_script: return "name in another script";
    case DupeReason::name_in_other_order: return "name in another order";
    case DupeReason::other_name: return "other name";
    case DupeReason::initials: return "initials";
    case DupeReason::similar_spelling: break;
  }
  return "similar spelling";
}

std::vector<DupePair> find_dupes(const std::vector<DupeCandidate>& people) {
  std::vector<Analysed> analysed;
  analysed.reserve(people.size());
  for (const DupeCandidate& c : people) analysed.push_back(analyse(c));
  Pairs pairs(people);

  // Emails and phones: each key with the people who have it, and how each wrote it.
  using Written = std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::string>>>;
  Written emails, phones;
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (const std::string& email : people[i].emails) {
      emails[ascii_lower(trim(email))].emplace_back(i, email);
    }
    for (const std::string& phone : people[i].phones) {
      // Fewer than seven digits (an extension, a short code) says nothing about who it is.
      constexpr std::size_t kShortest = 7;
      if (std::string key = phone_key(phone); key.size() >= kShortest) {
        phones[key].emplace_back(i, phone);
      }
    }
  }
  for (const auto& kind :
       {std::pair{&emails, DupeReason::same_email}, std::pair{&phones, DupeReason::same_phone}}) {
    const DupeReason reason = kind.second;
    for (auto& [key, holders] : *kind.first) {
      // The detail is the value as the first of each pair wrote it.
      std::map<std::size_t, std::string> first_written(holders.begin(), holders.end());
      std::vector<std::size_t> group;
      for (const auto& [i, written] : first_written) group.push_back(i);
      pairs.add_group(group, [&](std::size_t i, std::size_t) -> std::optional<DupeMatch> {
        return DupeMatch{reason, first_written[i]};
      });
    }
  }

  // Names: the same key, the same words in another order, the same skeletons.
  Groups by_key, by_words, by_skeletons, by_initials;
  for (std::size_t i = 0; i < people.size(); ++i) {
    by_key[people[i].name.key].push_back(i);
    by_words[analysed[i].sorted].push_back(i);
    by_skeletons[analysed[i].skeletons].push_back(i);
    if (analysed[i].words.size() >= 2) by_initials[analysed[i].initials].push_back(i);
  }
  auto script_or = [&](std::size_t i, std::size_t j, DupeReason otherwise) {
    return analysed[i].latin != analysed[j].latin ? DupeReason::name_in_other_script : otherwise;
  };
  for (auto& [key, group] : by_key) {
    pairs.add_group(group, [&](std::size_t i, std::size_t j) -> std::optional<DupeMatch> {
      return DupeMatch{script_or(i, j, DupeReason::same_name), {}};
    });
  }
  for (auto& [key, group] : by_words) {
    pairs.add_group(group, [&](std::size_t i, std::size_t j) -> std::optional<DupeMatch> {
      if (people[i].name.key == people[j].name.key) return std::nullopt;
      return DupeMatch{script_or(i, j, DupeReason::name_in_other_order), {}};
    });
  }
  for (auto& [key, group] : by_skeletons) {
    pairs.add_group(group, [&](std::size_t i, std::size_t j) -> std::optional<DupeMatch> {
      if (analysed[i].sorted == analysed[j].sorted) return std::nullopt;
      return DupeMatch{script_or(i, j, DupeReason::similar_spelling), {}};
    });
  }
  // Initials: only someone written with one is compared, with those of the same initials.
  for (auto& [key, group] : by_initials) {
    if (group.size() < 2) continue;
    for (std::size_t i : group) {
      if (!analysed[i].has_initial) continue;
      std::size_t found = 0;
      for (std::size_t j : group) {
        if (i == j || !same_but_initials(analysed[i], analysed[j])) continue;
        if (++found > kMaxSharing) break;
        pairs.add(i, j, DupeReason::initials);
      }
    }
  }
  // Other names: one's nickname is the other's name.
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (const KeyedName& aka : people[i].akas) {
      auto found = by_key.find(aka.key);
      if (found == by_key.end() || found->second.size() > kMaxSharing) continue;
      for (std::size_t j : found->second) pairs.add(i, j, DupeReason::other_name, aka.name);
    }
  }
  return std::move(pairs).result();
}

}  // namespace kith
