// kith add NAME [options]: add a contact.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/contact_options.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

struct AddOptions {
  std::vector<std::string> name;
  ContactOptions contact;
};

Status run_add(Context& ctx, const AddOptions& o) {
  auto name = normalize_name(join_words(o.name));
  if (!name) return name.error();
  Contact contact;
  contact.name = *name;
  contact.added_on = ctx.today;

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  std::int64_t id = 0;
  KITH_TRY(store->write([&]() -> Status {
    KITH_TRY(apply_contact_options(o.contact, *store, contact, ctx.today));
    auto added = store->add_contact(contact);
    if (!added) return added.error();
    id = *added;
    return {};
  }));

  auto stored = store->contact(id);
  if (!stored) return stored.error();
  auto types = store->types();
  if (!types) return types.error();
  Due due = due_of(*stored, *types, ctx.today);
  if (ctx.json) {
    print_json(contact_json(*stored, due));
    return {};
  }
  Painter paint(ctx.color);
  std::string line =
      fmt::format("Added {} (#{})", paint(Paint::bold, printable(stored->name)), stored->id);
  if (!stored->types.empty()) line += ": " + join(stored->types);
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
  cmd->footer(
      "Example:\n  kith add Ada Lovelace --type mentor --org 'Analytical Engines' "
      "--learn 'how she picks problems' --offer 'intro to the compiler team'");
  on_chosen(*cmd, options, action, run_add);
}

}  // namespace kith::cli
