// The contact options shared by `add` and `edit`, and how they change a Contact.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/contact.hpp"
#include "kith/store.hpp"

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
  // edit only: removals
  std::vector<std::string> no_types;
  std::vector<std::string> no_tags;
  std::vector<std::string> no_emails;
  std::vector<std::string> no_phones;
  std::vector<std::string> no_dates;  // labels
  bool no_every = false;
  bool no_birthday = false;
  bool no_circle = false;
};

// Adds the options of `kith add` to `command`; with `for_edit`, also --name and the --no-*
// removals of `kith edit`.
void add_contact_options(CLI::App& command, ContactOptions& options, bool for_edit);

// Applies the options to `contact`: validates every value (invalid_input naming it), adds
// the lists' values (an edit adds to what is there), resolves --met-via against the store
// (a contact when one matches, else kept as written; ambiguous is an error).
Status apply_contact_options(const ContactOptions& options, Store& store, Contact& contact,
                             Date today);

// True when the options change nothing (an edit without options).
bool empty(const ContactOptions& options);

}  // namespace kith::cli
