// Reading the command line: kith picks the one command itself from the command table, checks
// every word against that command's own CLI::App (its options, flags and arguments), and says
// what is wrong in its own words. CLI11 then only stores values that are known to be good,
// from a normalised argument list: the options, then "--", then the arguments.
//
// The grammar, for every command alike:
// - global options (--db, --today, --json, --color) go before or after the command word;
// - an option's value is the next word, or follows '=' (--on=friday); a value that starts
//   with '-' and a letter must follow '=', so that a forgotten value is never mistaken for the
//   next option; "-3d", "-1" and "--12-24" (a day without its year) are values;
// - a single-valued option may be given once; a repeatable one (a vector) once per value;
// - after "--" every word is an argument;
// - a word beyond what the command's arguments take is an error: one command at a time;
// - --help and -h anywhere before "--" show the help of the command named, and --version and
//   -V show kith's version, whatever else is wrong with the line.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "kith/status.hpp"

namespace CLI {
class App;
class Option;
class Formatter;
}  // namespace CLI

namespace kith::cli {

// A command line read and checked.
struct CommandLine {
  const Command* command = nullptr;       // the command named; null when none was
  std::unique_ptr<CLI::App> app;          // its own app (for `kith help X`, X's)
  bool help = false;                      // show the help of `help_app` (null: of kith itself)
  CLI::App* help_app = nullptr;           // `app` or one of its subcommands
  std::string help_prefix;                // the words before help_app's name ("kith types")
  bool version = false;                   // show kith's version
  std::vector<std::string> global_args;   // for the root app's parse, normalised
  std::vector<std::string> command_args;  // for `app`'s parse, normalised
};

// Builds a command's own app (app.cpp's make_command_app).
using AppMaker = std::function<std::unique_ptr<CLI::App>(const Command&)>;

// Reads `args` (argv without the program name) against `root`, the app of the global options,
// and the command table (commands()). On a usage error, Errc::invalid_input with one line in
// kith's words that names the word or option and ends with "(see 'kith COMMAND --help')", or
// "(see 'kith --help')" when no command was named or the mistake is in a global option.
// `kith help [COMMAND [SUBCOMMAND]]` reads as a request for that help.
Result<CommandLine> read_command_line(const std::vector<std::string>& args, CLI::App& root,
                                      const AppMaker& make_app);

// The command whose name or alias is `word`, or null.
const Command* find_command(std::string_view word);

// An argument as the usage line shows it: "WHO... SUMMARY", "[WHO]", "TEXT...".
std::string argument_usage(const CLI::Option& positional);

// The help formatter of every app: arguments shown by their usage, not by their internal names.
std::shared_ptr<CLI::Formatter> help_formatter();

}  // namespace kith::cli
