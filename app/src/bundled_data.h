#pragma once

#include <QString>

namespace lmlab::app {

// The datasets/ folder shipped with LM Lab: $LMLAB_DATASETS when set, else beside the build
// tree (build/bin/../../datasets) or the installed share/lmlab/datasets. Empty if none exists.
QString bundled_datasets_dir();

}  // namespace lmlab::app
