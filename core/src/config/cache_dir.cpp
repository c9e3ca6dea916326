#include "lmlab/cache_dir.h"

#include <cstdlib>
#include <filesystem>

namespace lmlab {

std::string cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/lmlab";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/lmlab";
  return (std::filesystem::temp_directory_path() / "lmlab-cache").string();
}

}  // namespace lmlab
