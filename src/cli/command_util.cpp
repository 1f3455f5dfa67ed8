#include "cli/command_util.hpp"

#include <fmt/core.h>

#include "cli/render.hpp"

namespace kith::cli {

void note_missing(Context& ctx, const Store& store) {
  if (store.missing()) ctx.database_missing = true;
}

std::string join_words(const std::vector<std::string>& words) { return join(words, " "); }

}  // namespace kith::cli
