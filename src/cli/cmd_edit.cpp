// kith edit WHO [options]: change a contact.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/contact_options.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/contacts.hpp"

namespace kith::cli {
namespace {

struct EditOptions {
  std::string who;
  ContactOptions contact;
};

Status run_edit(Context& ctx, const EditOptions& o) {
  auto change = contact_change(o.contact);
  if (!change) return change.error();
  if (empty(*change)) {
    return invalid_input(
        "nothing to change: give an option such as --org, --type or --name "
        "(see 'kith edit --help')");
  }
  // Bad input neither creates nor waits for a database.
  auto checked = normalize_change(*change, ctx.today);
  if (!checked) return checked.error();

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto edited = edit_contact(*store, o.who, *change, ctx.today);
  if (!edited) return edited.error();
  const Contact& stored = edited->contact;
  const Due& due = edited->due;
  if (ctx.json) {
    print_json(contact_json(stored, due));
    return {};
  }
  std::string line = fmt::format("Updated {} (#{})", printable(stored.name), stored.id);
  if (due.next) line += fmt::format("; next check-in due {}", due.next->to_string());
  fmt::print("{}.\n", line);
  return {};
}

}  // namespace

void add_edit_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<EditOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "The contact: id, or name or a unique part of it")
      ->required()
      ->option_text("WHO");
  add_contact_options(*cmd, options->contact, true);
  cmd->footer(
      "Lists (--type, --tag, --email, --phone) are added to; --no-* removes.\n"
      "An empty text (--org '') clears a field.");
  on_chosen(*cmd, options, action, run_edit);
}

}  // namespace kith::cli
