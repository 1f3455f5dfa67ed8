// kith intro A B SUMMARY [--on DATE] [--via CHANNEL] [--how TEXT]: log an introduction you
// made: a give to both, and A now knows B.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/path_text.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/introductions.hpp"

namespace kith::cli {
namespace {

struct IntroOptions {
  std::vector<std::string> args;  // A B SUMMARY
  std::optional<std::string> on;
  std::optional<std::string> via;
  std::optional<std::string> how;
};

Status run_intro(Context& ctx, const IntroOptions& o) {
  if (o.args.size() != 3) {
    return invalid_input(
        "give two people and what happened: kith intro A B SUMMARY (e.g. kith intro ada lin "
        "\"Introduced them about the data team\")");
  }
  IntroRequest request;
  request.a = o.args[0];
  request.b = o.args[1];
  request.summary = o.args[2];
  request.how = o.how;
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
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_intro(request, ctx.today));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto done = introduce(*store, request, ctx.today);
  if (!done) return done.error();
  const Interaction& i = done->logged.interaction;
  const KnowsRecorded& k = done->knows;
  if (ctx.json) {
    const char* outcome = k.outcome == KnowsRecorded::Outcome::added     ? "added"
                          : k.outcome == KnowsRecorded::Outcome::updated ? "updated"
                                                                         : "unchanged";
    const bool a_first = k.link.a == k.a.id;
    print_json(
        {{"interaction", interaction_json(i)},
         {"link", knows_json(k.link, a_first ? k.a.name : k.b.name, a_first ? k.b.name : k.a.name)},
         {"link_outcome", outcome}});
    return {};
  }
  fmt::print("Logged the introduction of {} and {} on {} ({} to both).\n", printable(k.a.name),
             printable(k.b.name), i.day.to_string(), value_label(i.direction, i.weight));
  std::string how = k.link.how.empty() ? "" : fmt::format(" ({})", printable(k.link.how));
  fmt::print("{} {} {}{}.\n", printable(k.a.name),
             k.outcome == KnowsRecorded::Outcome::added ? "now knows" : "already knew",
             printable(k.b.name), how);
  for (const LoggedPerson& p : done->logged.people) {
    if (p.was_target) {
      fmt::print("{} is no longer a target: you know them now.\n", printable(p.contact.name));
    }
  }
  return {};
}

}  // namespace

void add_intro_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<IntroOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("args", options->args, "The two people you introduced, then what happened")
      ->required()
      ->option_text("A B SUMMARY");
  cmd->add_option("--on", options->on, "When it happened (default today; 'friday', '3 days ago')")
      ->option_text("DATE");
  cmd->add_option("--via,--channel", options->via,
                  "How: call, video, email, message, coffee, meal, meeting, event, social, "
                  "other (default other)")
      ->option_text("CHANNEL");
  cmd->add_option("--how", options->how,
                  "How they know each other now (default: introduced by you on DAY)")
      ->option_text("TEXT");
  cmd->footer(
      "One change: kith undo reverts the interaction and the link together.\n"
      "Examples:\n  kith intro ada lin \"Introduced them about the data team\"\n"
      "  kith intro ada lin \"Intro by email\" --via email --on yesterday");
  on_chosen(*cmd, options, action, run_intro);
}

}  // namespace kith::cli
