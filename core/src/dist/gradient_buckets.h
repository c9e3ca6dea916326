#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace lmlab::dist {

// Trainable parameters grouped into flat buffers of about bucket_bytes, last parameters
// first (the backward pass produces their gradients first).
struct GradientBuckets {
  struct Slot {
    int64_t bucket = -1, offset = 0, numel = 0;
  };
  struct Bucket {
    at::Tensor flat;
    int64_t params = 0;
  };

  // params: every parameter of the model, in a fixed order; trainable ones get a slot.
  GradientBuckets(const std::vector<at::Tensor>& params, int64_t bucket_bytes);

  std::vector<Slot> slots;  // one per parameter; bucket -1 for frozen ones
  std::vector<Bucket> buckets;
  std::vector<bool> trainable;  // the requires_grad pattern the layout was built for
};

}  // namespace lmlab::dist
