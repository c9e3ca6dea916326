#include "lmlab/data/bundled_datasets.h"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

std::string bundled_datasets_dir() {
  const auto is_datasets = [](const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "pretrain" / "world.txt", ec);
  };
  if (const char* env = std::getenv("LMLAB_DATASETS"); env && *env) {
    std::error_code ec;
    return fs::is_directory(env, ec) ? fs::absolute(env, ec).lexically_normal().string() : std::string();
  }
  std::error_code ec;
  const fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return {};
  for (const fs::path& candidate : {bin / ".." / ".." / "datasets", bin / ".." / "share" / "lmlab" / "datasets"})
    if (is_datasets(candidate)) return fs::weakly_canonical(candidate, ec).string();
  return {};
}

}  // namespace lmlab
