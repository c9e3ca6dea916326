#pragma once

#include "lmlab/model/attention.h"

#include "lmlab/model/dropout.h"
#include "lmlab/model_config.h"

#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace lmlab {

struct TransformerBlockOptions {
  TransformerBlockOptions(int64_t d_model, int64_t n_heads, int64_t d_ff)
      : d_model_(d_model), n_heads_(n_heads), d_ff_(d_ff) {}
  TORCH_ARG(int64_t, d_model);
  TORCH_ARG(int64_t, n_heads);
  TORCH_ARG(int64_t, d_ff);
  TORCH_ARG(double, dropout) = 0.1;
  TORCH_ARG(double, attention_dropout) = 0.1;
  TORCH_ARG(bool, causal) = false;
  // Pre-LN (GPT-2): x + f(LN(x)). Post-LN (BERT): LN(x + f(x)).
  TORCH_ARG(bool, pre_ln) = false;
  TORCH_ARG(double, layer_norm_eps) = 1e-12;
  TORCH_ARG(Activation, activation) = Activation::Gelu;
  TORCH_ARG(bool, rotary) = false;  // rotary position embeddings in attention
};

// One transformer layer: self-attention and a GELU feed-forward, each with a residual
// connection and a layer norm placed as the options say.
class TransformerBlockImpl : public torch::nn::Module {
 public:
  explicit TransformerBlockImpl(const TransformerBlockOptions& options);
  void reset();

  // x: (B, T, C); padding: (B, T) bool, true for real tokens, or undefined.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& padding = {});

  TransformerBlockOptions options;
  MultiHeadAttention attention{nullptr};
  torch::nn::LayerNorm ln_attention{nullptr};
  torch::nn::Linear ff_in{nullptr};   // C -> d_ff
  torch::nn::Linear ff_out{nullptr};  // d_ff -> C
  torch::nn::LayerNorm ln_ff{nullptr};
  Dropout dropout{nullptr};

 private:
  torch::Tensor feed_forward(const torch::Tensor& x);
};
TORCH_MODULE(TransformerBlock);

}  // namespace lmlab
