// kith reconnect [--limit N]: dormant ties worth reviving, each with why and the last thing
// you talked about.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/outreach.hpp"
#include "cli/reconnect_text.hpp"
#include "cli/render.hpp"
#include "kith/use_cases/reconnect.hpp"

namespace kith::cli {
namespace {

constexpr int kSummaryWidth = 60;

struct ReconnectOptions {
  int limit = kDefaultReconnectLimit;
};

Json ties_json(const DormantTies& found, Date today) {
  Json out;
  out["date"] = today.to_string();
  out["total"] = found.total;
  Json ties = Json::array();
  for (const TieToRevive& t : found.ties) ties.push_back(tie_json(t));
  out["ties"] = std::move(ties);
  return out;
}

std::string render_ties(const DormantTies& found, Date today, const Painter& paint) {
  std::string out = paint(Paint::bold, "Dormant ties worth reviving");
  out += paint(Paint::dim, found.ties.size() == found.total
                               ? fmt::format(": {}", found.total)
                               : fmt::format(": {} of {}", found.ties.size(), found.total));
  out += '\n';
  for (const TieToRevive& t : found.ties) {
    const Contact& c = t.contact;
    std::vector<std::string> about;
    if (!c.types.empty()) about.push_back(join(c.types));
    if (c.circle) about.push_back(fmt::format("circle {}", *c.circle));
    out += fmt::format("\n  {} {}{}\n", paint(Paint::bold, printable(c.name)),
                       paint(Paint::dim, fmt::format("#{}", c.id)),
                       about.empty() ? "" : paint(Paint::dim, " · " + join(about, " · ")));
    out += fmt::format("    {} {}\n", paint(Paint::dim, "why: "), join(tie_reasons(t), "; "));
    out += fmt::format("    {} {}\n", paint(Paint::dim, "last:"),
                       last_phrase(t.last, c, today, kSummaryWidth));
  }
  out += '\n';
  if (found.total > found.ties.size()) {
    out += paint(Paint::dim, fmt::format("{} more: kith reconnect --limit {}\n",
                                         found.total - found.ties.size(), found.total));
  }
  out += paint(Paint::dim, fmt::format("Bring one back into the rhythm: {}\n", kReviveHint));
  return out;
}

Status run_reconnect(Context& ctx, const ReconnectOptions& o) {
  // A usage error never opens the database; dormant_ties checks the same again.
  KITH_TRY(check_reconnect_limit(o.limit));
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto found = dormant_ties(*store, ctx.today, o.limit);
  if (!found) return found.error();
  if (ctx.json) {
    print_json(ties_json(*found, ctx.today));
    return {};
  }
  if (found->ties.empty()) {
    if (!store->missing()) {
      fmt::print("No dormant ties: nobody you have talked with has gone quiet.\n");
    }
    return {};
  }
  fmt::print("{}", render_ties(*found, ctx.today, Painter(ctx.color)));
  return {};
}

}  // namespace

void add_reconnect_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<ReconnectOptions>();
  CLI::App* cmd = &command;
  add_number_option(*cmd, "-n,--limit", options->limit, "At most N people (default 10)",
                    fmt::format("a whole number from 1 to {}", kMaxReconnectLimit))
      ->option_text("N");
  cmd->footer(
      "Dormant: someone you once talked with who has no cadence and has been silent for 3\n"
      "months or more, or whose cadence has lapsed (silent for over a year and two cadences).\n"
      "Ranked by how real the relationship was (interactions, what was given and received,\n"
      "type), how long the silence, and whether you have something to offer.\n\n"
      "Examples:\n  kith reconnect\n  kith reconnect --limit 3 --json\n"
      "  kith edit 'Lin Wu' --every 3m   # back into the rhythm");
  on_chosen(*cmd, options, action, run_reconnect);
}

}  // namespace kith::cli
