// kith knows A B [--how TEXT] [--forget]: record (or forget) that two people know each other;
// kith knows A: whom A knows, and how kith knows it.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/path_text.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/introductions.hpp"

namespace kith::cli {
namespace {

struct KnowsOptions {
  std::vector<std::string> people;  // A [B]
  std::optional<std::string> how;
  bool forget = false;
};

Status run_list(Context& ctx, const std::string& who) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto found = acquaintances(*store, who, ctx.today);
  if (!found) return found.error();
  const Contact& person = found->person;
  if (ctx.json) {
    Json known = Json::array();
    for (const Acquaintance& a : found->known) {
      Json j{{"id", a.id}, {"name", a.name}, {"archived", a.archived}};
      j.update(link_json(a.link, ctx.today));
      known.push_back(std::move(j));
    }
    print_json(
        {{"person", {{"id", person.id}, {"name", person.name}}}, {"knows", std::move(known)}});
    return {};
  }
  if (found->known.empty()) {
    fmt::print(
        "No links for {} yet. Record one: kith knows \"{}\" WHO --how \"former colleagues\"\n",
        printable(person.name), printable(person.name));
    return {};
  }
  Painter paint(ctx.color);
  fmt::print("{} knows:\n", paint(Paint::bold, printable(person.name)));
  Table table({{"ID", Table::Align::right},
               {"NAME"},
               {"SOURCE"},
               {"STRENGTH", Table::Align::right},
               {"WHY"}});
  for (const Acquaintance& a : found->known) {
    const bool introducer_is_person = a.link.a == person.id;
    std::string why = link_why(a.link, introducer_is_person ? person.name : a.name,
                               introducer_is_person ? a.name : person.name, ctx.today);
    table.add({{fmt::format("#{}", a.id), Paint::dim},
               {printable(a.name) + (a.archived ? " (archived)" : ""), Paint::bold},
               {std::string(to_string(a.link.source))},
               {strength_text(a.strength)},
               {why}});
  }
  fmt::print("{}", table.render(paint, terminal_width()));
  return {};
}

Status run_knows(Context& ctx, const KnowsOptions& o) {
  if (o.people.size() == 1) {
    if (o.how || o.forget) {
      return invalid_input("--how and --forget need two people: kith knows A B --how TEXT");
    }
    return run_list(ctx, o.people[0]);
  }
  KnowsRequest request{o.people[0], o.people[1], o.how, o.forget};
  // Bad input neither creates nor waits for a database.
  KITH_TRY(check_knows(request));
  auto store = ctx.open(Store::Access::write);
  if (!store) return store.error();
  auto recorded = record_knows(*store, request, ctx.today);
  if (!recorded) return recorded.error();
  using Outcome = KnowsRecorded::Outcome;
  const std::string a = recorded->a.name;
  const std::string b = recorded->b.name;
  if (ctx.json) {
    const char* outcome = recorded->outcome == Outcome::added       ? "added"
                          : recorded->outcome == Outcome::updated   ? "updated"
                          : recorded->outcome == Outcome::forgotten ? "forgotten"
                                                                    : "unchanged";
    const KnowsLink& l = recorded->link;
    print_json(
        {{"outcome", outcome},
         {"link", knows_json(l, l.a == recorded->a.id ? a : b, l.a == recorded->a.id ? b : a)}});
    return {};
  }
  std::string how =
      recorded->link.how.empty() ? "" : fmt::format(" ({})", printable(recorded->link.how));
  switch (recorded->outcome) {
    case Outcome::added:
      fmt::print("Recorded: {} and {} know each other{}.\n", printable(a), printable(b), how);
      break;
    case Outcome::updated:
      fmt::print("Updated how {} and {} know each other{}.\n", printable(a), printable(b), how);
      break;
    case Outcome::unchanged:
      fmt::print("{} and {} already know each other{}; nothing changed.\n", printable(a),
                 printable(b), how);
      break;
    case Outcome::forgotten:
      fmt::print("Forgot that {} and {} know each other.\n", printable(a), printable(b));
      break;
  }
  return {};
}

}  // namespace

void add_knows_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<KnowsOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("people", options->people, "Two people who know each other, or one to list")
      ->required()
      ->expected(1, 2)
      ->option_text("A [B]");
  cmd->add_option("--how", options->how, "How they know each other ('former colleagues')")
      ->option_text("TEXT");
  cmd->add_flag("--forget", options->forget, "Remove the link between A and B");
  cmd->footer(
      "kith path finds introductions through these links, and through introducers (--met-via)\n"
      "and people logged together.\n"
      "Examples:\n  kith knows ada lin --how \"former colleagues at Initech\"\n"
      "  kith knows ada\n  kith knows ada lin --forget");
  on_chosen(*cmd, options, action, run_knows);
}

}  // namespace kith::cli
