#include "lmlab/train/batch_tensors.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace lmlab {

namespace {

at::Tensor upload(std::vector<int64_t> values, std::vector<int64_t> shape, const c10::Device& device) {
  return at::tensor(values, at::kLong).view(shape).to(device);
}

}  // namespace

BatchTensors BatchTensors::from(const TokenBatch& b, const c10::Device& device) {
  BatchTensors t;
  const std::vector<int64_t> shape{b.batch, b.length};
  t.ids = upload(b.ids, shape, device);
  t.segments = upload(b.segments, shape, device);
  t.tokens = std::count(b.real.begin(), b.real.end(), uint8_t{1});
  if (t.tokens < static_cast<int64_t>(b.real.size())) {
    std::vector<int64_t> real(b.real.begin(), b.real.end());
    t.padding = upload(real, shape, device).to(at::kBool);
  }
  std::vector<int64_t> positions, targets;
  for (size_t i = 0; i < b.mlm_labels.size(); ++i)
    if (b.mlm_labels[i] != kIgnoreLabel) {
      positions.push_back(static_cast<int64_t>(i));
      targets.push_back(b.mlm_labels[i]);
    }
  const auto n = static_cast<int64_t>(positions.size());
  t.mlm_positions = upload(positions, {n}, device);
  t.mlm_targets = upload(targets, {n}, device);
  t.next_targets = upload(b.next_targets, shape, device);
  t.nsp_labels = upload(b.nsp_labels, {b.batch}, device);
  t.labels = upload(b.labels, {b.batch}, device);
  return t;
}

}  // namespace lmlab
