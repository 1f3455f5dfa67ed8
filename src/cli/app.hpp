// The command-line application: global options, the command table, and the context each
// command runs in. Only the CLI reads the clock, the environment and the terminal.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

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
  bool json = false;              // --json: one JSON document on stdout
  bool color = false;             // colour codes allowed on stdout
  bool database_missing = false;  // a read found no database yet (see note_missing)

  // Opens the database. A read on a missing database gives an empty one (see Store::open).
  Result<Store> open(Store::Access access) const;
};

// A command's work, chosen by parsing; runs once the global options are resolved.
using Action = std::function<Status(Context&)>;

// One entry of the command table: its name, its one line of help (the only place it is
// written), and the function that adds its subcommand (with its options) to the app and
// sets `action` when it is chosen.
struct Command {
  std::string_view name;
  std::string_view summary;
  void (*add)(CLI::App& app, Action& action);
};

// Every command, in the order `kith --help` lists them.
const std::vector<Command>& commands();

// Runs kith with these arguments; returns the process exit code (README.md, "Exit codes").
int run(int argc, char** argv);

// The exit code for an error.
int exit_code(Errc code);

// The command adders, one per file (src/cli/cmd_*.cpp).
void add_add_command(CLI::App& app, Action& action);
void add_edit_command(CLI::App& app, Action& action);
void add_list_command(CLI::App& app, Action& action);
void add_show_command(CLI::App& app, Action& action);
void add_archive_command(CLI::App& app, Action& action);
void add_unarchive_command(CLI::App& app, Action& action);
void add_rm_command(CLI::App& app, Action& action);
void add_types_command(CLI::App& app, Action& action);
void add_log_command(CLI::App& app, Action& action);
void add_history_command(CLI::App& app, Action& action);
void add_balance_command(CLI::App& app, Action& action);
void add_find_command(CLI::App& app, Action& action);
void add_remind_command(CLI::App& app, Action& action);
void add_reminders_command(CLI::App& app, Action& action);
void add_done_command(CLI::App& app, Action& action);
void add_snooze_command(CLI::App& app, Action& action);
void add_dates_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);
void add_plan_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);

}  // namespace kith::cli
