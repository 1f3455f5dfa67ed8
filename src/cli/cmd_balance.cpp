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
  std::vector<Contact> people;
  if (o.who) {
    auto contact = store->resolve(*o.who);
    if (!contact) return contact.error();
    people.push_back(*contact);
  } else {
    auto contacts = store->contacts({});
    if (!contacts) return contacts.error();
    for (auto& c : *contacts) {
      if (o.all || c.balance.given || c.balance.received) people.push_back(std::move(c));
    }
    std::stable_sort(people.begin(), people.end(), [](const Contact& a, const Contact& b) {
      return a.balance.net() < b.balance.net();
    });
  }

  if (ctx.json) {
    Json out = Json::array();
    for (const auto& c : people) {
      Json row;
      row["id"] = c.id;
      row["name"] = c.name;
      row.update(balance_json(c.balance));
      out.push_back(std::move(row));
    }
    print_json(out);
    return {};
  }
  if (people.empty()) {
    if (!store->missing()) {
      fmt::print("Nothing given or received yet. Mark interactions with 'kith log ... --gave' "
                 "or '--received'.\n");
    }
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"ID", Table::Align::right}, {"NAME"}, {"GAVE", Table::Align::right},
               {"RECEIVED", Table::Align::right}, {"NET", Table::Align::right},
               {"LAST GAVE"}});
  for (const auto& c : people) {
    const Balance& b = c.balance;
    table.add({{std::to_string(c.id), Paint::dim},
               {printable(c.name), Paint::bold},
               {std::to_string(b.given)},
               {std::to_string(b.received)},
               {signed_number(b.net()), b.net() < 0 ? Paint::yellow : Paint::green},
               {b.last_gave ? fmt::format("{} ({})", b.last_gave->to_string(),
                                          relative(*b.last_gave, ctx.today))
                            : "never"}});
  }
  fmt::print("{}", table.render(paint));
  return {};
}

}  // namespace

void add_balance_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<BalanceOptions>();
  CLI::App* cmd = app.add_subcommand("balance");
  cmd->add_option("who", options->who, "Only this contact")->option_text("WHO");
  cmd->add_flag("-a,--all", options->all, "Include people with nothing given or received");
  cmd->footer("Weights: each interaction marked --gave adds its weight to what you gave, each "
              "--received to\nwhat you received; mutual ones count in neither.");
  on_chosen(*cmd, options, action, run_balance);
}

}  // namespace kith::cli
