// kith amend ID [--on DATE] [--via CHANNEL] [--gave|--received|--mutual] [--weight N]
//                [--summary TEXT] [--with WHO]... [--without WHO]...;
// kith unlog ID: correct or delete a logged interaction.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/interactions.hpp"

namespace kith::cli {
namespace {

struct AmendOptions {
  std::string id;
  std::optional<std::string> on;
  std::optional<std::string> via;
  bool gave = false;
  bool received = false;
  bool mutual = false;
  std::optional<int> weight;
  std::optional<std::string> summary;
  std::vector<std::string> with;
  std::vector<std::string> without;
};

// The interaction id "12" or "#12", or invalid_input naming the text.
Result<std::int64_t> interaction_id(std::string_view text) {
  return record_id(text, "interaction", "kith history");
}

Status run_amend(Context& ctx, const AmendOptions& o) {
  auto id = interaction_id(o.id);
  if (!id) return id.error();
  AmendRequest request;
  request.id = *id;
  if (o.on) {
    auto day = parse_date(*o.on, ctx.today, WeekdayRule::most_recent_or_today);
    if (!day) return Error{day.error().code, "--on: " + day.error().message};
    request.on = *day;
  }
  if (o.via) {
    auto channel = parse_channel(*o.via);
    if (!channel) return channel.error();
    request.via = *channel;
  }
  request.gave = o.gave;
  request.received = o.received;
  request.mutual = o.mutual;
  request.weight = o.weight;
  request.summary = o.summary;
  request.with = o.with;
  request.without = o.without;
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_amend(request, ctx.today));

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto amended = amend_interaction(*store, request, ctx.today);
  if (!amended) return amended.error();
  if (ctx.json) {
    print_json(interaction_json(amended->after));
    return {};
  }
  std::string line =
      fmt::format("Amended #{}: {}", amended->after.id, interaction_line(amended->after));
  if (int plans_done = amended->plans_done) {
    line += fmt::format("; planned outreach done{}",
                        plans_done > 1 ? fmt::format(" ({})", plans_done) : std::string());
  }
  fmt::print("{}.\n", line);
  return {};
}

struct UnlogOptions {
  std::string id;
};

Status run_unlog(Context& ctx, const UnlogOptions& o) {
  auto id = interaction_id(o.id);
  if (!id) return id.error();
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto gone = unlog_interaction(*store, *id, ctx.today);
  if (!gone) return gone.error();
  if (ctx.json) {
    print_json(interaction_json(*gone));
    return {};
  }
  fmt::print("Unlogged #{}: {} (kith undo brings it back).\n", gone->id, interaction_line(*gone));
  return {};
}

}  // namespace

void add_amend_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<AmendOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The interaction's id (see 'kith history')")
      ->required()
      ->option_text("ID");
  cmd->add_option("--on", options->on, "When it happened ('friday', '3 days ago', 2026-11-20)")
      ->option_text("DATE");
  cmd->add_option("--via", options->via,
                  "How: call, video, email, message, coffee, meal, "
                  "meeting, event, social, other")
      ->option_text("CHANNEL");
  cmd->add_flag("--gave", options->gave, "You gave value");
  cmd->add_flag("--received", options->received, "You received value");
  cmd->add_flag("--mutual", options->mutual, "Neither: a mutual exchange");
  add_number_option(*cmd, "--weight", options->weight, "How much value flowed, 1 to 5",
                    fmt::format("a whole number from {} to {}", kMinWeight, kMaxWeight))
      ->option_text("N");
  cmd->add_option("--summary", options->summary, "What happened")->option_text("TEXT");
  cmd->add_option("--with", options->with, "Someone else who took part (repeatable)")
      ->option_text("WHO");
  cmd->add_option("--without", options->without, "Someone who did not take part (repeatable)")
      ->option_text("WHO");
  cmd->footer(
      "Balances, last contact and next check-ins follow at once.\n"
      "Example:\n  kith amend 12 --on yesterday --gave --weight 3 --with grace");
  on_chosen(*cmd, options, action, run_amend);
}

void add_unlog_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<UnlogOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("id", options->id, "The interaction's id (see 'kith history')")
      ->required()
      ->option_text("ID");
  cmd->footer(
      "Balances, last contact and next check-ins follow at once; kith undo brings it back.");
  on_chosen(*cmd, options, action, run_unlog);
}

}  // namespace kith::cli
