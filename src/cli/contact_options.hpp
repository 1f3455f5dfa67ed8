// The contact options shared by `add` and `edit`: their registration, and their text turned
// into the ContactChange the core checks and applies (kith/contact_change.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/contact_change.hpp"

namespace CLI {
class App;
}

namespace kith::cli {

struct ContactOptions {
  std::optional<std::string> name;  // edit --name
  std::vector<std::string> types;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> tags;
  std::optional<std::string> every;
  std::optional<std::string> org;
  std::optional<std::string> title;
  std::optional<std::string> birthday;
  std::vector<std::string> dates;  // LABEL=DATE
  std::optional<int> circle;
  std::optional<std::string> met_via;
  std::optional<std::string> learn;
  std::optional<std::string> offer;
  std::optional<std::string> note;
  std::vector<std::string> akas;
  std::optional<std::string> linkedin;
  // edit only: removals
  std::vector<std::string> no_akas;
  bool no_linkedin = false;
  std::vector<std::string> no_types;
  std::vector<std::string> no_tags;
  std::vector<std::string> no_emails;
  std::vector<std::string> no_phones;
  std::vector<std::string> no_dates;  // labels
  bool no_every = false;
  bool no_birthday = false;
  bool no_circle = false;
  bool target = false;     // --target
  bool no_target = false;  // edit only: --no-target
};

// Adds the options of `kith add` to `command`; with `for_edit`, also --name and the --no-*
// removals of `kith edit`.
void add_contact_options(CLI::App& command, ContactOptions& options, bool for_edit);

// The change the options ask for: --every, --birthday and each --date LABEL=DATE parsed (an
// error naming the text otherwise), everything else as given.
Result<ContactChange> contact_change(const ContactOptions& options);

}  // namespace kith::cli
