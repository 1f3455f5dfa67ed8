// kith find TEXT...: full-text search over people and interactions.
#include <fmt/core.h>

#include "cli/command_util.hpp"
#include "cli/json_out.hpp"
#include "cli/render.hpp"

namespace kith::cli {
namespace {

constexpr int kDefaultLimit = 20;

struct FindOptions {
  std::vector<std::string> words;
  int limit = kDefaultLimit;
};

// The snippet with its [match] markers painted bold, or left as brackets without colour.
std::string highlight(const std::string& snippet, const Painter& paint) {
  if (!paint.enabled()) return printable(snippet);
  std::string out;
  std::size_t i = 0;
  while (i < snippet.size()) {
    std::size_t open = snippet.find('[', i);
    std::size_t close = open == std::string::npos ? open : snippet.find(']', open);
    if (close == std::string::npos) {
      out += printable(snippet.substr(i));
      break;
    }
    out += printable(snippet.substr(i, open - i));
    out += paint(Paint::bold, printable(snippet.substr(open + 1, close - open - 1)));
    i = close + 1;
  }
  return out;
}

Status run_find(Context& ctx, const FindOptions& o) {
  if (o.limit < 1)
    return invalid_input(fmt::format("invalid --limit {}: expected 1 or more", o.limit));
  std::string text = join_words(o.words);
  auto store = ctx.open(Store::Access::read);
  if (!store) return store.error();
  note_missing(ctx, *store);
  auto hits = store->find(text, o.limit);
  if (!hits) return hits.error();

  if (ctx.json) {
    Json out = Json::array();
    for (const auto& h : *hits) {
      Json row;
      row["kind"] = h.kind == SearchHit::Kind::contact ? "contact" : "interaction";
      row["id"] = h.id;
      row["name"] = h.name;
      row["day"] = h.day ? Json(h.day->to_string()) : Json(nullptr);
      row["snippet"] = h.snippet;
      out.push_back(std::move(row));
    }
    print_json(out);
    return {};
  }
  if (hits->empty()) {
    if (!store->missing()) fmt::print("Nothing matches '{}'.\n", printable(text));
    return {};
  }
  Painter paint(ctx.color);
  Table table({{"WHERE"}, {"WHO"}, {"MATCH"}});
  for (const auto& h : *hits) {
    bool person = h.kind == SearchHit::Kind::contact;
    table.add({{person ? fmt::format("contact #{}", h.id) : (h.day ? h.day->to_string() : ""),
                Paint::dim},
               {printable(h.name), Paint::bold},
               {highlight(h.snippet, paint)}});
  }
  fmt::print("{}", table.render(paint));
  return {};
}

}  // namespace

void add_find_command(CLI::App& command, Action& action) {
  auto options = std::make_shared<FindOptions>();
  CLI::App* cmd = &command;
  cmd->add_option("text", options->words, "Words to find; end one with * to match a prefix")
      ->required()
      ->option_text("TEXT");
  add_number_option(*cmd, "-n,--limit", options->limit, "At most N results (default 20)",
                    "a whole number, 1 or more")
      ->option_text("N");
  on_chosen(*cmd, options, action, run_find);
}

}  // namespace kith::cli
