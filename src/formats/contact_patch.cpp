#include "contact_patch.hpp"

#include <algorithm>

#include "kith/text.hpp"

namespace kith::formats {
namespace {

std::string digits(std::string_view phone) {
  std::string out;
  for (char c : phone) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// Adds each of `values` to `list` unless one with the same key is there.
template <class Key>
bool add_all(std::vector<std::string>& list, const std::vector<std::string>& values, Key key) {
  bool changed = false;
  for (const std::string& value : values) {
    bool known = std::any_of(list.begin(), list.end(),
                             [&](const std::string& v) { return key(v) == key(value); });
    if (!known) {
      list.push_back(value);
      changed = true;
    }
  }
  return changed;
}

template <class T>
bool set(const std::optional<T>& value, T& target) {
  if (!value || *value == target) return false;
  target = *value;
  return true;
}

template <class T>
bool set(const std::optional<T>& value, std::optional<T>& target) {
  if (!value || value == target) return false;
  target = value;
  return true;
}

std::string same(std::string_view text) { return std::string(text); }

}  // namespace

bool apply(const ContactPatch& patch, Contact& c, std::vector<ExternalId>& ids) {
  bool changed = false;
  if (!patch.name.empty() && patch.name != c.name) {
    c.name = patch.name;
    changed = true;
  }
  std::vector<std::string> akas = patch.akas;
  std::erase_if(akas,
                [&](const std::string& a) { return fold_for_match(a) == fold_for_match(c.name); });
  if (add_all(c.akas, akas, fold_for_match)) {
    sort_names(c.akas);
    changed = true;
  }
  changed |= add_all(c.emails, patch.emails, ascii_lower);
  changed |= add_all(c.phones, patch.phones, digits);
  if (add_all(c.tags, patch.tags, same)) {
    std::sort(c.tags.begin(), c.tags.end());
    changed = true;
  }
  if (add_all(c.types, patch.types, same)) {
    std::sort(c.types.begin(), c.types.end());
    changed = true;
  }
  changed |= set(patch.org, c.org);
  changed |= set(patch.title, c.title);
  changed |= set(patch.note, c.note);
  changed |= set(patch.learn, c.learn);
  changed |= set(patch.offer, c.offer);
  changed |= set(patch.birthday, c.birthday);
  changed |= set(patch.every, c.every);
  changed |= set(patch.circle, c.circle);
  changed |= set(patch.met_via, c.met_via);
  changed |= set(patch.archived, c.archived);
  for (const ImportantDate& date : patch.dates) {
    auto it = std::find_if(c.dates.begin(), c.dates.end(),
                           [&](const ImportantDate& d) { return d.label == date.label; });
    if (it == c.dates.end()) {
      c.dates.push_back(date);
    } else if (it->date != date.date) {
      it->date = date.date;
    } else {
      continue;
    }
    changed = true;
  }
  std::sort(c.dates.begin(), c.dates.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  for (const ExternalId& id : patch.external_ids) {
    auto it = std::find_if(ids.begin(), ids.end(), [&](const ExternalId& known) {
      return known.source == id.source && known.id == id.id;
    });
    if (it == ids.end()) {
      ids.push_back(id);
    } else if (id.since && it->since != id.since) {
      it->since = id.since;
    } else {
      continue;
    }
    changed = true;
  }
  std::sort(ids.begin(), ids.end(), [](const ExternalId& a, const ExternalId& b) {
    if (a.source != b.source) return to_string(a.source) < to_string(b.source);
    return a.id < b.id;  // the order the store reads them in
  });
  return changed;
}

}  // namespace kith::formats
