#include "card_merge.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "kith/text.hpp"

namespace kith::formats {
namespace {

using Key = std::function<std::string(const std::string&)>;

std::string same(const std::string& text) { return text; }
std::string lower(const std::string& text) { return ascii_lower(text); }
std::string digits(const std::string& phone) {
  std::string out;
  for (char c : phone) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}
std::string folded(const std::string& name) { return fold_for_match(name); }

struct Merger {
  bool card_newer;
  std::vector<std::string>& conflicts;

  // One value: base, card, kith. `kiths_own`: an absent card value means "not carried".
  template <class T>
  T pick(const T& base, T card, const T& kith, const char* field, bool kiths_own = false) {
    if (kiths_own && card == T{} && base != T{}) card = base;
    if (card == base || card == kith) return kith;
    if (kith == base) return card;
    conflicts.push_back(field);
    return card_newer ? card : kith;
  }

  // A list, element by element by `key`: kith's, less what the card removed, plus what it
  // added; an element the card respelled (same key) takes the card's spelling when kith kept
  // the base's.
  std::vector<std::string> list(const std::vector<std::string>& base,
                                const std::vector<std::string>& card,
                                const std::vector<std::string>& kith, const Key& key,
                                bool kiths_own = false) {
    if (kiths_own && card.empty() && !base.empty()) return kith;
    auto find = [&](auto& in, const std::string& k) {
      return std::find_if(in.begin(), in.end(), [&](const std::string& v) { return key(v) == k; });
    };
    std::vector<std::string> out = kith;
    for (const std::string& old : base) {
      const std::string k = key(old);
      auto on_card = find(card, k);
      auto in_out = find(out, k);
      if (in_out == out.end()) continue;  // kith removed it
      if (on_card == card.end()) {
        if (*in_out == old) out.erase(in_out);  // the card removed it, kith left it alone
      } else if (*on_card != old && *in_out == old) {
        *in_out = *on_card;
      }
    }
    for (const std::string& added : card) {
      const std::string k = key(added);
      if (find(base, k) == base.end() && find(out, k) == out.end()) out.push_back(added);
    }
    return out;
  }
};

std::map<std::string, YearlyDate> by_label(const std::vector<ImportantDate>& dates) {
  std::map<std::string, YearlyDate> out;
  for (const ImportantDate& d : dates) out.emplace(d.label, d.date);
  return out;
}

}  // namespace

CardMerge merge_card(const ContactPatch& base, const ContactPatch& card, const ContactPatch& kith,
                     bool card_newer) {
  CardMerge result;
  Merger m{card_newer, result.conflicts};
  ContactPatch& out = result.merged;
  out.uids = kith.uids;
  out.external_ids = kith.external_ids;
  out.met_via_contact = kith.met_via_contact;
  out.rev = kith.rev;
  out.name = m.pick(base.name, card.name, kith.name, "name");
  if (out.name.empty()) out.name = kith.name;
  out.akas = m.list(base.akas, card.akas, kith.akas, folded);
  out.emails = m.list(base.emails, card.emails, kith.emails, lower);
  out.phones = m.list(base.phones, card.phones, kith.phones, digits);
  out.tags = m.list(base.tags, card.tags, kith.tags, same);
  out.types = m.list(base.types, card.types, kith.types, same, true);
  out.org = m.pick(base.org, card.org, kith.org, "organisation");
  out.title = m.pick(base.title, card.title, kith.title, "title");
  out.note = m.pick(base.note, card.note, kith.note, "note");
  out.birthday = m.pick(base.birthday, card.birthday, kith.birthday, "birthday");
  out.learn = m.pick(base.learn, card.learn, kith.learn, "learn", true);
  out.offer = m.pick(base.offer, card.offer, kith.offer, "offer", true);
  out.every = m.pick(base.every, card.every, kith.every, "cadence", true);
  out.circle = m.pick(base.circle, card.circle, kith.circle, "circle", true);
  out.met_via = m.pick(base.met_via, card.met_via, kith.met_via, "met via", true);

  auto b = by_label(base.dates);
  auto c = by_label(card.dates);
  auto k = by_label(kith.dates);
  std::map<std::string, bool> labels;
  for (const auto* side : {&b, &c, &k}) {
    for (const auto& [label, date] : *side) labels[label] = true;
  }
  for (const auto& entry : labels) {
    const std::string& label = entry.first;
    auto get = [&](const std::map<std::string, YearlyDate>& side) {
      auto it = side.find(label);
      return it == side.end() ? std::optional<YearlyDate>() : std::optional(it->second);
    };
    std::string field = "date '" + label + "'";
    auto date = m.pick(get(b), get(c), get(k), field.c_str(), label != "anniversary");
    if (date) out.dates.push_back({label, *date});
  }
  // Several fields may conflict under one name only once.
  std::sort(result.conflicts.begin(), result.conflicts.end());
  result.conflicts.erase(std::unique(result.conflicts.begin(), result.conflicts.end()),
                         result.conflicts.end());
  return result;
}

bool same_fields(const ContactPatch& a, const ContactPatch& b) {
  auto sorted = [](std::vector<std::string> list) {
    std::sort(list.begin(), list.end());
    return list;
  };
  auto dates = [](std::vector<ImportantDate> list) {
    std::sort(list.begin(), list.end(),
              [](const ImportantDate& x, const ImportantDate& y) { return x.label < y.label; });
    return list;
  };
  return a.name == b.name && sorted(a.akas) == sorted(b.akas) && a.emails == b.emails &&
         a.phones == b.phones && sorted(a.tags) == sorted(b.tags) &&
         sorted(a.types) == sorted(b.types) && a.org == b.org && a.title == b.title &&
         a.note == b.note && a.learn == b.learn && a.offer == b.offer && a.birthday == b.birthday &&
         dates(a.dates) == dates(b.dates) && a.every == b.every && a.circle == b.circle &&
         a.met_via == b.met_via;
}

bool assign(const ContactPatch& patch, Contact& c) {
  Contact before = c;
  c.name = patch.name;
  c.akas = patch.akas;
  std::erase_if(c.akas,
                [&](const std::string& a) { return fold_for_match(a) == fold_for_match(c.name); });
  sort_names(c.akas);
  c.emails = patch.emails;
  c.phones = patch.phones;
  c.tags = patch.tags;
  std::sort(c.tags.begin(), c.tags.end());
  c.tags.erase(std::unique(c.tags.begin(), c.tags.end()), c.tags.end());
  c.types = patch.types;
  std::sort(c.types.begin(), c.types.end());
  c.types.erase(std::unique(c.types.begin(), c.types.end()), c.types.end());
  c.org = patch.org.value_or("");
  c.title = patch.title.value_or("");
  c.note = patch.note.value_or("");
  c.learn = patch.learn.value_or("");
  c.offer = patch.offer.value_or("");
  c.met_via = patch.met_via.value_or("");
  c.birthday = patch.birthday;
  c.every = patch.every;
  c.circle = patch.circle;
  c.dates = patch.dates;
  std::sort(c.dates.begin(), c.dates.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  return c.name != before.name || c.akas != before.akas || c.emails != before.emails ||
         c.phones != before.phones || c.tags != before.tags || c.types != before.types ||
         c.org != before.org || c.title != before.title || c.note != before.note ||
         c.learn != before.learn || c.offer != before.offer || c.met_via != before.met_via ||
         c.birthday != before.birthday || c.every != before.every || c.circle != before.circle ||
         c.dates != before.dates;
}

}  // namespace kith::formats
