// kith merge KEEP OTHER... [--dry-run], kith dupes: one person, one record.
#include <fmt/core.h>

#include <algorithm>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"
#include "kith/text.hpp"
#include "kith/use_cases/merge.hpp"

namespace kith::cli {
namespace {

struct MergeOptions {
  std::string keep;
  std::vector<std::string> others;
  bool dry_run = false;
};

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "12 interactions (2 with both), 1 reminder, introduced 1 contact": what moved, or "nothing
// but their details".
std::string moved_phrase(const MergeReach& r) {
  std::vector<std::string> parts;
  if (r.interactions > 0) {
    std::string part = plural(r.interactions, "interaction", "interactions");
    if (r.shared > 0) part += fmt::format(" ({} with both)", r.shared);
    parts.push_back(std::move(part));
  }
  if (r.reminders > 0) parts.push_back(plural(r.reminders, "reminder", "reminders"));
  if (r.introduced > 0) {
    parts.push_back("introduced " + plural(r.introduced, "contact", "contacts"));
  }
  if (r.external_ids > 0) parts.push_back(plural(r.external_ids, "external id", "external ids"));
  if (r.aliases > 0) parts.push_back(plural(r.aliases, "earlier merge", "earlier merges"));
  if (r.goals > 0) parts.push_back(plural(r.goals, "goal", "goals"));
  if (r.links > 0) parts.push_back("knows " + plural(r.links, "person", "people"));
  return parts.empty() ? "their details only" : join(parts);
}

// What the kept contact gains, field by field: "emails + maya@ex.org", "org: Acme".
std::vector<std::string> gains(const Contact& before, const Contact& after) {
  std::vector<std::string> out;
  auto list = [&](std::string_view label, const std::vector<std::string>& was,
                  const std::vector<std::string>& now) {
    std::vector<std::string> added;
    for (const std::string& v : now) {
      if (std::find(was.begin(), was.end(), v) == was.end()) added.push_back(printable(v));
    }
    if (!added.empty()) out.push_back(fmt::format("{} + {}", label, join(added)));
  };
  auto text = [&](std::string_view label, const std::string& was, const std::string& now) {
    if (was != now) out.push_back(fmt::format("{}: {}", label, printable(now)));
  };
  list("other names", before.akas, after.akas);
  list("types", before.types, after.types);
  list("emails", before.emails, after.emails);
  list("phones", before.phones, after.phones);
  list("tags", before.tags, after.tags);
  std::vector<std::string> was_dates, now_dates;
  for (const auto& d : before.dates) was_dates.push_back(d.label + " " + d.date.to_string());
  for (const auto& d : after.dates) now_dates.push_back(d.label + " " + d.date.to_string());
  list("dates", was_dates, now_dates);
  if (before.birthday != after.birthday && after.birthday) {
    out.push_back("birthday: " + after.birthday->to_string());
  }
  if (before.every != after.every && after.every) {
    out.push_back("every: " + after.every->to_string());
  }
  text("org", before.org, after.org);
  text("title", before.title, after.title);
  if (before.circle != after.circle && after.circle) {
    out.push_back(fmt::format("circle: {}", *after.circle));
  }
  text("met via", before.met_via, after.met_via);
  text("learn", before.learn, after.learn);
  text("offer", before.offer, after.offer);
  text("note", before.note, after.note);
  if (before.added_on != after.added_on) out.push_back("added: " + after.added_on.to_string());
  return out;
}

Json reach_json(const MergeReach& r) {
  return {{"interactions", r.interactions},
          {"shared", r.shared},
          {"reminders", r.reminders},
          {"introduced", r.introduced},
          {"external_ids", r.external_ids},
          {"aliases", r.aliases},
          {"goals", r.goals},
          {"links", r.links}};
}

Status run_merge(Context& ctx, const MergeOptions& o) {
  auto store = ctx.open(o.dry_run ? Store::Access::read : Store::Access::write);
  if (!store) return store.error();
  auto outcome = merge_contacts(*store, o.keep, o.others, o.dry_run, ctx.today);
  if (!outcome) return outcome.error();
  if (ctx.json) {
    Json merged = Json::array();
    for (const MergedFrom& m : outcome->merged) {
      merged.push_back({{"id", m.contact.id},
                        {"uuid", m.contact.uuid},
                        {"name", m.contact.name},
                        {"moved", reach_json(m.moved)}});
    }
    Due due;  // the kept contact's due is shown by kith show; here what it holds
    Json kept = contact_json(outcome->after, due);
    kept.erase("cadence");
    kept.erase("next_due");
    kept.erase("overdue");
    kept.erase("days_overdue");
    print_json({{"dry_run", outcome->dry_run}, {"kept", std::move(kept)}, {"merged", merged}});
    return {};
  }
  Painter paint(ctx.color);
  const Contact& kept = outcome->after;
  fmt::print("{} into {} (#{}){}\n", o.dry_run ? "Dry run: would merge" : "Merged",
             paint(Paint::bold, printable(kept.name)), kept.id,
             o.dry_run ? "; nothing was written." : ":");
  for (const MergedFrom& m : outcome->merged) {
    fmt::print("  {} (#{}): {}\n", printable(m.contact.name), m.contact.id, moved_phrase(m.moved));
  }
  std::vector<std::string> gained = gains(outcome->before, kept);
  if (!gained.empty()) {
    fmt::print("  {} gains {}.\n", printable(kept.name), join(gained, "; "));
  }
  if (!o.dry_run) fmt::print("{}\n", paint(Paint::dim, "kith undo takes it back."));
  return {};
}

Status run_dupes(Context& ctx, const std::monostate&) {
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  auto pairs = find_duplicates(*store);
  if (!pairs) return pairs.error();
  note_missing(ctx, *store);
  if (ctx.json) {
    Json out = Json::array();
    for (const DupePair& p : *pairs) {
      Json reasons = Json::array();
      for (const DupeMatch& m : p.reasons) {
        reasons.push_back({{"reason", std::string(to_string(m.reason))}, {"detail", m.detail}});
      }
      out.push_back({{"first", {{"id", p.first}, {"name", p.first_name}}},
                     {"second", {{"id", p.second}, {"name", p.second_name}}},
                     {"reasons", std::move(reasons)}});
    }
    print_json(out);
    return {};
  }
  if (pairs->empty()) {
    fmt::print("No likely duplicates.\n");
    return {};
  }
  Painter paint(ctx.color);
  Table table(
      {{"ID", Table::Align::right}, {"NAME"}, {"ID", Table::Align::right}, {"NAME"}, {"WHY"}});
  for (const DupePair& p : *pairs) {
    std::vector<std::string> why;
    for (const DupeMatch& m : p.reasons) {
      why.push_back(m.detail.empty()
                        ? std::string(to_string(m.reason))
                        : fmt::format("{} {}", to_string(m.reason), printable(m.detail)));
    }
    table.add({{fmt::format("#{}", p.first), Paint::dim},
               {printable(p.first_name)},
               {fmt::format("#{}", p.second), Paint::dim},
               {printable(p.second_name)},
               {join(why)}});
  }
  fmt::print("{}", table.render(paint));
  const DupePair& top = pairs->front();
  fmt::print("{}\n", paint(Paint::dim, fmt::format("{} · 'kith merge {} {}' keeps #{} and "
                                                   "merges #{} into it",
                                                   plural(static_cast<std::int64_t>(pairs->size()),
                                                          "pair", "pairs"),
                                                   top.first, top.second, top.first, top.second)));
  return {};
}

}  // namespace

void add_merge_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("keep", options->keep, "The contact to keep: id, or name or a unique part of it")
      ->required()
      ->option_text("KEEP");
  cmd->add_option("others", options->others, "The contacts to merge into it, each its own WHO")
      ->required()
      ->option_text("OTHER...");
  cmd->add_flag("--dry-run,-n", options->dry_run, "Show what would move; change nothing");
  cmd->footer(
      "Everything of each OTHER moves to KEEP: interactions, reminders, types, tags, emails,\n"
      "phones, dates, introducer links, external ids, notes. KEEP's name and fields stay;\n"
      "OTHER's name becomes one of KEEP's other names, and its uuid an alias, so that an\n"
      "import or sync naming OTHER lands on KEEP. 'kith undo' takes a merge back.\n"
      "Example:\n  kith dupes\n  kith merge 'Dmitri Ivanov' 'Дмитрий Иванов'");
  on_chosen(*cmd, options, action, run_merge);
}

void add_dupes_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<std::monostate>();
  command.footer(
      "Pairs of active contacts that are likely one person, strongest first: the same email\n"
      "or phone, the same name (ignoring case, accents, order and script), one's other name\n"
      "the other's name, initials, a spelling alike. A value that more than 12 contacts share\n"
      "pairs no one. 'kith merge KEEP OTHER' merges a pair.");
  on_chosen(command, options, action, run_dupes);
}

}  // namespace kith::cli
