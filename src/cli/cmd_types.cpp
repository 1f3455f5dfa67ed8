// kith types; kith types set TYPE ...; kith types add TYPE ...
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/types.hpp"

namespace kith::cli {
namespace {

struct TypeOptions {
  std::string name;
  std::optional<std::string> every;  // a duration, or "none"
  std::optional<int> weight;
};

// --every (a duration, or "none") and --weight as a TypeChange.
Result<TypeChange> parse_change(const TypeOptions& o) {
  TypeChange change;
  if (o.every) {
    if (*o.every == "none") {
      change.every = std::optional<Duration>();
    } else {
      auto every = Duration::parse(*o.every);
      if (!every) return every.error();
      change.every = std::optional<Duration>(*every);
    }
  }
  change.weight = o.weight;
  return change;
}

void print_types(const Context& ctx, const TypeTable& table) {
  if (ctx.json) {
    Json out = Json::array();
    for (const auto& t : table.types) out.push_back(type_json(t, table.count(t.name)));
    print_json(out);
    return;
  }
  Painter paint(ctx.color);
  Table rows({{"TYPE"},
              {"EVERY"},
              {"WEIGHT", Table::Align::right},
              {"CONTACTS", Table::Align::right},
              {""}});
  for (const auto& t : table.types) {
    rows.add({{t.name, Paint::bold},
              {t.every ? t.every->to_human() : "never due"},
              {std::to_string(t.weight)},
              {std::to_string(table.count(t.name))},
              {t.builtin ? "" : "yours", Paint::dim}});
  }
  fmt::print("{}", rows.render(paint));
}

Status run_types(Context& ctx, const TypeOptions&) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  auto table = type_table(*store);
  if (!table) return table.error();
  print_types(ctx, *table);
  return {};
}

Status run_change(Context& ctx, const TypeOptions& o, bool adding) {
  auto change = parse_change(o);
  if (!change) return change.error();
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_type_change(o.name, *change, adding));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto edit = adding ? add_type(*store, o.name, *change, ctx.today)
                     : set_type(*store, o.name, *change, ctx.today);
  if (!edit) return edit.error();
  if (ctx.json) {
    print_types(ctx, edit->table);
  } else {
    fmt::print("{} type '{}'.\n", adding ? "Added" : "Updated", edit->name);
  }
  return {};
}

}  // namespace

void add_types_command(CLI::App& command, Action& action) {
  auto list = std::make_shared<TypeOptions>();
  CLI::App* cmd = &command;
  cmd->require_subcommand(0, 1);
  for (bool adding : {false, true}) {
    auto options = std::make_shared<TypeOptions>();
    CLI::App* sub = cmd->add_subcommand(
        adding ? "add" : "set",
        adding ? "Add your own type" : "Change a type's default cadence or weight");
    sub->add_option("type", options->name, "The type's name")->required()->option_text("TYPE");
    sub->add_option("--every", options->every,
                    "Default check-in cadence (30d, 2w, 3m), or 'none' for never due")
        ->option_text("DURATION");
    add_number_option(*sub, "--weight", options->weight, "Importance, 1 (low) to 5 (high)",
                      fmt::format("a whole number from {} to {}", kMinWeight, kMaxWeight))
        ->option_text("N");
    on_chosen(*sub, options, action,
              [adding](Context& ctx, const TypeOptions& o) { return run_change(ctx, o, adding); });
  }
  cmd->callback([cmd, list, &action] {
    if (cmd->get_subcommands().empty()) {
      action = [list](Context& ctx) { return run_types(ctx, *list); };
    }
  });
}

}  // namespace kith::cli
