#include "cli/command_util.hpp"

#include <fmt/core.h>

#include "cli/render.hpp"

namespace kith::cli {

void note_missing(const Context& ctx, const Store& store) {
  if (!store.missing() || ctx.json) return;
  fmt::print(stderr, "kith: no database yet at '{}'; 'kith add NAME' creates it\n",
             printable(ctx.db_path.string()));
}

std::string join_words(const std::vector<std::string>& words) { return join(words, " "); }

}  // namespace kith::cli
