#pragma once

#include "lmlab/model/dropout.h"
#include "lmlab/model_config.h"

#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace lmlab {

// BERT's masked-LM head: dense + GELU (the model's activation) + layer norm, then the token
// embedding matrix (tied, passed in) and an output bias. Callers give it only the masked
// positions' hidden states, so the vocabulary projection costs 15% of a full one.
class MaskedLmHeadImpl : public torch::nn::Module {
 public:
  MaskedLmHeadImpl(int64_t d_model, int64_t vocab_size, double layer_norm_eps, Activation activation);
  // hidden: (N, C); token_embedding: (V, C). Returns logits (N, V).
  torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& token_embedding);
  // The (N, C) features the vocabulary projection reads (dense + GELU + layer norm).
  torch::Tensor features(const torch::Tensor& hidden);

  torch::nn::Linear transform{nullptr};
  torch::nn::LayerNorm norm{nullptr};
  torch::Tensor bias;  // (V)

 private:
  Activation activation_;
};
TORCH_MODULE(MaskedLmHead);

// BERT's pooler: the [CLS] hidden state through dense + tanh, input to NSP and classifiers.
class PoolerImpl : public torch::nn::Module {
 public:
  explicit PoolerImpl(int64_t d_model);
  torch::Tensor forward(const torch::Tensor& hidden);  // (B, T, C) -> (B, C)
  torch::nn::Linear dense{nullptr};
};
TORCH_MODULE(Pooler);

// Fine-tuning head: dropout + linear from a pooled vector (B, C) to label logits (B, K).
class ClassifierHeadImpl : public torch::nn::Module {
 public:
  ClassifierHeadImpl(int64_t d_model, int64_t num_labels, double dropout);
  torch::Tensor forward(const torch::Tensor& pooled);
  Dropout dropout{nullptr};
  torch::nn::Linear out{nullptr};
};
TORCH_MODULE(ClassifierHead);

}  // namespace lmlab
