#pragma once

#include "lmlab/data/classification_batcher.h"
#include "lmlab/model/language_model.h"

#include <cstdint>
#include <vector>

namespace lmlab {

// What a model makes of a set of examples, depth by depth, for comparing representations
// (CKA) and projecting them (PCA). Rows follow the examples' order.
struct ExampleRepresentations {
  std::vector<at::Tensor> layers;  // per depth (0: embeddings .. L), (N, C) float: mean over real tokens
  at::Tensor pooled;               // (N, C) float: what a classifier head reads (LanguageModelImpl::pooled)
  std::vector<int64_t> labels;     // (N)
};

// Eval mode, no grad, in batches of batch_size; tensors come back on the CPU.
ExampleRepresentations represent_examples(LanguageModelImpl& model, const std::vector<EncodedExample>& examples,
                                          int64_t pad_id, int64_t batch_size = 32);

}  // namespace lmlab
