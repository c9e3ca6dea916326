#include "lmlab/io/atomic_directory.h"

#include "lmlab/error.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <cstring>
#include <random>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A plain rename when target is new, an atomic exchange (then removal of the old one) when
// it already exists.
void publish_directory(const fs::path& tmp, const fs::path& target, const std::string& what) {
  if (!fs::exists(target)) {
    if (::rename(tmp.c_str(), target.c_str()) != 0)
      throw Error("cannot create " + what + " '" + target.string() + "': " + std::strerror(errno));
  } else {
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      throw Error("cannot replace " + what + " '" + target.string() + "': " + std::strerror(errno));
    fs::remove_all(tmp);  // now the previous contents
  }
  sync_directory(target.parent_path());
}

// ".NAME.tmp-PID-": the temporary siblings of target are named so.
std::string temporary_prefix(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

// Temporary siblings left by writers that were killed (kill -9, power loss) while filling
// them: their PID no longer runs. Those of live writers are theirs to finish.
void remove_stale_temporaries(const fs::path& target) {
  const std::string prefix = temporary_prefix(target);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    const size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

}  // namespace

void write_directory_atomically(const std::string& dir, const FolderKind& kind,
                                const std::function<void(const fs::path& tmp)>& fill) {
  check_output_folder(dir, kind);
  const fs::path target = fs::absolute(dir).lexically_normal();
  const std::string what = kind.description();
  remove_stale_temporaries(target);

  std::random_device rd;
  const fs::path tmp =
      target.parent_path() / (temporary_prefix(target) + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  fs::create_directory(tmp);
  try {
    fill(tmp);
    sync_directory(tmp);
    publish_directory(tmp, target, what);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    throw;
  }
}

}  // namespace lmlab
