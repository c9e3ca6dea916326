#include "lmlab/model/block.h"

#include "lmlab/model/activation.h"
#include "lmlab/model/dense.h"

namespace lmlab {

TransformerBlockImpl::TransformerBlockImpl(const TransformerBlockOptions& options_)
    : options(options_) {
  reset();
}

void TransformerBlockImpl::reset() {
  const auto c = options.d_model();
  const auto norm = torch::nn::LayerNormOptions({c}).eps(options.layer_norm_eps());
  attention = register_module(
      "attention", MultiHeadAttention(MultiHeadAttentionOptions(c, options.n_heads())
                                          .dropout(options.attention_dropout())
                                          .causal(options.causal())
                                          .rotary(options.rotary())));
  ln_attention = register_module("ln_attention", torch::nn::LayerNorm(norm));
  ff_in = register_module("ff_in", torch::nn::Linear(c, options.d_ff()));
  ff_out = register_module("ff_out", torch::nn::Linear(options.d_ff(), c));
  ln_ff = register_module("ln_ff", torch::nn::LayerNorm(norm));
  dropout = register_module("dropout", Dropout(options.dropout()));
}

torch::Tensor TransformerBlockImpl::feed_forward(const torch::Tensor& x) {
  return dense(ff_out, activate(dense(ff_in, x), options.activation()));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& padding) {
  if (options.pre_ln()) {
    auto h = dropout->add_to(x, attention(ln_attention(x), padding));
    return dropout->add_to(h, feed_forward(ln_ff(h)));
  }
  auto h = ln_attention(dropout->add_to(x, attention(x, padding)));
  return ln_ff(dropout->add_to(h, feed_forward(h)));
}

}  // namespace lmlab
