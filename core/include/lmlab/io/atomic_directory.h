#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace lmlab {

// Builds a directory so that readers see the old one or the complete new one: fill writes
// into a temporary sibling, which is then renamed (or atomically exchanged) into place.
// An existing non-empty target is replaced only when it holds marker_file, so a mistyped
// output path never wipes an unrelated folder. what names the directory in messages
// with its article ("an LM Lab checkpoint", "a Hugging Face model").
void write_directory_atomically(const std::string& dir, const std::string& marker_file, const std::string& what,
                                const std::function<void(const std::filesystem::path& tmp)>& fill);

}  // namespace lmlab
