// The command-line application: global options, the command table, and the context each
// command runs in. Only the CLI reads the clock, the environment and the terminal.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace CLI {
class App;
}

namespace kith::cli {

// What every command may use: the resolved global options.
struct Context {
  std::filesystem::path db_path;
  Date today;
  bool json = false;   // --json: one JSON document on stdout
  bool color = false;  // colour codes allowed on stdout
  // Block characters and other drawing allowed on stdout (kith review's charts): the locale
  // (LC_ALL, else LC_CTYPE, else LANG) says UTF-8 and --color is not never; else plain ASCII.
  bool unicode = false;
  bool database_missing = false;  // a read found no database yet (see note_missing)

  // Opens the database. A read on a missing database gives an empty one (see Store::open).
  Result<Store> open(Store::Access access) const;
};

// A command's work, chosen by parsing; runs once the global options are resolved.
using Action = std::function<Status(Context&)>;

// One entry of the command table: its name, its one line of help (the only place it is
// written), the function that registers its arguments, options and subcommands on the
// command's own app and sets `action` when that app is parsed, and other names it answers to.
// The table is the one source of the commands: kith reads the command line against it and
// against each command's app (src/cli/args.hpp), and `kith --help` lists it.
struct Command {
  std::string_view name;
  std::string_view summary;
  void (*add)(CLI::App& command, Action& action);
  std::vector<std::string_view> aliases = {};
};

// Every command, in the order `kith --help` lists them.
const std::vector<Command>& commands();

// The command's own app, named "kith NAME", with its summary, help footer and everything its
// `add` registers: the model of its command line, for reading it, for its help, and for
// anything else generated from it. Parsing it sets `action`.
std::unique_ptr<CLI::App> make_command_app(const Command& command, Action& action);

// Runs kith with these arguments; returns the process exit code (README.md, "Exit codes"). Never
// throws: every error is one line on stderr and an exit code.
int run(int argc, char** argv) noexcept;

// The exit code for an error.
int exit_code(Errc code);

// The command adders, one per file (src/cli/cmd_*.cpp); each registers on the command's own app.
void add_add_command(CLI::App& command, Action& action);
void add_edit_command(CLI::App& command, Action& action);
void add_list_command(CLI::App& command, Action& action);
void add_show_command(CLI::App& command, Action& action);
void add_archive_command(CLI::App& command, Action& action);
void add_unarchive_command(CLI::App& command, Action& action);
void add_rm_command(CLI::App& command, Action& action);
void add_undo_command(CLI::App& command, Action& action);
void add_merge_command(CLI::App& command, Action& action);
void add_dupes_command(CLI::App& command, Action& action);
void add_sync_command(CLI::App& command, Action& action);
void add_redo_command(CLI::App& command, Action& action);
void add_types_command(CLI::App& command, Action& action);
void add_log_command(CLI::App& command, Action& action);
void add_amend_command(CLI::App& command, Action& action);
void add_unlog_command(CLI::App& command, Action& action);
void add_history_command(CLI::App& command, Action& action);
void add_balance_command(CLI::App& command, Action& action);
void add_reconnect_command(CLI::App& command, Action& action);
void add_review_command(CLI::App& command, Action& action);
void add_find_command(CLI::App& command, Action& action);
void add_remind_command(CLI::App& command, Action& action);
void add_reminders_command(CLI::App& command, Action& action);
void add_done_command(CLI::App& command, Action& action);
void add_snooze_command(CLI::App& command, Action& action);
void add_change_command(CLI::App& command, Action& action);
void add_cancel_command(CLI::App& command, Action& action);
void add_dates_command(CLI::App& command, Action& action);
void add_report_command(CLI::App& command, Action& action);
void add_plan_command(CLI::App& command, Action& action);
void add_export_command(CLI::App& command, Action& action);
void add_import_command(CLI::App& command, Action& action);
void add_agenda_command(CLI::App& command, Action& action);
void add_knows_command(CLI::App& command, Action& action);
void add_path_command(CLI::App& command, Action& action);
void add_intro_command(CLI::App& command, Action& action);
void add_skip_command(CLI::App& command, Action& action);
void add_goal_command(CLI::App& command, Action& action);

}  // namespace kith::cli
