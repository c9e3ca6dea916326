#include "lmlab/model/language_model.h"

#include "lmlab/error.h"

#include <torch/nn/functional/linear.h>
#include <torch/nn/init.h>

namespace lmlab {

LanguageModelImpl::LanguageModelImpl(const ModelConfig& config) : config_(config) {
  config_.validate();
  if (config_.arch == Architecture::Bert) {
    body_ = register_module("encoder", Encoder(config_).ptr());
    pooler = register_module("pooler", Pooler(config_.d_model));
    masked_lm = register_module("masked_lm",
                                MaskedLmHead(config_.d_model, config_.vocab_size,
                                             config_.layer_norm_eps, config_.activation));
    next_sentence = register_module("next_sentence", torch::nn::Linear(config_.d_model, 2));
  } else {
    body_ = register_module("decoder", Decoder(config_).ptr());
  }
  set_num_labels(config_.num_labels);
  initialize_weights();
}

void LanguageModelImpl::set_num_labels(int num_labels) {
  if (num_labels < 0) throw Error("num_labels must not be negative");
  config_.num_labels = num_labels;
  if (classifier) {
    unregister_module("classifier");
    classifier = nullptr;
  }
  if (num_labels > 0) {
    classifier = register_module("classifier",
                                 ClassifierHead(config_.d_model, num_labels, config_.dropout));
    torch::NoGradGuard no_grad;
    torch::nn::init::normal_(classifier->out->weight, 0.0, config_.initializer_range);
    torch::nn::init::zeros_(classifier->out->bias);
  }
}

void LanguageModelImpl::initialize_weights() {
  torch::NoGradGuard no_grad;
  for (auto& module : modules(/*include_self=*/false)) {
    if (auto* linear = module->as<torch::nn::Linear>()) {
      torch::nn::init::normal_(linear->weight, 0.0, config_.initializer_range);
      if (linear->bias.defined()) torch::nn::init::zeros_(linear->bias);
    } else if (auto* embedding = module->as<torch::nn::Embedding>()) {
      torch::nn::init::normal_(embedding->weight, 0.0, config_.initializer_range);
    } else if (auto* norm = module->as<torch::nn::LayerNorm>()) {
      torch::nn::init::ones_(norm->weight);
      torch::nn::init::zeros_(norm->bias);
    }
  }
  if (masked_lm) torch::nn::init::zeros_(masked_lm->bias);
}

torch::Tensor LanguageModelImpl::hidden_states(const torch::Tensor& ids, const torch::Tensor& segments,
                                               const torch::Tensor& padding) {
  return body_->forward(ids, segments, padding);
}

torch::Tensor LanguageModelImpl::masked_lm_logits(const torch::Tensor& hidden_rows) {
  if (!masked_lm) throw Error("a GPT model has no masked-LM head");
  return masked_lm(hidden_rows, body_->embeddings->token->weight);
}

torch::Tensor LanguageModelImpl::next_sentence_logits(const torch::Tensor& hidden) {
  if (!next_sentence) throw Error("a GPT model has no next-sentence head");
  return next_sentence(pooler(hidden));
}

torch::Tensor LanguageModelImpl::lm_logits(const torch::Tensor& hidden) {
  return torch::nn::functional::linear(hidden, body_->embeddings->token->weight);
}

torch::Tensor LanguageModelImpl::pooled(const torch::Tensor& hidden, const torch::Tensor& padding) {
  if (pooler) return pooler(hidden);
  // GPT: the last real token has seen the whole input.
  const auto B = hidden.size(0);
  auto last = padding.defined() ? padding.sum(1).sub(1).clamp_min(0)
                                : torch::full({B}, hidden.size(1) - 1, hidden.options().dtype(torch::kLong));
  return hidden.index({torch::arange(B, last.options()), last});  // (B, C)
}

torch::Tensor LanguageModelImpl::classifier_logits(const torch::Tensor& hidden, const torch::Tensor& padding) {
  if (!classifier) throw Error("the model has no classifier head (num_labels is 0)");
  return classifier(pooled(hidden, padding));
}

}  // namespace lmlab
