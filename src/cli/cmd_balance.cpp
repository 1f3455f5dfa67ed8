// kith balance [WHO]: the give/receive ledger per person, most negative first.
#include <fmt/core.h>

#include <algorithm>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"

namespace kith::cli {
namespace {

struct BalanceOptions {
  std::optional<std::string> who;
  bool all = false;
};

Status run_balance(Context& ctx, const BalanceOptions& o) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  Painter paint(ctx.color);
  StreamedTable table({{"ID", Table::Align::right},
                       {"NAME"},
                       {"GAVE", Table::Align::right},
                       {"RECEIVED", Table::Align::right},
                       {"NET", Table::Align::right},
                       {"LAST GAVE"}},
                      paint);
  JsonArrayPrinter json;
  const auto print = [&](const Contact& c) {
    const Balance& b = c.balance;
    if (ctx.json) {
      Json row;
      row["id"] = c.id;
      row["name"] = c.name;
      row.update(balance_json(b));
      json.add(row);
      return;
    }
    table.add({{std::to_string(c.id), Paint::dim},
               {printable(c.name), Paint::bold},
               {std::to_string(b.given)},
               {std::to_string(b.received)},
               {signed_number(b.net()), b.net() < 0 ? Paint::yellow : Paint::green},
               {b.last_gave ? fmt::format("{} ({})", b.last_gave->to_string(),
                                          relative(*b.last_gave, ctx.today))
                            : "never"}});
  };
  std::size_t count = 0;
  if (o.who) {
    auto contact = store->resolve(*o.who);
    if (!contact) return contact.error();
    print(*contact);
    count = 1;
  } else {
    // Streamed in the store's order, the most negative first: a network of any size is
    // printed without holding it.
    ContactQuery everyone;
    everyone.by_balance = true;
    everyone.targets = false;  // people you do not know yet have no balance to show
    everyone.traded_only = !o.all;
    KITH_TRY(store->stream_contacts(everyone, [&](Contact&& c) -> Status {
      print(c);
      ++count;
      return {};
    }));
  }
  if (ctx.json) {
    json.finish();
    return {};
  }
  if (count == 0) {
    if (!store->missing()) {
      fmt::print(
          "Nothing given or received yet. Mark interactions with 'kith log ... --gave' "
          "or '--received'.\n");
    }
    return {};
  }
  table.finish();
  return {};
}

}  // namespace

void add_balance_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<BalanceOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("who", options->who, "Only this contact")->option_text("WHO");
  cmd->add_flag("-a,--all", options->all, "Include people with nothing given or received");
  cmd->footer(
      "Weights: each interaction marked --gave adds its weight to what you gave, each "
      "--received to\nwhat you received; mutual ones count in neither.");
  on_chosen(*cmd, options, action, run_balance);
}

}  // namespace kith::cli
