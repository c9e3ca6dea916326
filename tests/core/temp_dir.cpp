#include "temp_dir.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace lmlab::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "lmlab-test-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& contents) const {
  const std::string full = file(name);
  std::ofstream(full, std::ios::binary) << contents;
  return full;
}

}  // namespace lmlab::test
