// Small helpers shared by the command files.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

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

// Notes that a read command found no database yet: once it has succeeded, kith says so on
// stderr (not with --json). A command that fails prints its one error line instead.
void note_missing(Context& ctx, const Store& store);

// The current UTC time as a kith timestamp (2026-11-22T21:03:11.512Z), or the time
// $SOURCE_DATE_EPOCH names (seconds since 1970) when it is set, for reproducible output.
std::string now_timestamp();

// Joins the words of a multi-word positional ("kith add Ada Lovelace") with single spaces.
std::string join_words(const std::vector<std::string>& words);

}  // namespace kith::cli
