#pragma once

#include <string>

namespace lmlab {

// The folder of the datasets shipped with LM Lab (pretrain/world.txt, agnews/, mnli/):
// $LMLAB_DATASETS when set, else the source tree's datasets/ seen from build/bin, else
// share/lmlab/datasets beside an installed bin/. Empty when none is found.
std::string bundled_datasets_dir();

}  // namespace lmlab
