#pragma once

#include <string>

namespace lmlab {

// LM Lab's cache folder: $XDG_CACHE_HOME/lmlab, else ~/.cache/lmlab, else a folder under the
// system's temporary directory. Tokenizers and built corpora live below it.
std::string cache_dir();

}  // namespace lmlab
