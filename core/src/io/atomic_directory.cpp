#include "lmlab/io/atomic_directory.h"

#include "lmlab/error.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

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

}  // namespace

void write_directory_atomically(const std::string& dir, const std::string& marker_file, const std::string& what,
                                const std::function<void(const fs::path& tmp)>& fill) {
  const fs::path target = fs::absolute(dir).lexically_normal();
  if (fs::exists(target)) {
    if (!fs::is_directory(target)) throw Error("'" + dir + "' exists and is not a directory");
    if (!fs::is_empty(target) && !fs::exists(target / marker_file))
      throw Error("'" + dir + "' is a directory that does not hold " + what +
                  "; refusing to replace it (choose another output directory)");
  }
  if (!target.has_parent_path() || !fs::is_directory(target.parent_path()))
    throw Error("cannot write " + what + " '" + dir + "': its parent directory does not exist");

  std::random_device rd;
  const fs::path tmp = target.parent_path() /
      ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
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
