#pragma once

#include "lmlab/model/dropout.h"

#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/normalization.h>

namespace lmlab {

struct EmbeddingsOptions {
  EmbeddingsOptions(int64_t vocab_size, int64_t max_seq_len, int64_t d_model)
      : vocab_size_(vocab_size), max_seq_len_(max_seq_len), d_model_(d_model) {}
  TORCH_ARG(int64_t, vocab_size);
  TORCH_ARG(int64_t, max_seq_len);
  TORCH_ARG(int64_t, d_model);
  TORCH_ARG(int64_t, type_vocab_size) = 0;  // 0: no segment embeddings (GPT)
  TORCH_ARG(bool, layer_norm) = false;      // BERT normalises the summed embeddings
  TORCH_ARG(double, layer_norm_eps) = 1e-12;
  TORCH_ARG(double, dropout) = 0.1;
  TORCH_ARG(bool, learned_positions) = true;  // false: positions enter in attention (rotary)
};

// Token + learned position (+ segment) embeddings. The token table is shared with the
// output heads (weight tying), so it is public.
class EmbeddingsImpl : public torch::nn::Module {
 public:
  explicit EmbeddingsImpl(const EmbeddingsOptions& options);
  void reset();

  // ids: (B, T) int64; segments: (B, T) int64 or undefined (all segment 0). Returns (B, T, C).
  torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& segments = {});
  // The same from token vectors (B, T, C) instead of ids: attributions differentiate through it.
  torch::Tensor forward_vectors(const torch::Tensor& token_vectors, const torch::Tensor& segments = {});

  EmbeddingsOptions options;
  torch::nn::Embedding token{nullptr};
  torch::nn::Embedding position{nullptr};  // null with rotary positions
  torch::nn::Embedding segment{nullptr};  // null without segments
  torch::nn::LayerNorm norm{nullptr};     // null without the layer norm
  Dropout dropout{nullptr};
};
TORCH_MODULE(Embeddings);

}  // namespace lmlab
