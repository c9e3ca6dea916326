#include "lmlab/model/heads.h"

#include "lmlab/model/activation.h"
#include "lmlab/model/dense.h"

#include <torch/nn/functional/linear.h>

namespace lmlab {

MaskedLmHeadImpl::MaskedLmHeadImpl(int64_t d_model, int64_t vocab_size, double layer_norm_eps,
                                   Activation activation)
    : activation_(activation) {
  transform = register_module("transform", torch::nn::Linear(d_model, d_model));
  norm = register_module(
      "norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model}).eps(layer_norm_eps)));
  bias = register_parameter("bias", torch::zeros({vocab_size}));
}

torch::Tensor MaskedLmHeadImpl::features(const torch::Tensor& hidden) {
  return norm(activate(dense(transform, hidden), activation_));
}

torch::Tensor MaskedLmHeadImpl::forward(const torch::Tensor& hidden, const torch::Tensor& token_embedding) {
  return torch::nn::functional::linear(features(hidden), token_embedding, bias);  // (N, V)
}

PoolerImpl::PoolerImpl(int64_t d_model) {
  dense = register_module("dense", torch::nn::Linear(d_model, d_model));
}

torch::Tensor PoolerImpl::forward(const torch::Tensor& hidden) {
  return torch::tanh(dense(hidden.select(1, 0)));  // the [CLS] position
}

ClassifierHeadImpl::ClassifierHeadImpl(int64_t d_model, int64_t num_labels, double p) {
  dropout = register_module("dropout", Dropout(p));
  out = register_module("out", torch::nn::Linear(d_model, num_labels));
}

torch::Tensor ClassifierHeadImpl::forward(const torch::Tensor& pooled) { return out(dropout(pooled)); }

}  // namespace lmlab
