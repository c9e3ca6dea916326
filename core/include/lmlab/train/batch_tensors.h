#pragma once

#include "lmlab/data/token_batch.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace lmlab {

// A TokenBatch as tensors on the model's device. Masked-LM targets come as a compact list
// of flat positions, so the vocabulary projection runs on those rows only.
struct BatchTensors {
  at::Tensor ids;           // (B, T) int64
  at::Tensor segments;      // (B, T) int64
  at::Tensor padding;       // (B, T) bool, true for real tokens; undefined when all are real
  at::Tensor mlm_positions; // (N) int64, flat indices into B * T
  at::Tensor mlm_targets;   // (N) int64
  at::Tensor next_targets;  // (B, T) int64, kIgnoreLabel where there is none
  at::Tensor nsp_labels;    // (B) int64
  at::Tensor labels;        // (B) int64, fine-tuning classes
  int64_t tokens = 0;       // real tokens in the batch

  static BatchTensors from(const TokenBatch& batch, const c10::Device& device);
};

}  // namespace lmlab
