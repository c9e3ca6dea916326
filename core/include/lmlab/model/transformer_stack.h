#pragma once

#include "lmlab/model/block.h"
#include "lmlab/model/embeddings.h"
#include "lmlab/model_config.h"

#include <torch/nn/modules/container/modulelist.h>

#include <vector>

namespace lmlab {

// Embeddings, N transformer blocks and (pre-LN only) a final layer norm: the body that
// Encoder (BERT) and Decoder (GPT) share. Children are named "embeddings", "layers.i",
// "final_norm", which is what freezing and checkpoints address.
class TransformerStackImpl : public torch::nn::Module {
 public:
  // ids, segments: (B, T) int64 (segments may be undefined); padding: (B, T) bool, true
  // for real tokens, or undefined. Returns the last hidden states (B, T, C).
  torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& segments = {},
                        const torch::Tensor& padding = {});

  // forward() from token vectors (B, T, C) in place of ids (attributions, embedding baselines).
  torch::Tensor forward_vectors(const torch::Tensor& token_vectors, const torch::Tensor& segments = {},
                                const torch::Tensor& padding = {});

  // What each depth computes, for inspection: L + 1 tensors (B, T, C), the embeddings' output
  // then each block's; the last one has the final layer norm applied, so it equals forward().
  std::vector<torch::Tensor> layer_outputs(const torch::Tensor& ids, const torch::Tensor& segments = {},
                                           const torch::Tensor& padding = {});

  int64_t layer_count() const { return static_cast<int64_t>(blocks_.size()); }
  TransformerBlock& block(int64_t i) { return blocks_.at(i); }

  // Probe forwards only: the chosen layers keep their attention probabilities.
  void set_attention_capture(const std::vector<int64_t>& layers);
  // (layers chosen, B, H, T, T) after a capturing forward.
  torch::Tensor captured_attention() const;

  Embeddings embeddings{nullptr};
  torch::nn::ModuleList layers{nullptr};
  torch::nn::LayerNorm final_norm{nullptr};  // null for post-LN

 protected:
  TransformerStackImpl(const ModelConfig& config, bool causal);

 private:
  std::vector<TransformerBlock> blocks_;
  std::vector<int64_t> captured_layers_;
};

// BERT's body: bidirectional attention, segment embeddings, post-LN unless config.pre_ln.
class EncoderImpl : public TransformerStackImpl {
 public:
  explicit EncoderImpl(const ModelConfig& config) : TransformerStackImpl(config, false) {}
};
TORCH_MODULE(Encoder);

// GPT's body: causal attention, no segments, pre-LN with a final layer norm (GPT-2).
class DecoderImpl : public TransformerStackImpl {
 public:
  explicit DecoderImpl(const ModelConfig& config) : TransformerStackImpl(config, true) {}
};
TORCH_MODULE(Decoder);

}  // namespace lmlab
