// kith log WHO... SUMMARY [--on DATE] [--via CHANNEL] [--gave|--received] [--weight N]
//          [--next DATE TEXT]: log an interaction with one or more people.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/interactions.hpp"

namespace kith::cli {
namespace {

struct LogOptions {
  std::vector<std::string> args;  // WHO... SUMMARY
  std::optional<std::string> on;
  std::optional<std::string> via;
  bool gave = false;
  bool received = false;
  int weight = kDefaultInteractionWeight;
  std::vector<std::string> next;     // DATE TEXT
  std::vector<std::string> done;     // reminder ids
  std::vector<std::string> covered;  // topic ids, or "all"
};

// The ids given to a repeatable option, each occurrence also a comma-separated list.
std::vector<std::string> split_ids(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& text : given) {
    std::size_t start = 0;
    while (true) {
      std::size_t comma = text.find(',', start);
      out.push_back(std::string(trim(text.substr(start, comma - start))));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

Status run_log(Context& ctx, const LogOptions& o) {
  if (o.args.size() < 2) {
    return invalid_input(
        "give who and what: kith log WHO... SUMMARY (e.g. kith log ada "
        "\"Coffee about the reorg\")");
  }
  LogRequest request;
  request.people.assign(o.args.begin(), o.args.end() - 1);
  request.summary = o.args.back();
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
  request.weight = o.weight;
  if (!o.next.empty()) {
    if (o.next.size() != 2) {
      return invalid_input("--next needs a DATE and a TEXT: --next friday \"Send the slides\"");
    }
    auto due = parse_date(o.next[0], ctx.today);
    if (!due) return Error{due.error().code, "--next: " + due.error().message};
    request.next = FollowUp{*due, o.next[1]};
  }
  for (const std::string& text : split_ids(o.done)) {
    auto id = record_id(text, "reminder", "kith reminders");
    if (!id) return Error{id.error().code, "--done: " + id.error().message};
    request.done.push_back(*id);
  }
  for (const std::string& text : split_ids(o.covered)) {
    if (text == "all") {
      request.covered_all = true;
      continue;
    }
    auto id = record_id(text, "topic", "kith agenda");
    if (!id) return Error{id.error().code, "--covered: " + id.error().message};
    request.covered.push_back(*id);
  }
  if (request.covered_all && !request.covered.empty()) {
    return invalid_input("--covered: give topic ids or 'all', not both");
  }
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_log(request, ctx.today));

  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto logged = log_interaction(*store, request, ctx.today);
  if (!logged) return logged.error();
  const Interaction& interaction = logged->interaction;

  if (ctx.json) {
    Json out;
    out["interaction"] = interaction_json(interaction);
    Json next = Json::array();
    for (const auto& [c, due, was_target] : logged->people) {
      next.push_back({{"id", c.id},
                      {"name", c.name},
                      {"next_due", due.next ? Json(due.next->to_string()) : Json(nullptr)},
                      {"balance", balance_json(c.balance)},
                      {"was_target", was_target}});
    }
    out["people"] = std::move(next);
    out["plans_done"] = logged->plans_done;
    if (logged->followup) out["followup"] = reminder_json(*logged->followup, ctx.today);
    auto reminders = [&](const std::vector<Reminder>& list) {
      Json a = Json::array();
      for (const Reminder& r : list) a.push_back(reminder_json(r, ctx.today));
      return a;
    };
    out["completed"] = reminders(logged->completed);
    out["covered"] = reminders(logged->covered);
    out["agenda"] = reminders(logged->open_topics);
    print_json(out);
    return {};
  }

  std::vector<std::string> names;
  for (const auto& p : logged->people) names.push_back(printable(p.contact.name));
  std::string line = "Logged";
  if (interaction.channel) line += fmt::format(" {}", to_string(*interaction.channel));
  line += fmt::format(" with {} on {}", join_people(names), interaction.day.to_string());
  if (interaction.direction != Direction::mutual) {
    line += fmt::format(" ({})", value_label(interaction.direction, interaction.weight));
  }
  std::vector<std::string> dues;
  for (const LoggedPerson& p : logged->people) {
    const Contact& c = p.contact;
    const Due& due = p.due;
    if (!due.next) continue;
    std::string when = due.overdue() ? fmt::format("{} (still overdue)", due.next->to_string())
                                     : due.next->to_string();
    dues.push_back(logged->people.size() == 1 ? when
                                              : fmt::format("{} {}", printable(c.name), when));
  }
  if (!dues.empty()) {
    line += fmt::format("; next check-in {}", join(dues));
  }
  if (logged->followup) {
    line += fmt::format("; follow-up #{} on {}", logged->followup->id,
                        logged->followup->due.to_string());
  }
  if (int plans_done = logged->plans_done) {
    line += fmt::format("; planned outreach done{}",
                        plans_done > 1 ? fmt::format(" ({})", plans_done) : std::string());
  }
  for (const Reminder& r : logged->completed) {
    const char* kind = r.kind == ReminderKind::meeting    ? "meeting"
                       : r.kind == ReminderKind::followup ? "follow-up"
                       : r.kind == ReminderKind::promise  ? "promise"
                       : r.kind == ReminderKind::plan     ? "planned outreach"
                                                          : "reminder";
    line += fmt::format("; {} #{} done", kind, r.id);
    if (!r.done_on) line += fmt::format(" (next {})", r.due.to_string());
  }
  if (std::size_t n = logged->covered.size()) {
    line += fmt::format("; {} topic{} covered", n, n == 1 ? "" : "s");
  }
  fmt::print("{}.\n", line);
  for (const LoggedPerson& p : logged->people) {
    if (p.was_target) {
      fmt::print("{} is no longer a target: you know them now.\n", printable(p.contact.name));
    }
  }
  // What was not covered stays on the agenda for next time.
  for (const Reminder& t : logged->open_topics) {
    fmt::print("  still on the agenda: #{} \"{}\"{}\n", t.id, printable(t.text),
               logged->people.size() > 1 ? fmt::format(" ({})", printable(t.contact_name))
                                         : std::string());
  }
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
  cmd->add_option("--done", options->done,
                  "Complete these reminders about them in the same breath (ids: 9,10 or "
                  "repeated)")
      ->option_text("ID,...");
  cmd->add_option("--covered", options->covered,
                  "Close these agenda topics (ids: 12,14 or repeated), or 'all'; the others "
                  "carry over")
      ->option_text("ID,...|all");
  cmd->footer(
      "A log with someone completes the current occurrence of a meeting with them (kith remind\n"
      "--meeting) and the outreach booked for them; follow-ups and promises stay open unless\n"
      "named with --done.\n"
      "Examples:\n  kith log ada grace \"Panel prep over lunch\" --via meal --gave "
      "--next friday \"Send the slides\"\n"
      "  kith log maya \"Weekly 1:1\" --via meeting --covered 12,14 --done 9");
  on_chosen(*cmd, options, action, run_log);
}

}  // namespace kith::cli
