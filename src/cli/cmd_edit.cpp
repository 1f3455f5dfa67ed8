// kith edit WHO [options]: change a contact.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/contact_options.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

struct EditOptions {
  std::string who;
  ContactOptions contact;
};

Status run_edit(Context& ctx, const EditOptions& o) {
  if (empty(o.contact)) {
    return invalid_input(
        "nothing to change: give an option such as --org, --type or --name "
        "(see 'kith edit --help')");
  }
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  Contact contact;
  KITH_TRY(store->write([&]() -> Status {
    auto found = store->resolve(o.who);
    if (!found) return found.error();
    contact = *found;
    KITH_TRY(apply_contact_options(o.contact, *store, contact, ctx.today));
    return store->update_contact(contact);
  }));
  auto stored = store->contact(contact.id);
  if (!stored) return stored.error();
  auto types = store->types();
  if (!types) return types.error();
  Due due = due_of(*stored, *types, ctx.today);
  if (ctx.json) {
    print_json(contact_json(*stored, due));
    return {};
  }
  std::string line = fmt::format("Updated {} (#{})", printable(stored->name), stored->id);
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
