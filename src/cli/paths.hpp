// Where kith keeps the database when the command line and KITH_DB do not say: the XDG rule.
#pragma once

#include <filesystem>

#include "kith/status.hpp"

namespace kith::cli {

// The database path when neither --db nor KITH_DB is given: $XDG_DATA_HOME/kith/kith.db,
// or $HOME/.local/share/kith/kith.db when XDG_DATA_HOME is unset, empty or relative.
// `xdg_data_home` and `home` are the variables' values (nullptr when unset).
// Errc::storage when neither gives an absolute folder.
Result<std::filesystem::path> default_db_path(const char* xdg_data_home, const char* home);

}  // namespace kith::cli
