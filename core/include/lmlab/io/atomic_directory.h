#pragma once

#include "lmlab/io/output_folder.h"

#include <filesystem>
#include <functional>
#include <string>

namespace lmlab {

// Builds a directory so that readers see the old one or the complete new one: fill writes
// into a temporary sibling, which is then renamed (or atomically exchanged) into place.
// An existing non-empty target is replaced only when it holds the same kind of folder
// (check_output_folder), so a mistyped output path never wipes an unrelated folder. The
// temporary folders of writers killed mid-way (dead PIDs) are removed on the next write.
void write_directory_atomically(const std::string& dir, const FolderKind& kind,
                                const std::function<void(const std::filesystem::path& tmp)>& fill);

}  // namespace lmlab
