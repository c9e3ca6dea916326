#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace lmlab {

struct MultiHeadAttentionOptions {
  MultiHeadAttentionOptions(int64_t d_model, int64_t n_heads) : d_model_(d_model), n_heads_(n_heads) {}
  TORCH_ARG(int64_t, d_model);
  TORCH_ARG(int64_t, n_heads);
  TORCH_ARG(double, dropout) = 0.0;
  TORCH_ARG(bool, causal) = false;
  TORCH_ARG(bool, rotary) = false;  // rotary position embeddings on queries and keys
};

// Rotary position embeddings (Su et al., RoFormer): x (B, H, T, D) with each pair (x[i],
// x[i + D/2]) turned by the angle t * 10000^(-2i/D) at position t, the "rotate half" layout
// of GPT-NeoX and LLaMA. Returns (B, H, T, D).
torch::Tensor rotate_positions(const torch::Tensor& x);

// Multi-head self-attention, batch first. Written here rather than torch::nn's
// MultiheadAttention, which is sequence-first and averages the heads' probabilities.
// Normally it takes the fastest path the LibTorch version offers; with capture on (probe
// forwards only) it computes the probabilities explicitly and keeps them.
class MultiHeadAttentionImpl : public torch::nn::Module {
 public:
  explicit MultiHeadAttentionImpl(const MultiHeadAttentionOptions& options);
  void reset();

  // x: (B, T, C); padding: (B, T) bool, true for real tokens, or undefined. Returns (B, T, C).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& padding = {});

  void set_capture(bool on) { capture_ = on; }
  // (B, H, T, T) probabilities of the last forward with capture on; undefined otherwise.
  const torch::Tensor& captured() const { return captured_; }

  MultiHeadAttentionOptions options;
  torch::nn::Linear qkv{nullptr};  // fused query/key/value projection, C -> 3C
  torch::nn::Linear proj{nullptr};

 private:
  bool capture_ = false;
  torch::Tensor captured_;
};
TORCH_MODULE(MultiHeadAttention);

}  // namespace lmlab
