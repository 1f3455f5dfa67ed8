// kith types; kith types set TYPE ...; kith types add TYPE ...
#include <fmt/core.h>

#include <map>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

struct TypeOptions {
  std::string name;
  std::optional<std::string> every;  // a duration, or "none"
  std::optional<int> weight;
};

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
  if (o.weight) {
    KITH_TRY(check_weight(*o.weight, "weight"));
    change.weight = *o.weight;
  }
  return change;
}

Status print_types(Context& ctx, Store& store) {
  auto types = store.types();
  if (!types) return types.error();
  auto found = store.type_counts();
  if (!found) return found.error();
  std::map<std::string, std::int64_t>& counts = *found;
  if (ctx.json) {
    Json out = Json::array();
    for (const auto& t : *types) out.push_back(type_json(t, counts[t.name]));
    print_json(out);
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"TYPE"},
               {"EVERY"},
               {"WEIGHT", Table::Align::right},
               {"CONTACTS", Table::Align::right},
               {""}});
  for (const auto& t : *types) {
    table.add({{t.name, Paint::bold},
               {t.every ? t.every->to_human() : "never due"},
               {std::to_string(t.weight)},
               {std::to_string(counts[t.name])},
               {t.builtin ? "" : "yours", Paint::dim}});
  }
  fmt::print("{}", table.render(paint));
  return {};
}

Status run_types(Context& ctx, const TypeOptions&) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  return print_types(ctx, *store);
}

Status run_change(Context& ctx, const TypeOptions& o, bool adding) {
  auto name = normalize_type_name(o.name);
  if (!name) return name.error();
  auto change = parse_change(o);
  if (!change) return change.error();
  if (!adding && !change->every && !change->weight) {
    return invalid_input("nothing to change for type '" + *name + "': give --every or --weight");
  }
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  KITH_TRY(store->write([&]() -> Status {
    if (!adding) return store->change_type(*name, *change);
    RelationshipType type;
    type.name = *name;
    if (change->every) type.every = *change->every;
    type.weight = change->weight.value_or(3);
    return store->add_type(type);
  }));
  if (!ctx.json) {
    fmt::print("{} type '{}'.\n", adding ? "Added" : "Updated", *name);
  }
  return ctx.json ? print_types(ctx, *store) : Status{};
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
