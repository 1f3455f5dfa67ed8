// kith list [--type T] [--tag X] [--overdue] [--archived] [--targets]: contacts with their
// rhythm; targets (people you want to meet) are marked "target" in place of the cadence.
#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/contacts.hpp"

namespace kith::cli {
namespace {

// The column of due labels, and the widest one ("23 months overdue").
constexpr std::size_t kDueColumn = 6;
constexpr int kWidestDueLabel = 17;

struct ListOptions {
  std::optional<std::string> type;
  std::optional<std::string> tag;
  bool overdue = false;
  bool archived = false;
  bool targets = false;
};

std::string due_label(const Due& due, Date today) {
  if (!due.next) return "";
  if (due.overdue()) return fmt::format("{} overdue", span(due.days_overdue));
  return relative(*due.next, today);
}

Status run_list(Context& ctx, const ListOptions& o) {
  ContactFilter filter;
  filter.type = o.type;
  filter.tag = o.tag;
  filter.overdue = o.overdue;
  filter.archived = o.archived;
  if (o.targets) filter.targets = true;

  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);

  // Streamed, like history: a list of every contact is printed without holding them all.
  // The first rows fix the table's column widths; later rows are cut to fit them.
  Painter paint(ctx.color);
  StreamedTable table({{"ID", Table::Align::right},
                       {"NAME"},
                       {"TYPES"},
                       {"EVERY"},
                       {"LAST CONTACT"},
                       {"NEXT DUE"},
                       {"", Table::Align::left},
                       {"BALANCE", Table::Align::right}},
                      paint, std::nullopt, [](std::vector<int>& widths, bool more) {
                        // Later rows may be more overdue than any so far: room for the
                        // widest label.
                        if (more)
                          widths[kDueColumn] = std::max(widths[kDueColumn], kWidestDueLabel);
                      });
  JsonArrayPrinter json;
  std::size_t count = 0;
  std::size_t overdue = 0;
  KITH_TRY(
      list_contacts(*store, filter, ctx.today, [&](const Contact& c, const Due& due) -> Status {
        ++count;
        if (ctx.json) {
          json.add(contact_json(c, due));
          return {};
        }
        if (due.overdue()) ++overdue;
        table.add(
            {{std::to_string(c.id), Paint::dim},
             {printable(c.name), Paint::bold},
             {join(c.types)},
             {c.target      ? std::string("target")
              : due.cadence ? due.cadence->to_string()
                            : "-",
              c.target ? Paint::cyan : Paint::none},
             {c.last_contact ? c.last_contact->to_string() : "never"},
             {due.next ? due.next->to_string() : "-"},
             {due_label(due, ctx.today), due.overdue() ? Paint::red : Paint::dim},
             {signed_number(c.balance.net()), c.balance.net() < 0 ? Paint::yellow : Paint::none}});
        return {};
      }));
  if (ctx.json) {
    json.finish();
    return {};
  }
  if (count == 0) {
    if (store->missing()) return {};
    bool filtered = o.type || o.tag || o.overdue || o.archived || o.targets;
    fmt::print("{}\n", filtered ? "No contacts match."
                                : "No contacts yet. Add one: kith add NAME --type mentor");
    return {};
  }
  table.finish();
  fmt::print("{}\n", paint(Paint::dim, fmt::format("{} contact{}{}", count, count == 1 ? "" : "s",
                                                   overdue ? fmt::format(", {} overdue", overdue)
                                                           : std::string())));
  return {};
}

}  // namespace

void add_list_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("--type", options->type, "Only contacts of this type")->option_text("TYPE");
  cmd->add_option("--tag", options->tag, "Only contacts with this tag")->option_text("TAG");
  cmd->add_flag("--overdue", options->overdue, "Only overdue contacts, most overdue first");
  cmd->add_flag("--archived", options->archived, "Archived contacts instead of active ones");
  cmd->add_flag("--targets", options->targets,
                "Only targets: people you want to meet but do not know yet (kith path)");
  on_chosen(*cmd, options, action, run_list);
}

}  // namespace kith::cli
