#pragma once

#include <string>
#include <string_view>

namespace lmlab {

// Writes bytes to path so that readers see either the old file or the complete new one,
// never a half-written file: a temporary file in the same directory, fsync, then rename.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Reads a whole file; throws lmlab::Error naming the file when it is missing, a directory,
// or unreadable.
std::string read_file(const std::string& path, const std::string& what = "file");

}  // namespace lmlab
