#include "kith/contact_change.hpp"

#include <algorithm>

#include "kith/records.hpp"
#include "kith/relationship_type.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// Normalises each value of `values` in place with `normalize`; the first error.
template <class Normalize>
Status normalize_each(std::vector<std::string>& values, Normalize normalize) {
  for (std::string& value : values) {
    auto normalized = normalize(value);
    if (!normalized) return normalized.error();
    value = std::move(*normalized);
  }
  return {};
}

void trim_each(std::vector<std::string>& values) {
  for (std::string& value : values) value = std::string(trim(value));
}

Status normalize_text(std::optional<std::string>& value, std::string_view field) {
  if (!value) return {};
  KITH_TRY(check_free_text(*value, field));
  *value = std::string(trim(*value));
  return {};
}

Status normalize_lists(ContactChange& c) {
  for (auto* akas : {&c.akas, &c.no_akas}) {
    KITH_TRY(normalize_each(*akas, [](const std::string& aka) -> Result<std::string> {
      auto name = normalize_name(aka);
      if (!name) return invalid_input("invalid --aka: " + name.error().message);
      return name;
    }));
  }
  KITH_TRY(normalize_each(c.no_types, normalize_type_name));
  KITH_TRY(normalize_each(c.types, normalize_type_name));
  trim_each(c.no_emails);
  KITH_TRY(normalize_each(c.emails, normalize_email));
  trim_each(c.no_phones);
  KITH_TRY(normalize_each(c.phones, normalize_phone));
  KITH_TRY(normalize_each(c.no_tags, normalize_tag));
  KITH_TRY(normalize_each(c.tags, normalize_tag));
  return {};
}

Status normalize_fields(ContactChange& c) {
  KITH_TRY(normalize_text(c.org, "organisation"));
  KITH_TRY(normalize_text(c.title, "title"));
  KITH_TRY(normalize_text(c.learn, "learn text"));
  KITH_TRY(normalize_text(c.offer, "offer text"));
  KITH_TRY(normalize_text(c.note, "note"));
  return {};
}

Status normalize_dates(ContactChange& c, Date today) {
  if (c.birthday && c.birthday->year() && in_year(*c.birthday, *c.birthday->year()) > today) {
    return invalid_input("invalid birthday '" + c.birthday->to_string() +
                         "': it is in the future (today is " + today.to_string() + ")");
  }
  KITH_TRY(normalize_each(c.no_dates, normalize_label));
  for (DateChange& d : c.dates) {
    auto label = normalize_label(d.label);
    if (!label) return label.error();
    if (fold_for_match(*label) == "birthday") {
      return invalid_input("use --birthday for the birthday");
    }
    d.label = *label;
  }
  return {};
}

Status normalize_met_via(std::optional<std::string>& met_via) {
  if (!met_via) return {};
  *met_via = std::string(trim(*met_via));
  if (!met_via->empty()) KITH_TRY(check_free_text(*met_via, "met-via"));
  return {};
}

bool same_text(const std::string& a, const std::string& b) { return a == b; }
bool same_folded(const std::string& a, const std::string& b) {
  return fold_for_match(a) == fold_for_match(b);
}

// Adds each of `values` to `list` unless an equal one (by `same`) is there.
template <class Same>
void add_each(std::vector<std::string>& list, const std::vector<std::string>& values, Same same) {
  for (const std::string& value : values) {
    if (std::none_of(list.begin(), list.end(), [&](const auto& v) { return same(v, value); })) {
      list.push_back(value);
    }
  }
}

// Removes each of `values` from `list`; invalid_input naming `what` at the first one missing.
template <class Same>
Status remove_each(std::vector<std::string>& list, const std::vector<std::string>& values,
                   std::string_view what, const std::string& who, Same same) {
  for (const std::string& value : values) {
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& v) { return same(v, value); });
    if (it == list.end()) {
      return invalid_input(who + " has no " + std::string(what) + " '" + value + "'");
    }
    list.erase(it);
  }
  return {};
}

Status apply_lists(const ContactChange& change, Contact& c) {
  KITH_TRY(remove_each(c.akas, change.no_akas, "other name", c.name, same_folded));
  for (const std::string& aka : change.akas) {
    if (same_folded(aka, c.name)) {
      return invalid_input("'" + aka + "' is " + c.name + "'s name, not another name");
    }
  }
  add_each(c.akas, change.akas, same_folded);
  sort_names(c.akas);
  KITH_TRY(remove_each(c.types, change.no_types, "type", c.name, same_text));
  add_each(c.types, change.types, same_text);
  std::sort(c.types.begin(), c.types.end());
  KITH_TRY(remove_each(c.emails, change.no_emails, "email", c.name, same_folded));
  add_each(c.emails, change.emails, same_folded);
  KITH_TRY(remove_each(c.phones, change.no_phones, "phone", c.name, same_text));
  add_each(c.phones, change.phones, same_text);
  KITH_TRY(remove_each(c.tags, change.no_tags, "tag", c.name, same_text));
  add_each(c.tags, change.tags, same_text);
  std::sort(c.tags.begin(), c.tags.end());
  return {};
}

void apply_fields(const ContactChange& change, Contact& c) {
  if (change.no_every) c.every.reset();
  if (change.every) c.every = *change.every;
  if (change.org) c.org = *change.org;
  if (change.title) c.title = *change.title;
  if (change.learn) c.learn = *change.learn;
  if (change.offer) c.offer = *change.offer;
  if (change.note) c.note = *change.note;
  if (change.no_circle) c.circle.reset();
  if (change.circle) c.circle = *change.circle;
}

Status apply_dates(const ContactChange& change, Contact& c) {
  if (change.no_birthday) c.birthday.reset();
  if (change.birthday) c.birthday = *change.birthday;
  for (const std::string& label : change.no_dates) {
    auto it = std::find_if(c.dates.begin(), c.dates.end(),
                           [&](const ImportantDate& d) { return same_folded(d.label, label); });
    if (it == c.dates.end()) return invalid_input(c.name + " has no date '" + label + "'");
    c.dates.erase(it);
  }
  for (const DateChange& d : change.dates) {
    std::erase_if(c.dates, [&](const ImportantDate& e) { return same_folded(e.label, d.label); });
    c.dates.push_back({d.label, d.date});
  }
  std::sort(c.dates.begin(), c.dates.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  return {};
}

}  // namespace

bool empty(const ContactChange& c) {
  return !c.name && c.types.empty() && c.no_types.empty() && !c.every && !c.no_every &&
         c.emails.empty() && c.no_emails.empty() && c.phones.empty() && c.no_phones.empty() &&
         c.tags.empty() && c.no_tags.empty() && !c.org && !c.title && !c.learn && !c.offer &&
         !c.note && !c.birthday && !c.no_birthday && c.dates.empty() && c.no_dates.empty() &&
         !c.circle && !c.no_circle && !c.met_via && c.akas.empty() && c.no_akas.empty() &&
         !c.linkedin && !c.no_linkedin && !c.target;
}

Result<ContactChange> normalize_change(const ContactChange& change, Date today) {
  ContactChange c = change;
  if (c.name) {
    auto name = normalize_name(*c.name);
    if (!name) return name.error();
    c.name = *name;
  }
  KITH_TRY(normalize_lists(c));
  KITH_TRY(normalize_fields(c));
  KITH_TRY(normalize_dates(c, today));
  if (c.circle) KITH_TRY(check_circle(*c.circle));
  KITH_TRY(normalize_met_via(c.met_via));
  if (c.linkedin) {
    auto profile = linkedin_profile(*c.linkedin);
    if (!profile) {
      return invalid_input("invalid --linkedin '" +
                           std::string(is_valid_utf8(*c.linkedin) ? *c.linkedin : "?") +
                           "': not a LinkedIn profile URL (expected "
                           "https://www.linkedin.com/in/NAME)");
    }
    c.linkedin = *profile;
  }
  return c;
}

Status apply_change(const ContactChange& change, Contact& contact) {
  if (change.name) contact.name = *change.name;
  if (change.target) contact.target = *change.target;
  KITH_TRY(apply_lists(change, contact));
  apply_fields(change, contact);
  return apply_dates(change, contact);
}

}  // namespace kith
