// kith dates [--ahead DAYS]: birthdays and important dates coming up.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

constexpr int kDefaultAhead = 30;

struct DatesOptions {
  int ahead = kDefaultAhead;
};

Status run_dates(Context& ctx, const DatesOptions& o) {
  if (o.ahead < 0 || o.ahead > 366) {
    return invalid_input(fmt::format("invalid --ahead {}: expected 0 to 366 days", o.ahead));
  }
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto found = store->occasions(ctx.today, o.ahead);  // through the month-day indexes
  if (!found) return found.error();
  const std::vector<Occasion>& occasions = *found;
  if (ctx.json) {
    Json out = Json::array();
    for (const auto& occasion : occasions) out.push_back(occasion_json(occasion));
    print_json(out);
    return {};
  }
  if (occasions.empty()) {
    if (!store->missing()) fmt::print("Nothing in the next {} days.\n", o.ahead);
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"DAY"}, {"WHEN"}, {"WHO"}, {"WHAT"}});
  for (const auto& occasion : occasions) {
    std::string what = occasion.label;
    std::string years = years_phrase(occasion.label, occasion.years);
    if (!years.empty()) what += " (" + years + ")";
    table.add(
        {{occasion.on.to_string()},
         {relative(occasion.on, ctx.today), occasion.on == ctx.today ? Paint::green : Paint::dim},
         {printable(occasion.name), Paint::bold},
         {printable(what)}});
  }
  fmt::print("{}", table.render(paint));
  return {};
}

}  // namespace

void add_dates_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<DatesOptions>();
  CLI::App* cmd = &command;
  add_number_option(*cmd, "--ahead", options->ahead, "How many days to look ahead (default 30)",
                    "a whole number of days from 0 to 366")
      ->option_text("DAYS");
  on_chosen(*cmd, options, action, run_dates);
}

}  // namespace kith::cli
