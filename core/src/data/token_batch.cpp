#include "lmlab/data/token_batch.h"

namespace lmlab {

void TokenBatch::resize(int64_t rows, int64_t columns, int64_t pad_id) {
  batch = rows;
  length = columns;
  const auto n = static_cast<size_t>(rows * columns);
  ids.assign(n, pad_id);
  segments.assign(n, 0);
  real.assign(n, 0);
  mlm_labels.assign(n, kIgnoreLabel);
  next_targets.assign(n, kIgnoreLabel);
  nsp_labels.assign(static_cast<size_t>(rows), 0);
  labels.assign(static_cast<size_t>(rows), 0);
}

}  // namespace lmlab
