// kith archive WHO, kith unarchive WHO, kith rm WHO --yes.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/contacts.hpp"

namespace kith::cli {
namespace {

struct WhoOptions {
  std::string who;
  bool yes = false;
};

Status set_archived(Context& ctx, const WhoOptions& o, bool archived) {
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto result = archive_contact(*store, o.who, archived, ctx.today);
  if (!result) return result.error();
  const Contact& contact = result->view.contact;
  if (ctx.json) {
    print_json(contact_json(contact, result->view.due));
    return {};
  }
  std::string name = printable(contact.name);
  if (!result->changed) {
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
  auto removed = remove_contact(*store, o.who, o.yes, ctx.today);
  if (!removed) return removed.error();
  const Contact& contact = removed->contact;
  std::size_t interactions = removed->interactions;
  if (ctx.json) {
    print_json({{"deleted", {{"id", contact.id}, {"uuid", contact.uuid}, {"name", contact.name}}},
                {"interactions", interactions},
                {"journal_changes_erased", removed->changes_forgotten}});
    return {};
  }
  std::int64_t erased = removed->changes_forgotten;
  fmt::print("Deleted {} (#{}) with {} interaction{}", printable(contact.name), contact.id,
             interactions, interactions == 1 ? "" : "s");
  if (erased > 0) {
    fmt::print(", and {} change{} in the undo journal that held a trace of them", erased,
               erased == 1 ? "" : "s");
  }
  fmt::print(". This cannot be undone.\n");
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
