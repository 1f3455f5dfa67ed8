// kith archive WHO, kith unarchive WHO, kith rm WHO --yes.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

struct WhoOptions {
  std::string who;
  bool yes = false;
};

Status set_archived(Context& ctx, const WhoOptions& o, bool archived) {
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  Contact contact;
  bool changed = false;
  KITH_TRY(store->write([&]() -> Status {
    auto found = store->resolve(o.who);
    if (!found) return found.error();
    contact = *found;
    if (contact.archived == archived) return {};
    contact.archived = archived;
    changed = true;
    return store->update_contact(contact);
  }));
  if (ctx.json) {
    auto types = store->types();
    if (!types) return types.error();
    auto stored = store->contact(contact.id);
    if (!stored) return stored.error();
    print_json(contact_json(*stored, due_of(*stored, *types, ctx.today)));
    return {};
  }
  std::string name = printable(contact.name);
  if (!changed) {
    fmt::print("{} (#{}) is already {}.\n", name, contact.id, archived ? "archived" : "active");
  } else if (archived) {
    fmt::print("Archived {} (#{}): kept with their history, never due.\n", name, contact.id);
  } else {
    fmt::print("Unarchived {} (#{}).\n", name, contact.id);
  }
  return {};
}

Status run_rm(Context& ctx, const WhoOptions& o) {
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  Contact contact;
  std::size_t interactions = 0;
  KITH_TRY(store->write([&]() -> Status {
    auto found = store->resolve(o.who);
    if (!found) return found.error();
    contact = *found;
    HistoryQuery query;
    query.contact_id = contact.id;
    auto history = store->history(query);
    if (!history) return history.error();
    interactions = history->size();
    if (!o.yes) {
      return invalid_input(fmt::format(
          "refusing to delete {} (#{}) and {} interaction{} without --yes (or 'kith archive' "
          "to keep them)",
          contact.name, contact.id, interactions, interactions == 1 ? "" : "s"));
    }
    return store->remove_contact(contact.id);
  }));
  if (ctx.json) {
    print_json({{"deleted", {{"id", contact.id}, {"uuid", contact.uuid}, {"name", contact.name}}},
                {"interactions", interactions}});
    return {};
  }
  fmt::print("Deleted {} (#{}) with {} interaction{}.\n", printable(contact.name), contact.id,
             interactions, interactions == 1 ? "" : "s");
  return {};
}

void add_who_command(CLI::App& command, Action& action, const char* name,
                     Status (*run)(Context&, const WhoOptions&)) {
  auto options = std::make_shared<WhoOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "The contact: id, or name or a unique part of it")
      ->required()
      ->option_text("WHO");
  if (std::string_view(name) == "rm") {
    cmd->add_flag("-y,--yes", options->yes, "Really delete, with all the history");
  }
  on_chosen(*cmd, options, action, run);
}

}  // namespace

void add_archive_command(CLI::App& command, Action& action) {
  add_who_command(command, action, "archive",
                  [](Context& ctx, const WhoOptions& o) { return set_archived(ctx, o, true); });
}

void add_unarchive_command(CLI::App& command, Action& action) {
  add_who_command(command, action, "unarchive",
                  [](Context& ctx, const WhoOptions& o) { return set_archived(ctx, o, false); });
}

void add_rm_command(CLI::App& command, Action& action) {
  add_who_command(command, action, "rm", run_rm);
}

}  // namespace kith::cli
