// kith add NAME [options]: add a contact.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/contact_options.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/contacts.hpp"

namespace kith::cli {
namespace {

struct AddOptions {
  std::vector<std::string> name;
  ContactOptions contact;
  bool force = false;
};

Status run_add(Context& ctx, const AddOptions& o) {
  auto change = contact_change(o.contact);
  if (!change) return change.error();
  change->name = join_words(o.name);
  // Bad input neither creates nor waits for a database.
  auto checked = normalize_change(*change, ctx.today);
  if (!checked) return checked.error();

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto added = add_contact(*store, *change, ctx.today, o.force);
  if (!added) return added.error();
  const Contact& stored = added->contact;
  const Due& due = added->due;
  if (ctx.json) {
    print_json(contact_json(stored, due));
    return {};
  }
  Painter paint(ctx.color);
  std::string line =
      fmt::format("Added {} (#{})", paint(Paint::bold, printable(stored.name)), stored.id);
  if (!stored.types.empty()) line += ": " + join(stored.types);
  if (due.cadence && due.next) {
    line += fmt::format(". Check in every {}; first due {} ({}).", due.cadence->to_human(),
                        due.next->to_string(), relative(*due.next, ctx.today));
  } else {
    line += ". No cadence: give it a --type or --every to be reminded to check in.";
  }
  fmt::print("{}\n", line);
  return {};
}

}  // namespace

void add_add_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("name", options->name, "The person's name (quotes optional)")
      ->required()
      ->option_text("NAME");
  add_contact_options(*cmd, options->contact, false);
  cmd->add_flag("--force", options->force,
                "Add a namesake: someone whose name already is a contact's whole name");
  cmd->footer(
      "Example:\n  kith add Ada Lovelace --type mentor --org 'Analytical Engines' "
      "--learn 'how she picks problems' --offer 'intro to the compiler team'");
  on_chosen(*cmd, options, action, run_add);
}

}  // namespace kith::cli
