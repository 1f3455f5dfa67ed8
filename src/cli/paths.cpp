#include "cli/paths.hpp"

#include <string>

namespace kith::cli {
namespace fs = std::filesystem;

Result<fs::path> default_db_path(const char* xdg_data_home, const char* home) {
  if (xdg_data_home && *xdg_data_home && fs::path(xdg_data_home).is_absolute()) {
    return fs::path(xdg_data_home) / "kith" / "kith.db";
  }
  if (home && *home && fs::path(home).is_absolute()) {
    return fs::path(home) / ".local" / "share" / "kith" / "kith.db";
  }
  return Error{Errc::storage,
               std::string("no place for the database: HOME is ") +
                   (home && *home ? "not an absolute path ('" + std::string(home) + "')"
                                  : std::string("not set")) +
                   "; use --db PATH or set KITH_DB"};
}

}  // namespace kith::cli
