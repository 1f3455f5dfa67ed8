#include "cli/args.hpp"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "kith/text.hpp"

namespace kith::cli {
namespace {

// More values than any command line can hold: what "any number" counts as.
constexpr std::size_t kUnbounded = std::size_t{1} << 20;

enum class Word { separator, long_option, short_option, argument };

// "--" ends the options; "--x" and "-x" are options; "-" alone (standard input) and dashes
// followed by a digit ("-1", "-3d", "--12-24", a birthday without its year) are arguments.
Word classify(std::string_view word) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (word == "--") return Word::separator;
  if (word.size() > 2 && word.starts_with("--")) {
    return digit(word[2]) ? Word::argument : Word::long_option;
  }
  if (word.size() > 1 && word[0] == '-' && !digit(word[1])) return Word::short_option;
  return Word::argument;
}

bool is_flag(const CLI::Option& option) { return option.get_items_expected_max() == 0; }

// How many words one use of the option takes: 1, or 2 for `--next DATE TEXT`.
std::size_t values_per_use(const CLI::Option& option) {
  return static_cast<std::size_t>(std::max(1, option.get_type_size_min()));
}

// A vector option may be given again for each value (--type a --type b); others once.
bool repeatable(const CLI::Option& option) { return option.get_expected_max() > 1; }

// The option as the help writes it: its long name, else its short one.
std::string spelling(const CLI::Option& option) {
  if (!option.get_lnames().empty()) return "--" + option.get_lnames().front();
  return "-" + option.get_snames().front();
}

std::string value_usage(const CLI::Option& option) {
  return option.get_option_text().empty() ? "VALUE" : option.get_option_text();
}

std::vector<CLI::Option*> arguments_of(CLI::App& app) {
  return app.get_options([](const CLI::Option* option) { return option->get_positional(); });
}

std::size_t min_count(const CLI::Option& argument) {
  return argument.get_required() ? static_cast<std::size_t>(argument.get_items_expected_min()) : 0;
}

std::size_t max_count(const CLI::Option& argument) {
  return std::min(static_cast<std::size_t>(argument.get_items_expected_max()), kUnbounded);
}

// How many words the app's arguments take at most.
std::size_t capacity(CLI::App& app) {
  std::size_t total = 0;
  for (const CLI::Option* argument : arguments_of(app)) {
    total = std::min(total + max_count(*argument), kUnbounded);
  }
  return total;
}

std::vector<CLI::App*> subcommands_of(CLI::App& app) {
  return app.get_subcommands([](CLI::App* sub) { return !sub->get_name().empty(); });
}

CLI::App* find_subcommand(CLI::App& app, const std::string& word) {
  for (CLI::App* sub : subcommands_of(app)) {
    if (sub->check_name(word)) return sub;
  }
  return nullptr;
}

std::vector<std::string> command_words() {
  std::vector<std::string> words;
  for (const Command& command : commands()) {
    words.emplace_back(command.name);
    for (std::string_view alias : command.aliases) words.emplace_back(alias);
  }
  return words;
}

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
std::string quoted_list(const std::vector<std::string>& words, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? std::string(last) : std::string(", ");
    out += "'" + words[i] + "'";
  }
  return out;
}

// "; did you mean 'list'?", or "" when no candidate is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string_view letters = word.substr(std::min(word.find_first_not_of('-'), word.size()));
  std::vector<std::string> near = closest(word, candidates, letters.size() <= 3 ? 1 : 2);
  if (near.empty()) return "";
  if (near.size() > 3) near.resize(3);
  return "; did you mean " + quoted_list(near, " or ") + "?";
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += separator;
    out += word;
  }
  return out;
}

// CLI11 lets an option given once take several words (a vector option keeps taking words up to
// the next option, and a "--" after it). kith's options take a fixed count each time, and the
// normalised list relies on it.
void take_fixed_counts(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->nonpositional() && !is_flag(*option)) option->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands({})) take_fixed_counts(*sub);
}

class Reader {
 public:
  Reader(const std::vector<std::string>& args, CLI::App& root, const AppMaker& make_app)
      : args_(args), root_(root), make_app_(make_app) {}

  Result<CommandLine> read() {
    bool help = false;
    bool version = false;
    for (const std::string& word : args_) {
      if (word == "--") break;
      help = help || word == "--help" || word == "-h";
      version = version || word == "--version" || word == "-V";
    }
    Status scanned = scan();
    // Asked for help, kith shows the help of what was named, whatever else is wrong.
    if (help && (scanned || !unknown_command_)) return help_line();
    if (version) {
      line_.version = true;
      return std::move(line_);
    }
    if (!scanned) return scanned.error();
    if (line_.command->name == "help") {
      KITH_TRY(read_help_request());
      return std::move(line_);
    }
    std::vector<std::string>& out = line_.command_args;
    for (std::size_t k = 0; k < levels_.size(); ++k) {
      if (k > 0) out.push_back(levels_[k].app->get_name());
      out.insert(out.end(), levels_[k].args.begin(), levels_[k].args.end());
    }
    if (!words_.empty()) {
      out.push_back("--");
      out.insert(out.end(), words_.begin(), words_.end());
    }
    return std::move(line_);
  }

 private:
  struct Level {
    CLI::App* app;
    std::vector<std::string> args;  // its options, normalised
  };

  CLI::App* current() { return levels_.back().app; }

  Status scan() {
    std::size_t i = 0;
    for (; i < args_.size(); ++i) {  // before the command word: global options only
      Word kind = only_arguments_ ? Word::argument : classify(args_[i]);
      if (kind == Word::argument) break;
      if (kind == Word::separator) {
        only_arguments_ = true;
        continue;
      }
      KITH_TRY(read_option(i));
    }
    if (i == args_.size()) return usage("no command given", true);
    const std::string& word = args_[i++];
    const Command* command = find_command(word);
    if (!command) {
      unknown_command_ = true;
      return usage(fmt::format("unknown command '{}'{}", word, did_you_mean(word, command_words())),
                   true);
    }
    line_.command = command;
    line_.app = make_app_(*command);
    take_fixed_counts(*line_.app);
    levels_.push_back({line_.app.get(), {}});
    name_ = "kith " + std::string(command->name);
    for (; i < args_.size(); ++i) {
      Word kind = only_arguments_ ? Word::argument : classify(args_[i]);
      if (kind == Word::separator) {
        only_arguments_ = true;
      } else if (kind == Word::argument) {
        KITH_TRY(read_argument(args_[i]));
      } else {
        KITH_TRY(read_option(i));
      }
    }
    return check_complete();
  }

  // Reads the option at args_[i] with its values, advancing i past them.
  Status read_option(std::size_t& i) {
    const std::string& word = args_[i];
    bool is_long = classify(word) == Word::long_option;
    std::string name = word;
    std::optional<std::string> attached;  // --on=friday, -n5
    if (is_long) {
      if (std::size_t eq = word.find('='); eq != std::string::npos) {
        name = word.substr(0, eq);
        attached = word.substr(eq + 1);
      }
    } else if (word.size() > 2) {
      name = word.substr(0, 2);
      attached = word.substr(2);
    }
    auto [option, global] = find_option(name);
    if (!option) return unknown_option(is_long ? name : word);
    if (is_help_or_version(option, global)) return {};  // read() saw it
    if (is_flag(*option)) {
      if (attached && is_long) return usage(fmt::format("{} takes no value", name), global);
      if (attached) {  // -ay: several flags in one word
        for (char letter : *attached) {
          auto [other, other_global] = find_option(std::string{'-', letter});
          if (!other || !is_flag(*other)) return unknown_option(word);
          if (!is_help_or_version(other, other_global)) add_flag(*other, other_global);
        }
      }
      add_flag(*option, global);
      return {};
    }
    std::vector<std::string> values;
    if (attached) values.push_back(*attached);
    std::size_t wanted = values_per_use(*option);
    while (values.size() < wanted && i + 1 < args_.size() &&
           classify(args_[i + 1]) == Word::argument) {
      values.push_back(args_[++i]);
    }
    if (values.size() < wanted) {
      return missing_value(*option, i + 1 < args_.size() ? &args_[i + 1] : nullptr, global);
    }
    if (!repeatable(*option) && !used_.insert(option).second) {
      return usage(fmt::format("{} given twice; give it once", spelling(*option)), global);
    }
    for (const std::string& value : values) KITH_TRY(check_value(*option, value, global));
    std::vector<std::string>& out = global ? line_.global_args : levels_.back().args;
    out.push_back(spelling(*option));
    out.insert(out.end(), values.begin(), values.end());
    return {};
  }

  // The option named (with its dashes) in the current command, else among the global ones;
  // `global` tells which.
  std::pair<CLI::Option*, bool> find_option(const std::string& name) {
    if (!levels_.empty()) {
      if (CLI::Option* option = current()->get_option_no_throw(name)) return {option, false};
    }
    return {root_.get_option_no_throw(name), true};
  }

  bool is_help_or_version(const CLI::Option* option, bool global) {
    CLI::App& owner = global ? root_ : *current();
    return option == owner.get_help_ptr() || option == root_.get_version_ptr();
  }

  void add_flag(CLI::Option& flag, bool global) {
    if (!flags_.insert(&flag).second) return;  // a flag given twice says the same thing once
    (global ? line_.global_args : levels_.back().args).push_back(spelling(flag));
  }

  // Runs the option's validators (whole numbers, choices) on a value: their messages are
  // kith's own.
  Status check_value(CLI::Option& option, std::string value, bool global) {
    for (int k = 0;; ++k) {
      CLI::Validator* validator = nullptr;
      try {
        validator = option.get_validator(k);
      } catch (const CLI::OptionNotFound&) {
        return {};
      }
      std::string problem = (*validator)(value);
      if (!problem.empty()) return usage(problem, global);
    }
  }

  Status read_argument(const std::string& word) {
    CLI::App& app = *current();
    if (words_.empty() && !only_arguments_) {
      if (CLI::App* sub = find_subcommand(app, word)) {
        levels_.push_back({sub, {}});
        name_ += " " + sub->get_name();
        return {};
      }
    }
    if (words_.size() >= capacity(app)) return leftover(word);
    words_.push_back(word);
    return {};
  }

  Status leftover(const std::string& word) {
    CLI::App& app = *current();
    // "kith history rm 2": 'rm' went where WHO goes, but it is the second command that broke
    // the line. (The words of `kith help` are command names by design.)
    const std::string* second = find_command(word) ? &word : nullptr;
    if (line_.command->name != "help") {
      for (const std::string& earlier : words_) {
        if (!second && find_command(earlier)) second = &earlier;
      }
    }
    if (second) {
      return usage(fmt::format(
          "unexpected argument '{}' after '{}': kith runs one command at a time", *second, name_));
    }
    std::vector<std::string> subs;
    for (CLI::App* sub : subcommands_of(app)) subs.push_back(sub->get_name());
    if (!subs.empty() && words_.empty()) {
      std::string hint = did_you_mean(word, subs);
      if (hint.empty()) hint = "; it has " + quoted_list(subs, " and ");
      return usage(fmt::format("unknown subcommand '{}' of '{}'{}", word, name_, hint));
    }
    std::vector<std::string> takes;
    for (const CLI::Option* argument : arguments_of(app))
      takes.push_back(argument_usage(*argument));
    if (takes.empty()) {
      return usage(fmt::format("unexpected argument '{}': '{}' takes no arguments", word, name_));
    }
    return usage(
        fmt::format("unexpected argument '{}': '{}' takes {}", word, name_, join(takes, " ")));
  }

  Status unknown_option(const std::string& word) {
    std::vector<std::string> candidates;
    auto add_names = [&](CLI::App& app) {
      for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) candidates.push_back("--" + name);
      }
    };
    if (!levels_.empty()) add_names(*current());
    add_names(root_);
    std::string hint = did_you_mean(word, candidates);
    if (levels_.empty()) return usage(fmt::format("unknown option '{}'{}", word, hint), true);
    if (hint.empty() && capacity(*current()) > 0) {
      hint = "; to give it as an argument, put it after '--'";
    }
    return usage(fmt::format("unknown option '{}' for '{}'{}", word, name_, hint));
  }

  Status missing_value(const CLI::Option& option, const std::string* next, bool global) {
    std::size_t wanted = values_per_use(option);
    std::string message =
        wanted == 1
            ? fmt::format("{} needs a value ({})", spelling(option), value_usage(option))
            : fmt::format("{} needs {} values ({})", spelling(option), wanted, value_usage(option));
    // "--note -x": a value that looks like an option is never taken by accident.
    if (wanted == 1 && next && classify(*next) != Word::separator &&
        !find_option(next->substr(0, std::min(next->find('='), next->size()))).first) {
      message +=
          fmt::format("; to give '{}' as its value, write {}={}", *next, spelling(option), *next);
    }
    return usage(message, global);
  }

  Status check_complete() {
    CLI::App& app = *current();
    std::vector<CLI::Option*> arguments = arguments_of(app);
    // The words go to each argument's minimum in order: the first one left short is missing
    // ("kith merge grace" misses OTHER, not KEEP).
    std::size_t remaining = words_.size();
    for (const CLI::Option* argument : arguments) {
      if (remaining < min_count(*argument)) return usage("missing " + argument_usage(*argument));
      remaining -= min_count(*argument);
    }
    for (CLI::Option* option : app.get_options()) {
      if (option->nonpositional() && option->get_required() && !used_.count(option) &&
          !flags_.count(option)) {
        return usage("missing " + spelling(*option));
      }
    }
    return {};
  }

  // `kith help [COMMAND [SUBCOMMAND]]`: the words name what to show the help of.
  Status read_help_request() {
    line_.help = true;
    line_.app.reset();
    if (words_.empty()) return {};
    const Command* target = find_command(words_[0]);
    if (!target) {
      return usage(fmt::format("unknown command '{}'{}", words_[0],
                               did_you_mean(words_[0], command_words())),
                   true);
    }
    line_.app = make_app_(*target);
    CLI::App* app = line_.app.get();
    std::string name = "kith " + std::string(target->name);
    for (std::size_t k = 1; k < words_.size(); ++k) {
      CLI::App* sub = find_subcommand(*app, words_[k]);
      if (!sub && find_command(words_[k])) {
        return usage(fmt::format(
            "unexpected argument '{}' after '{}': kith shows the help of one command at a time",
            words_[k], name_ + " " + std::string(target->name)));
      }
      if (!sub) {
        std::vector<std::string> subs;
        for (CLI::App* s : subcommands_of(*app)) subs.push_back(s->get_name());
        if (subs.empty()) {
          return usage(
              fmt::format("unexpected argument '{}': '{}' has no subcommands", words_[k], name));
        }
        std::string hint = did_you_mean(words_[k], subs);
        if (hint.empty()) hint = "; it has " + quoted_list(subs, " and ");
        return usage(fmt::format("unknown subcommand '{}' of '{}'{}", words_[k], name, hint));
      }
      line_.help_prefix = name;
      name += " " + sub->get_name();
      app = sub;
    }
    line_.help_app = app;
    return {};
  }

  CommandLine help_line() {
    line_.help = true;
    if (!levels_.empty()) {
      line_.help_app = current();
      if (levels_.size() > 1) line_.help_prefix = name_.substr(0, name_.rfind(' '));
    }
    return std::move(line_);
  }

  // Errc::invalid_input ending with the help to read: the command's, or kith's own for a
  // mistake in a global option or before any command.
  Error usage(const std::string& message, bool global = false) const {
    std::string help = global || levels_.empty() ? "kith" : name_;
    return invalid_input(message + " (see '" + help + " --help')");
  }

  const std::vector<std::string>& args_;
  CLI::App& root_;
  const AppMaker& make_app_;
  CommandLine line_;
  std::vector<Level> levels_;       // the command, then the subcommand named, if any
  std::string name_;                // "kith types set"
  std::vector<std::string> words_;  // the arguments of the last level
  std::set<const CLI::Option*> used_;
  std::set<const CLI::Option*> flags_;
  bool only_arguments_ = false;  // after "--"
  bool unknown_command_ = false;
};

// Arguments shown by their usage ("WHO... SUMMARY"), not by the names the code gives them.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    label("Positionals", "Arguments");
    label("SUBCOMMAND", "COMMAND");
  }
  std::string make_option_name(const CLI::Option* option, bool is_positional) const override {
    if (!is_positional) return CLI::Formatter::make_option_name(option, false);
    return option->get_option_text().empty() ? ascii_upper(option->get_name())
                                             : option->get_option_text();
  }
  std::string make_option_opts(const CLI::Option* option) const override {
    return option->get_positional() ? "" : CLI::Formatter::make_option_opts(option);
  }
  std::string make_option_usage(const CLI::Option* option) const override {
    return argument_usage(*option);
  }
};

}  // namespace

Result<CommandLine> read_command_line(const std::vector<std::string>& args, CLI::App& root,
                                      const AppMaker& make_app) {
  return Reader(args, root, make_app).read();
}

const Command* find_command(std::string_view word) {
  for (const Command& command : commands()) {
    if (command.name == word) return &command;
    for (std::string_view alias : command.aliases) {
      if (alias == word) return &command;
    }
  }
  return nullptr;
}

std::string argument_usage(const CLI::Option& argument) {
  std::string text = argument.get_option_text().empty() ? ascii_upper(argument.get_name())
                                                        : argument.get_option_text();
  if (max_count(argument) >= kUnbounded && text.find("...") == std::string::npos) text += "...";
  if (!argument.get_required() && !text.starts_with("[")) text = "[" + text + "]";
  return text;
}

std::shared_ptr<CLI::Formatter> help_formatter() { return std::make_shared<HelpFormatter>(); }

}  // namespace kith::cli
