#include "cli/app.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <system_error>

#include "cli/args.hpp"
#include "cli/command_util.hpp"
#include "cli/output.hpp"
#include "cli/paths.hpp"
#include "cli/render.hpp"
#include "cli/signals.hpp"

namespace kith::cli {
namespace {

struct GlobalOptions {
  std::optional<std::string> db;  // given, even empty, wins over the environment
  std::optional<std::string> today;
  bool json = false;
  std::string color = "auto";
};

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  auto date = Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  return date ? *date : Date();
}

const char* env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

// True when a locale name ("en_GB.UTF-8", "C.utf8") names the UTF-8 character set.
bool says_utf8(std::string_view locale) {
  std::string folded;
  for (char c : locale) {
    if (c != '-') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return folded.find("utf8") != std::string::npos;
}

Result<Context> resolve(const GlobalOptions& options) {
  Context ctx;
  ctx.json = options.json;

  // An empty variable counts as unset, but an empty option is a mistake (say, a script's
  // unset variable): it must not silently mean the real clock or the default database.
  Date clock_today = local_today();
  std::string today_text = options.today.value_or("");
  if (!options.today && env("KITH_TODAY")) today_text = env("KITH_TODAY");
  if (options.today && options.today->empty()) {
    return invalid_input("invalid --today '': expected a date like 2026-11-22 or today");
  }
  if (today_text.empty()) {
    ctx.today = clock_today;
  } else {
    auto today = parse_date(today_text, clock_today);
    if (!today) {
      const char* source = options.today ? "--today" : "KITH_TODAY";
      return invalid_input(fmt::format("invalid {}: {}", source, today.error().message));
    }
    ctx.today = *today;
  }

  if (options.db) {
    if (options.db->empty()) return invalid_input("invalid --db '': expected a file path");
    ctx.db_path = *options.db;
  } else if (env("KITH_DB")) {
    ctx.db_path = env("KITH_DB");
  } else {
    auto path = default_db_path(env("XDG_DATA_HOME"), env("HOME"));
    if (!path) return path.error();
    ctx.db_path = *path;
  }

  bool terminal = ::isatty(STDOUT_FILENO) == 1;
  const char* term = std::getenv("TERM");
  bool dumb = term && std::string_view(term) == "dumb";
  if (options.color == "always") {
    ctx.color = true;
  } else if (options.color == "never") {
    ctx.color = false;
  } else {
    ctx.color = terminal && !dumb && !env("NO_COLOR");
  }
  // The first of these set is the one the C library would use for the character set.
  const char* locale = env("LC_ALL");
  if (!locale) locale = env("LC_CTYPE");
  if (!locale) locale = env("LANG");
  ctx.unicode = options.color != "never" && locale && says_utf8(locale);
  return ctx;
}

// The longest error kith prints, in bytes before escaping: room for any ordinary message (an
// ambiguous name lists up to 8 candidates), while an error about a huge input (a 100 KiB
// name) quotes only its start and end.
constexpr std::size_t kMaxErrorBytes = 1024;

void print_error(std::string_view message) noexcept {
  try {
    write_stderr(fmt::format("kith: {}\n", printable(elide_middle(message, kMaxErrorBytes))));
  } catch (...) {
    write_stderr("kith: an error, and no memory left to say which\n");
  }
}

constexpr const char* kFooter =
    "Dates: YYYY-MM-DD, today, yesterday, tomorrow, monday..sunday, 3d, 2w, -1m, '3 days ago'.\n"
    "Durations: 30d, 2w, 3m, 1y.  Exit codes: 0 ok, 2 bad input, 3 no such contact, interaction,\n"
    "reminder or change, an ambiguous name, or nothing to undo or redo, 4 unreadable file or\n"
    "unwritable output, 5 database problem, 1 unexpected.";

// The app of kith itself: the global options, and the command table for `kith --help`.
std::unique_ptr<CLI::App> make_root_app(GlobalOptions& options) {
  auto root =
      std::make_unique<CLI::App>("kith: a personal relationship tracker for the terminal.", "kith");
  root->formatter(help_formatter());
  root->set_version_flag("-V,--version", "kith " KITH_VERSION);
  root->footer(kFooter);
  root->add_option("--db", options.db,
                   "Database file (default: $KITH_DB, else "
                   "$XDG_DATA_HOME/kith/kith.db)")
      ->option_text("PATH");
  root->add_option("--today", options.today,
                   "Take this date as today (default: $KITH_TODAY, "
                   "else the local date)")
      ->option_text("DATE");
  root->add_flag("--json", options.json, "Machine-readable output: one JSON document on stdout");
  root->add_option("--color", options.color, "Colour: auto (on a terminal), always, never")
      ->check(one_of("--color", {"auto", "always", "never"}))
      ->option_text("WHEN");
  for (const Command& command : commands()) {
    CLI::App* listed =
        root->add_subcommand(std::string(command.name), std::string(command.summary));
    listed->group("Commands");
    for (std::string_view alias : command.aliases) listed->alias(std::string(alias));
  }
  return root;
}

void add_help_command(CLI::App& command, Action&) {
  // For the help and the model only: read_command_line reads these words itself.
  auto words = std::make_shared<std::vector<std::string>>();
  command.add_option("command", *words, "The command, and its subcommand, to show the help of")
      ->expected(0, 2)
      ->option_text("[COMMAND [SUBCOMMAND]]");
  command.callback([words] {});  // the words live as long as the app
}

// What a run comes to: the exit code, the one error line to print, or after a success a note.
struct Outcome {
  int code = 0;
  std::string error;
  std::string note;
};

// CLI11 wants the words last first.
std::vector<std::string> reversed(std::vector<std::string> words) {
  std::reverse(words.begin(), words.end());
  return words;
}

Outcome run_command_line(int argc, char** argv) {
  // `kith --version` answers before the command table is built: scripts call it to probe.
  if (argc == 2 &&
      (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    fmt::print("kith " KITH_VERSION "\n");
    return {};
  }
  GlobalOptions options;
  Action action;
  std::unique_ptr<CLI::App> root = make_root_app(options);
  auto line = read_command_line(
      std::vector<std::string>(argv + 1, argv + argc), *root,
      [&action](const Command& command) { return make_command_app(command, action); });
  if (!line) return {exit_code(line.error().code), line.error().message, ""};
  if (line->version) {
    fmt::print("kith " KITH_VERSION "\n");
    return {};
  }
  if (line->help) {
    fmt::print("{}", line->help_app ? line->help_app->help(line->help_prefix) : root->help());
    return {};
  }
  std::string command_help = fmt::format("kith {} --help", line->command->name);
  try {
    root->parse(reversed(line->global_args));
    line->app->parse(reversed(line->command_args));
  } catch (const CLI::ParseError&) {
    // read_command_line checks all that CLI11 does, so this is a last resort; CLI11's own words
    // are not for users.
    return {2, fmt::format("cannot read the arguments (see '{}')", command_help), ""};
  }
  if (!action) {
    return {1, fmt::format("internal error: 'kith {}' did nothing", line->command->name), ""};
  }

  auto ctx = resolve(options);
  if (!ctx) return {exit_code(ctx.error().code), ctx.error().message, ""};
  Status status = action(*ctx);
  if (!status) return {exit_code(status.error().code), status.error().message, ""};
  if (ctx->database_missing && !ctx->json) {
    return {
        0, "",
        fmt::format("no database yet at '{}'; 'kith add NAME' creates it", ctx->db_path.string())};
  }
  return {};
}

}  // namespace

Result<Store> Context::open(Store::Access access) const { return Store::open(db_path, access); }

int exit_code(Errc code) {
  switch (code) {
    case Errc::invalid_input: return 2;
    case Errc::not_found:
    case Errc::ambiguous: return 3;
    case Errc::bad_file: return 4;
    case Errc::storage: return 5;
    case Errc::cancelled: return cancelled_exit_code();
    case Errc::internal: break;
  }
  return 1;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"report", "The daily report: what is due, who to reach out to, what is coming up",
       add_report_command},
      {"plan", "Plan outreach: spread the most urgent people over the coming days",
       add_plan_command},
      {"add", "Add a contact", add_add_command},
      {"log", "Log an interaction with one or more people", add_log_command},
      {"agenda", "Topics to raise with someone next time; add one with WHO TEXT",
       add_agenda_command},
      {"skip", "Not this round: move someone's next check-in one cadence on from today",
       add_skip_command},
      {"goal", "Career goals, who helps and what each lacks; ID shows one with who could help",
       add_goal_command},
      {"amend", "Change a logged interaction: its day, channel, value, summary or people",
       add_amend_command},
      {"unlog", "Delete a logged interaction", add_unlog_command},
      {"remind",
       "Set a reminder about someone or something; --promise for a commitment, --meeting for a 1:1",
       add_remind_command},
      {"reminders", "Open reminders and promises, soonest first", add_reminders_command},
      {"done", "Complete a reminder (a recurring one moves to its next date)", add_done_command},
      {"snooze", "Push a reminder back", add_snooze_command},
      {"change", "Change a reminder: its text, date, rhythm, person or promise",
       add_change_command},
      {"cancel", "Drop a reminder, promise or agenda topic without doing it", add_cancel_command},
      {"dates", "Birthdays and important dates coming up", add_dates_command},
      {"list",
       "List contacts with cadence, last contact, next due and balance",
       add_list_command,
       {"ls"}},
      {"show", "Show one person: details, balance, reminders, recent timeline", add_show_command},
      {"edit", "Change a contact", add_edit_command},
      {"archive", "Retire a contact: kept, never due", add_archive_command},
      {"unarchive", "Bring an archived contact back", add_unarchive_command},
      {"rm", "Delete a contact with its history (needs --yes); cannot be undone", add_rm_command},
      {"merge", "Merge duplicates into one contact: KEEP OTHER...; --dry-run shows what moves",
       add_merge_command},
      {"dupes", "Likely duplicates: pairs of contacts that may be one person, and why",
       add_dupes_command},
      {"history", "Interaction timeline, newest first", add_history_command},
      {"balance", "Give/receive balance per person, most negative first", add_balance_command},
      {"reconnect", "Dormant ties worth reviving, each with why and what you last talked about",
       add_reconnect_command},
      {"knows", "Record that two people know each other (--how, --forget), or list whom one knows",
       add_knows_command},
      {"path", "The warmest routes to a person or organisation through people you know",
       add_path_command},
      {"intro", "Log an introduction you made: a give to both, and A now knows B",
       add_intro_command},
      {"review",
       "A look back: interactions per week as a chart, gave and received, promises, goals",
       add_review_command},
      {"types", "Relationship types with their default cadence and weight", add_types_command},
      {"find", "Full-text search over names, notes, organisations and interactions",
       add_find_command},
      {"export", "Export everything (json), contacts (vcard, csv) or a calendar (ics)",
       add_export_command},
      {"import", "Import a kith export, vCards or LinkedIn connections; all or nothing",
       add_import_command},
      {"sync", "Keep kith's calendar in a vdir for vdirsyncer and CalDAV: --calendar DIR",
       add_sync_command},
      {"undo", "Undo the last change, or an earlier one by ID; --list shows the changes",
       add_undo_command},
      {"redo", "Re-apply what the last undo reverted", add_redo_command},
      {"help", "Show the help of kith or of a command: the same as --help", add_help_command},
  };
  return table;
}

std::unique_ptr<CLI::App> make_command_app(const Command& command, Action& action) {
  auto app =
      std::make_unique<CLI::App>(std::string(command.summary), "kith " + std::string(command.name));
  app->formatter(help_formatter());
  app->footer(kFooter);  // a command with examples of its own replaces it
  command.add(*app, action);
  for (CLI::App* sub : app->get_subcommands({})) sub->group("Commands");
  return app;
}

namespace {

int run_checked(int argc, char** argv) {
  Outcome outcome;
  int write_error = 0;  // of a write to stdout that threw
  try {
    outcome = run_command_line(argc, argv);
  } catch (const std::exception& e) {
    if (std::ferror(stdout)) {  // fmt throws when a write to stdout fails
      const auto* system = dynamic_cast<const std::system_error*>(&e);
      write_error = system && system->code().value() != 0 ? system->code().value() : EIO;
    } else {
      outcome = {1, std::string("unexpected error: ") + e.what(), ""};
    }
  } catch (...) {
    outcome = {1, "unexpected error", ""};
  }
  // Every command ends here: what it printed must have arrived. A reader that went away (a
  // pipe into head) ends kith quietly; any other failure is an error, unless the command
  // failed already and says why.
  int failed = finish_stdout(write_error);
  if (failed == EPIPE) return kExitPipeClosed;
  if (failed != 0 && outcome.code == 0) {
    outcome = {4, fmt::format("cannot write the output: {}", std::strerror(failed)), ""};
  }
  if (!outcome.error.empty()) {
    print_error(outcome.error);
  } else if (!outcome.note.empty()) {
    print_error(outcome.note);
  }
  return outcome.code;
}

}  // namespace

int run(int argc, char** argv) noexcept {
  protect_standard_streams();
  try {
    return run_checked(argc, argv);
  } catch (...) {  // say, no memory left to report an error in
    write_stderr("kith: unexpected error\n");
    return 1;
  }
}

}  // namespace kith::cli
