#include "lmlab/atomic_file.h"

#include "lmlab/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

std::string temporary_sibling(const fs::path& target) {
  std::random_device rd;
  std::ostringstream name;
  name << "." << target.filename().string() << ".tmp-" << ::getpid() << "-" << std::hex << rd();
  return (target.parent_path() / name.str()).string();
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  const fs::path target = fs::absolute(path);
  const std::string tmp = temporary_sibling(target);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot write '" + path + "': " + errno_text());
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = errno_text();
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error("cannot write '" + path + "': " + why);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = errno_text();
    ::unlink(tmp.c_str());
    throw Error("cannot write '" + path + "': " + why);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(tmp.c_str());
    throw Error("cannot write '" + path + "': " + why);
  }
}

std::string read_file(const std::string& path, const std::string& what) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw Error("file_missing", {{"file", path}}, what + " '" + path + "' does not exist");
  if (fs::is_directory(status))
    throw Error("file_is_folder", {{"file", path}}, what + " '" + path + "' is a directory, not a file");
  // A device or a pipe (/dev/zero) would be read without end.
  if (!fs::is_regular_file(status))
    throw Error("file_not_regular", {{"file", path}}, what + " '" + path + "' is not a regular file (a device or a pipe?)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("file_unreadable", {{"file", path}}, "cannot read " + what + " '" + path + "': " + errno_text());
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw Error("cannot read " + what + " '" + path + "'");
  return contents.str();
}

}  // namespace lmlab
