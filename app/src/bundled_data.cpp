#include "bundled_data.h"

#include "lmlab/data/bundled_datasets.h"

namespace lmlab::app {

QString bundled_datasets_dir() { return QString::fromStdString(lmlab::bundled_datasets_dir()); }

}  // namespace lmlab::app
