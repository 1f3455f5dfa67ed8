// Small helpers shared by the command files.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace kith::cli {

// Registers `run(ctx, options)` as the command's action when the subcommand is chosen.
// The options live as long as the app (shared with the callback), never in statics.
template <class Options, class Run>
void on_chosen(CLI::App& command, std::shared_ptr<Options> options, Action& action, Run run) {
  command.callback([options, &action, run] {
    action = [options, run](Context& ctx) { return run(ctx, *options); };
  });
}

// A validator for an option that takes a whole number: a value that is not one, or does not fit
// an int, is a usage error in kith's words, "invalid --weight 'two': expected a whole number
// from 1 to 5", where `expected` is what the option takes. It passes the number on in plain
// decimal ("007" is 7, never octal). Range checks beyond that stay with the command, which
// names the number ("invalid --weight 6: ...").
CLI::Validator whole_number(const std::string& option, const std::string& expected);

// Registers an option that takes a whole number into `field` (an int or std::optional<int>),
// checked by whole_number: the way every number option is registered.
template <class T>
CLI::Option* add_number_option(CLI::App& command, const std::string& names, T& field,
                               const std::string& description, const std::string& expected) {
  CLI::Option* option = command.add_option(names, field, description);
  option->transform(whole_number(option->get_name(), expected));
  return option;
}

// A validator for an option that takes one of `values`: another is a usage error in kith's
// words, "invalid --color 'x': expected auto, always or never".
CLI::Validator one_of(const std::string& option, std::vector<std::string> values);

// Notes that a read command found no database yet: once it has succeeded, kith says so on
// stderr (not with --json). A command that fails prints its one error line instead.
void note_missing(Context& ctx, const Store& store);

// The current UTC time as a kith timestamp (2026-11-22T21:03:11.512Z), or the time
// $SOURCE_DATE_EPOCH names (seconds since 1970) when it is set, for reproducible output.
std::string now_timestamp();

// The id of a record as people write it, "4" or "#4" (kith::parse_id), or invalid_input naming
// the text: "invalid reminder id 'x': expected a number like 4 (see 'kith reminders')", where
// `what` is "reminder" and `listed_by` the command that lists them.
Result<std::int64_t> record_id(std::string_view text, std::string_view what,
                               std::string_view listed_by);

// Joins the words of a multi-word positional ("kith add Ada Lovelace") with single spaces.
std::string join_words(const std::vector<std::string>& words);

}  // namespace kith::cli
