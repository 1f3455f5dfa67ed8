#include "cli/app.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <optional>

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
  return ctx;
}

// The longest error kith prints, in bytes before escaping: room for any ordinary message (an
// ambiguous name lists up to 8 candidates), while an error about a huge input (a 100 KiB
// name) quotes only its start and end.
constexpr std::size_t kMaxErrorBytes = 1024;

void print_error(std::string_view message) {
  fmt::print(stderr, "kith: {}\n", printable(elide_middle(message, kMaxErrorBytes)));
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
      {"remind", "Set a reminder about someone or something; --promise for a commitment",
       add_remind_command},
      {"reminders", "Open reminders and promises, soonest first", add_reminders_command},
      {"done", "Complete a reminder (a recurring one moves to its next date)", add_done_command},
      {"snooze", "Push a reminder back", add_snooze_command},
      {"dates", "Birthdays and important dates coming up", add_dates_command},
      {"list", "List contacts with cadence, last contact, next due and balance", add_list_command},
      {"show", "Show one person: details, balance, reminders, recent timeline", add_show_command},
      {"edit", "Change a contact", add_edit_command},
      {"archive", "Retire a contact: kept, never due", add_archive_command},
      {"unarchive", "Bring an archived contact back", add_unarchive_command},
      {"rm", "Delete a contact with its history (needs --yes)", add_rm_command},
      {"history", "Interaction timeline, newest first", add_history_command},
      {"balance", "Give/receive balance per person, most negative first", add_balance_command},
      {"types", "Relationship types with their default cadence and weight", add_types_command},
      {"find", "Full-text search over names, notes, organisations and interactions",
       add_find_command},
      {"export", "Export everything (json), contacts (vcard, csv) or a calendar (ics)",
       add_export_command},
      {"import", "Import a kith export, vCards or LinkedIn connections; all or nothing",
       add_import_command},
  };
  return table;
}

int run(int argc, char** argv) {
  // `kith --version` answers before the command table is built: scripts call it to probe.
  if (argc == 2 &&
      (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    fmt::print("kith " KITH_VERSION "\n");
    return 0;
  }
  CLI::App app{"kith: a personal relationship tracker for the terminal.", "kith"};
  app.fallthrough();  // global options are accepted after the command too
  app.set_version_flag("-V,--version", "kith " KITH_VERSION);
  app.footer(
      "Dates: YYYY-MM-DD, today, yesterday, tomorrow, monday..sunday, 3d, 2w, -1m, '3 days ago'.\n"
      "Durations: 30d, 2w, 3m, 1y.  Exit codes: 0 ok, 2 bad input, 3 no such contact or\n"
      "ambiguous name, 4 unreadable file, 5 database problem, 1 unexpected.");

  GlobalOptions options;
  app.add_option("--db", options.db,
                 "Database file (default: $KITH_DB, else "
                 "$XDG_DATA_HOME/kith/kith.db)")
      ->option_text("PATH")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--today", options.today,
                 "Take this date as today (default: $KITH_TODAY, "
                 "else the local date)")
      ->option_text("DATE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--json", options.json, "Machine-readable output: one JSON document on stdout");
  app.add_option("--color", options.color, "Colour: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);

  Action action;
  for (const Command& command : commands()) {
    command.add(app, action);
    app.get_subcommand(std::string(command.name))->description(std::string(command.summary));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      return app.exit(e);  // --help, --version
    }
    std::string message = e.what();
    for (char& c : message) {
      if (c == '\n') c = ' ';
    }
    print_error(message + " (see 'kith --help')");
    return 2;
  }
  if (!action) {
    print_error("no command given; try 'kith --help'");
    return 2;
  }

  auto ctx = resolve(options);
  if (!ctx) {
    print_error(ctx.error().message);
    return exit_code(ctx.error().code);
  }
  try {
    Status status = action(*ctx);
    if (!status) {
      print_error(status.error().message);
      return exit_code(status.error().code);
    }
    if (ctx->database_missing && !ctx->json) {
      print_error(fmt::format("no database yet at '{}'; 'kith add NAME' creates it",
                              ctx->db_path.string()));
    }
  } catch (const std::exception& e) {
    print_error(std::string("unexpected error: ") + e.what());
    return 1;
  }
  return 0;
}

}  // namespace kith::cli
