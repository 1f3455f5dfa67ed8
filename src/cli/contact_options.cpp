#include "cli/contact_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/command_util.hpp"
#include "kith/text.hpp"

namespace kith::cli {
namespace {

// Adds `value` to `list` unless an equal one (by `same`) is there.
template <class Same>
void add_unique(std::vector<std::string>& list, const std::string& value, Same same) {
  if (std::none_of(list.begin(), list.end(), [&](const auto& v) { return same(v, value); })) {
    list.push_back(value);
  }
}

bool same_text(const std::string& a, const std::string& b) { return a == b; }
bool same_folded(const std::string& a, const std::string& b) {
  return fold_for_match(a) == fold_for_match(b);
}

// Removes `value` from `list`; invalid_input naming `what` when it is not there.
template <class Same>
Status remove_one(std::vector<std::string>& list, const std::string& value, std::string_view what,
                  const std::string& who, Same same) {
  auto it = std::find_if(list.begin(), list.end(), [&](const auto& v) { return same(v, value); });
  if (it == list.end()) {
    return invalid_input(who + " has no " + std::string(what) + " '" + value + "'");
  }
  list.erase(it);
  return {};
}

Status set_text(const std::optional<std::string>& value, std::string_view field,
                std::string& target) {
  if (!value) return {};
  KITH_TRY(check_free_text(*value, field));
  target = std::string(trim(*value));
  return {};
}

}  // namespace

void add_contact_options(CLI::App& cmd, ContactOptions& o, bool for_edit) {
  if (for_edit) cmd.add_option("--name", o.name, "New name")->option_text("NAME");
  cmd.add_option("--type", o.types,
                 "Relationship type (repeatable): mentor, sponsor, peer, "
                 "manager, report, customer, or your own")
      ->option_text("TYPE");
  cmd.add_option("--every", o.every, "Own check-in cadence, overriding the types' (30d, 2w, 3m)")
      ->option_text("DURATION");
  cmd.add_option("--email", o.emails, "Email address (repeatable)")->option_text("EMAIL");
  cmd.add_option("--phone", o.phones, "Phone number (repeatable)")->option_text("PHONE");
  cmd.add_option("--org", o.org, "Organisation")->option_text("ORG");
  cmd.add_option("--title", o.title, "Job title")->option_text("TITLE");
  cmd.add_option("--birthday", o.birthday, "Birthday: YYYY-MM-DD, or MM-DD without the year")
      ->option_text("DATE");
  cmd.add_option("--date", o.dates,
                 "Another yearly date, e.g. 'work anniversary=2019-03-01' "
                 "or 'met=06-21' (repeatable)")
      ->option_text("LABEL=DATE");
  cmd.add_option("--tag", o.tags, "Tag (repeatable)")->option_text("TAG");
  add_number_option(cmd, "--circle", o.circle,
                    "1 = your team and those it works with, 2 = your "
                    "organisation and field, 3 = further out",
                    "1, 2 or 3")
      ->option_text("1|2|3");
  cmd.add_option("--met-via", o.met_via, "Who introduced you (a contact, or any name)")
      ->option_text("WHO");
  cmd.add_option("--learn", o.learn, "What you want to learn from them")->option_text("TEXT");
  cmd.add_option("--offer", o.offer, "What you can offer them")->option_text("TEXT");
  cmd.add_option("--note", o.note, "A note")->option_text("TEXT");
  if (for_edit) {
    cmd.add_option("--no-type", o.no_types, "Remove a type (repeatable)")->option_text("TYPE");
    cmd.add_option("--no-tag", o.no_tags, "Remove a tag (repeatable)")->option_text("TAG");
    cmd.add_option("--no-email", o.no_emails, "Remove an email (repeatable)")->option_text("EMAIL");
    cmd.add_option("--no-phone", o.no_phones, "Remove a phone (repeatable)")->option_text("PHONE");
    cmd.add_option("--no-date", o.no_dates, "Forget a yearly date by its label (repeatable)")
        ->option_text("LABEL");
    cmd.add_flag("--no-every", o.no_every, "Drop the own cadence: follow the types' again");
    cmd.add_flag("--no-birthday", o.no_birthday, "Forget the birthday");
    cmd.add_flag("--no-circle", o.no_circle, "Forget the circle");
  }
}

bool empty(const ContactOptions& o) {
  return !o.name && o.types.empty() && o.emails.empty() && o.phones.empty() && o.tags.empty() &&
         !o.every && !o.org && !o.title && !o.birthday && !o.circle && !o.met_via && !o.learn &&
         !o.offer && !o.note && o.dates.empty() && o.no_dates.empty() && o.no_types.empty() &&
         o.no_tags.empty() && o.no_emails.empty() && o.no_phones.empty() && !o.no_every &&
         !o.no_birthday && !o.no_circle;
}

Status apply_contact_options(const ContactOptions& o, Store& store, Contact& c, Date today) {
  if (o.name) {
    auto name = normalize_name(*o.name);
    if (!name) return name.error();
    c.name = *name;
  }
  for (const auto& text : o.no_types) {
    auto type = normalize_type_name(text);
    if (!type) return type.error();
    KITH_TRY(remove_one(c.types, *type, "type", c.name, same_text));
  }
  for (const auto& text : o.types) {
    auto type = normalize_type_name(text);
    if (!type) return type.error();
    add_unique(c.types, *type, same_text);
  }
  std::sort(c.types.begin(), c.types.end());
  if (o.no_every) c.every.reset();
  if (o.every) {
    auto every = Duration::parse(*o.every);
    if (!every) return every.error();
    c.every = *every;
  }
  for (const auto& text : o.no_emails) {
    KITH_TRY(remove_one(c.emails, std::string(trim(text)), "email", c.name, same_folded));
  }
  for (const auto& text : o.emails) {
    auto email = normalize_email(text);
    if (!email) return email.error();
    add_unique(c.emails, *email, same_folded);
  }
  for (const auto& text : o.no_phones) {
    KITH_TRY(remove_one(c.phones, std::string(trim(text)), "phone", c.name, same_text));
  }
  for (const auto& text : o.phones) {
    auto phone = normalize_phone(text);
    if (!phone) return phone.error();
    add_unique(c.phones, *phone, same_text);
  }
  for (const auto& text : o.no_tags) {
    auto tag = normalize_tag(text);
    if (!tag) return tag.error();
    KITH_TRY(remove_one(c.tags, *tag, "tag", c.name, same_text));
  }
  for (const auto& text : o.tags) {
    auto tag = normalize_tag(text);
    if (!tag) return tag.error();
    add_unique(c.tags, *tag, same_text);
  }
  std::sort(c.tags.begin(), c.tags.end());
  KITH_TRY(set_text(o.org, "organisation", c.org));
  KITH_TRY(set_text(o.title, "title", c.title));
  KITH_TRY(set_text(o.learn, "learn text", c.learn));
  KITH_TRY(set_text(o.offer, "offer text", c.offer));
  KITH_TRY(set_text(o.note, "note", c.note));
  if (o.no_birthday) c.birthday.reset();
  if (o.birthday) {
    auto birthday = YearlyDate::parse(*o.birthday);
    if (!birthday) return birthday.error();
    if (birthday->year() && in_year(*birthday, *birthday->year()) > today) {
      return invalid_input("invalid birthday '" + *o.birthday +
                           "': it is in the future (today is " + today.to_string() + ")");
    }
    c.birthday = *birthday;
  }
  for (const auto& text : o.no_dates) {
    auto label = normalize_label(text);
    if (!label) return label.error();
    auto it = std::find_if(c.dates.begin(), c.dates.end(),
                           [&](const ImportantDate& d) { return same_folded(d.label, *label); });
    if (it == c.dates.end()) return invalid_input(c.name + " has no date '" + *label + "'");
    c.dates.erase(it);
  }
  for (const auto& text : o.dates) {
    std::size_t eq = text.find('=');
    if (eq == std::string::npos) {
      return invalid_input("invalid --date '" + std::string(is_valid_utf8(text) ? text : "?") +
                           "': expected LABEL=DATE, like 'work anniversary=2019-03-01'");
    }
    auto label = normalize_label(text.substr(0, eq));
    if (!label) return label.error();
    if (fold_for_match(*label) == "birthday") {
      return invalid_input("use --birthday for the birthday");
    }
    auto date = YearlyDate::parse(text.substr(eq + 1));
    if (!date) return date.error();
    std::erase_if(c.dates, [&](const ImportantDate& d) { return same_folded(d.label, *label); });
    c.dates.push_back({*label, *date});
  }
  std::sort(c.dates.begin(), c.dates.end(),
            [](const ImportantDate& a, const ImportantDate& b) { return a.label < b.label; });
  if (o.no_circle) c.circle.reset();
  if (o.circle) {
    KITH_TRY(check_circle(*o.circle));
    c.circle = *o.circle;
  }
  if (o.met_via) {
    std::string_view who = trim(*o.met_via);
    c.met_via.clear();
    c.met_via_id.reset();
    if (!who.empty()) {
      KITH_TRY(check_free_text(who, "met-via"));
      auto introducer = store.resolve(who);
      if (introducer) {
        if (introducer->id == c.id) return invalid_input(c.name + " cannot introduce themselves");
        c.met_via = introducer->name;
        c.met_via_id = introducer->id;
      } else if (introducer.error().code == Errc::not_found) {
        c.met_via = std::string(who);
      } else {
        return Error{introducer.error().code, "--met-via: " + introducer.error().message};
      }
    }
  }
  return {};
}

}  // namespace kith::cli
