// kith log WHO... SUMMARY [--on DATE] [--via CHANNEL] [--gave|--received] [--weight N]
//          [--next DATE TEXT]: log an interaction with one or more people.
#include <fmt/core.h>

#include <algorithm>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"

namespace kith::cli {
namespace {

struct LogOptions {
  std::vector<std::string> args;  // WHO... SUMMARY
  std::optional<std::string> on;
  std::optional<std::string> via;
  bool gave = false;
  bool received = false;
  int weight = kDefaultInteractionWeight;
  std::vector<std::string> next;  // DATE TEXT
};

Status run_log(Context& ctx, const LogOptions& o) {
  if (o.args.size() < 2) {
    return invalid_input(
        "give who and what: kith log WHO... SUMMARY (e.g. kith log ada "
        "\"Coffee about the reorg\")");
  }
  Interaction interaction;
  interaction.summary = std::string(trim(o.args.back()));
  if (is_blank(interaction.summary)) return invalid_input("empty summary: say what happened");
  KITH_TRY(check_free_text(interaction.summary, "summary"));
  interaction.day = ctx.today;
  if (o.on) {
    auto day = parse_date(*o.on, ctx.today, WeekdayRule::most_recent_or_today);
    if (!day) return Error{day.error().code, "--on: " + day.error().message};
    if (*day > ctx.today) {
      return invalid_input(
          fmt::format("--on {} is in the future (today is {}); use 'kith remind' "
                      "for what is still to come",
                      day->to_string(), ctx.today.to_string()));
    }
    interaction.day = *day;
  }
  if (o.via) {
    auto channel = parse_channel(*o.via);
    if (!channel) return channel.error();
    interaction.channel = *channel;
  }
  if (o.gave && o.received) {
    return invalid_input(
        "--gave and --received exclude each other: give one direction, or "
        "neither for a mutual exchange");
  }
  if (o.gave) interaction.direction = Direction::gave;
  if (o.received) interaction.direction = Direction::received;
  KITH_TRY(check_weight(o.weight, "weight"));
  interaction.weight = o.weight;

  std::optional<Reminder> followup;
  if (!o.next.empty()) {
    if (o.next.size() != 2) {
      return invalid_input("--next needs a DATE and a TEXT: --next friday \"Send the slides\"");
    }
    auto due = parse_date(o.next[0], ctx.today);
    if (!due) return Error{due.error().code, "--next: " + due.error().message};
    if (*due < ctx.today) {
      return invalid_input(fmt::format("--next {} is in the past (today is {})", due->to_string(),
                                       ctx.today.to_string()));
    }
    Reminder r;
    r.kind = ReminderKind::followup;
    r.due = *due;
    r.anchor = *due;
    r.text = std::string(trim(o.next[1]));
    if (is_blank(r.text)) return invalid_input("--next: empty text: say what the next step is");
    KITH_TRY(check_free_text(r.text, "--next text"));
    followup = r;
  }

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  std::vector<Contact> people;
  std::int64_t id = 0;
  std::int64_t followup_id = 0;
  int plans_done = 0;
  KITH_TRY(store->write([&]() -> Status {
    for (std::size_t i = 0; i + 1 < o.args.size(); ++i) {
      auto person = store->resolve(o.args[i]);
      if (!person) return person.error();
      bool seen = std::any_of(people.begin(), people.end(),
                              [&](const Contact& p) { return p.id == person->id; });
      if (!seen) {
        interaction.people.push_back({person->id, person->name});
        people.push_back(*person);
      }
    }
    auto added = store->add_interaction(interaction);
    if (!added) return added.error();
    id = *added;
    for (const Contact& p : people) {
      auto closed = store->fulfil_plans(p.id, interaction.day);
      if (!closed) return closed.error();
      plans_done += *closed;
    }
    if (followup) {
      followup->contact_id = people.front().id;
      auto reminder = store->add_reminder(*followup);
      if (!reminder) return reminder.error();
      followup_id = *reminder;
    }
    return {};
  }));

  auto types = store->types();
  if (!types) return types.error();
  std::vector<std::pair<Contact, Due>> after;
  for (const Contact& p : people) {
    auto fresh = store->contact(p.id);
    if (!fresh) return fresh.error();
    Due due = due_of(*fresh, *types, ctx.today);
    after.emplace_back(std::move(*fresh), due);
  }

  if (ctx.json) {
    Json out;
    interaction.id = id;
    out["interaction"] = interaction_json(interaction);
    Json next = Json::array();
    for (const auto& [c, due] : after) {
      next.push_back({{"id", c.id},
                      {"name", c.name},
                      {"next_due", due.next ? Json(due.next->to_string()) : Json(nullptr)},
                      {"balance", balance_json(c.balance)}});
    }
    out["people"] = std::move(next);
    out["plans_done"] = plans_done;
    if (followup) {
      followup->id = followup_id;
      followup->contact_name = people.front().name;
      out["followup"] = reminder_json(*followup, ctx.today);
    }
    print_json(out);
    return {};
  }

  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(printable(p.name));
  std::string line = "Logged";
  if (interaction.channel) line += fmt::format(" {}", to_string(*interaction.channel));
  line += fmt::format(" with {} on {}", join_people(names), interaction.day.to_string());
  if (interaction.direction != Direction::mutual) {
    line += fmt::format(" ({})", value_label(interaction.direction, interaction.weight));
  }
  std::vector<std::string> dues;
  for (const auto& [c, due] : after) {
    if (!due.next) continue;
    std::string when = due.overdue() ? fmt::format("{} (still overdue)", due.next->to_string())
                                     : due.next->to_string();
    dues.push_back(after.size() == 1 ? when : fmt::format("{} {}", printable(c.name), when));
  }
  if (!dues.empty()) {
    line += fmt::format("; next check-in {}", join(dues));
  }
  if (followup) {
    line += fmt::format("; follow-up #{} on {}", followup_id, followup->due.to_string());
  }
  if (plans_done) {
    line += fmt::format("; planned outreach done{}",
                        plans_done > 1 ? fmt::format(" ({})", plans_done) : std::string());
  }
  fmt::print("{}.\n", line);
  return {};
}

}  // namespace

void add_log_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("args", options->args, "Who (one or more), then what happened")
      ->required()
      ->option_text("WHO... SUMMARY");
  cmd->add_option("--on", options->on, "When it happened (default today; 'friday', '3 days ago')")
      ->option_text("DATE");
  cmd->add_option("--via", options->via,
                  "How: call, video, email, message, coffee, meal, "
                  "meeting, event, social, other")
      ->option_text("CHANNEL");
  cmd->add_flag("--gave", options->gave, "You gave value: advice, an intro, help");
  cmd->add_flag("--received", options->received, "You received value (neither: mutual)");
  add_number_option(*cmd, "--weight", options->weight, "How much value flowed, 1 to 5 (default 1)",
                    fmt::format("a whole number from {} to {}", kMinWeight, kMaxWeight))
      ->option_text("N");
  cmd->add_option("--next", options->next, "Record the follow-up: when and what")
      ->type_size(2)
      ->expected(1)
      ->option_text("DATE TEXT");
  cmd->footer(
      "Example:\n  kith log ada grace \"Panel prep over lunch\" --via meal --gave "
      "--next friday \"Send the slides\"");
  on_chosen(*cmd, options, action, run_log);
}

}  // namespace kith::cli
