#include "lmlab/data/token_batch.h"

#include <algorithm>
#include <type_traits>

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

TokenBatch TokenBatch::rows(int64_t first, int64_t last) const {
  TokenBatch out;
  out.batch = last - first;
  out.length = length;
  const auto cells = [&](const auto& v) {
    using V = std::decay_t<decltype(v)>;
    return V(v.begin() + first * length, v.begin() + last * length);
  };
  const auto per_row = [&](const auto& v) {
    using V = std::decay_t<decltype(v)>;
    return V(v.begin() + first, v.begin() + last);
  };
  out.ids = cells(ids);
  out.segments = cells(segments);
  out.real = cells(real);
  out.mlm_labels = cells(mlm_labels);
  out.next_targets = cells(next_targets);
  out.nsp_labels = per_row(nsp_labels);
  out.labels = per_row(labels);
  return out;
}

int64_t TokenBatch::masked_count() const {
  return std::count_if(mlm_labels.begin(), mlm_labels.end(), [](int64_t l) { return l != kIgnoreLabel; });
}

int64_t TokenBatch::next_target_count() const {
  return std::count_if(next_targets.begin(), next_targets.end(), [](int64_t t) { return t != kIgnoreLabel; });
}

}  // namespace lmlab
