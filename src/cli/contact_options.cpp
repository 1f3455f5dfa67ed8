#include "cli/contact_options.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_util.hpp"
#include "kith/text.hpp"

namespace kith::cli {

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
  cmd.add_option("--aka", o.akas,
                 "Another name they go by: a nickname, their name in another script "
                 "(repeatable); WHO finds them by it")
      ->option_text("NAME");
  cmd.add_option("--linkedin", o.linkedin,
                 "Their LinkedIn profile URL, which LinkedIn imports recognise them by")
      ->option_text("URL");
  cmd.add_flag("--target", o.target,
               "Someone you want to meet but do not know yet: never due; kith path finds "
               "routes to them");
  if (for_edit) {
    cmd.add_flag("--no-target", o.no_target, "Make a target a normal contact");
    cmd.add_option("--no-type", o.no_types, "Remove a type (repeatable)")->option_text("TYPE");
    cmd.add_option("--no-tag", o.no_tags, "Remove a tag (repeatable)")->option_text("TAG");
    cmd.add_option("--no-email", o.no_emails, "Remove an email (repeatable)")->option_text("EMAIL");
    cmd.add_option("--no-phone", o.no_phones, "Remove a phone (repeatable)")->option_text("PHONE");
    cmd.add_option("--no-date", o.no_dates, "Forget a yearly date by its label (repeatable)")
        ->option_text("LABEL");
    cmd.add_option("--no-aka", o.no_akas, "Forget another name (repeatable)")->option_text("NAME");
    cmd.add_flag("--no-linkedin", o.no_linkedin, "Forget the LinkedIn profile");
    cmd.add_flag("--no-every", o.no_every, "Drop the own cadence: follow the types' again");
    cmd.add_flag("--no-birthday", o.no_birthday, "Forget the birthday");
    cmd.add_flag("--no-circle", o.no_circle, "Forget the circle");
  }
}

Result<ContactChange> contact_change(const ContactOptions& o) {
  ContactChange change;
  change.name = o.name;
  change.types = o.types;
  change.no_types = o.no_types;
  if (o.every) {
    auto every = Duration::parse(*o.every);
    if (!every) return every.error();
    change.every = *every;
  }
  change.no_every = o.no_every;
  change.emails = o.emails;
  change.no_emails = o.no_emails;
  change.phones = o.phones;
  change.no_phones = o.no_phones;
  change.tags = o.tags;
  change.no_tags = o.no_tags;
  change.org = o.org;
  change.title = o.title;
  change.learn = o.learn;
  change.offer = o.offer;
  change.note = o.note;
  if (o.birthday) {
    auto birthday = YearlyDate::parse(*o.birthday);
    if (!birthday) return birthday.error();
    change.birthday = *birthday;
  }
  change.no_birthday = o.no_birthday;
  for (const std::string& text : o.dates) {
    std::size_t eq = text.find('=');
    if (eq == std::string::npos) {
      return invalid_input("invalid --date '" + std::string(is_valid_utf8(text) ? text : "?") +
                           "': expected LABEL=DATE, like 'work anniversary=2019-03-01'");
    }
    auto date = YearlyDate::parse(text.substr(eq + 1));
    if (!date) return date.error();
    change.dates.push_back({text.substr(0, eq), *date});
  }
  change.no_dates = o.no_dates;
  change.circle = o.circle;
  change.no_circle = o.no_circle;
  change.met_via = o.met_via;
  change.akas = o.akas;
  change.no_akas = o.no_akas;
  change.linkedin = o.linkedin;
  change.no_linkedin = o.no_linkedin;
  if (o.target && o.no_target) {
    return invalid_input("--target and --no-target exclude each other: give one");
  }
  if (o.target) change.target = true;
  if (o.no_target) change.target = false;
  return change;
}

}  // namespace kith::cli
