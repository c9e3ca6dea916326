#pragma once

#include "lmlab/model/heads.h"
#include "lmlab/model/transformer_stack.h"
#include "lmlab/model_config.h"

namespace lmlab {

// Everything one checkpoint holds: a BERT-style encoder with masked-LM, next-sentence and
// (optional) classifier heads, or a GPT-style decoder with a tied LM head and (optional)
// classifier. Losses live in train/; this module only computes hidden states and logits.
class LanguageModelImpl : public torch::nn::Module {
 public:
  explicit LanguageModelImpl(const ModelConfig& config);

  // BERT-style initialisation: normal(0, initializer_range) weights, zero biases, unit
  // layer norms. Deterministic under torch::manual_seed.
  void initialize_weights();

  // (B, T, C) last hidden states. segments/padding as in TransformerStack::forward.
  torch::Tensor hidden_states(const torch::Tensor& ids, const torch::Tensor& segments = {},
                              const torch::Tensor& padding = {});
  // Masked-LM logits (N, V) for the N rows of hidden (N, C) chosen by the caller (BERT).
  torch::Tensor masked_lm_logits(const torch::Tensor& hidden_rows);
  // The tied (V, C) token embedding that the LM and masked-LM heads project onto.
  const torch::Tensor& token_embedding() const { return body_->embeddings->token->weight; }
  // Next-sentence logits (B, 2): index 0 "is next", 1 "random" (BERT).
  torch::Tensor next_sentence_logits(const torch::Tensor& hidden);
  // Next-token logits (B, T, V) or (N, V) for chosen rows (GPT).
  torch::Tensor lm_logits(const torch::Tensor& hidden);
  // The (B, C) vector a classifier reads: BERT's pooled [CLS], GPT's last real token.
  torch::Tensor pooled(const torch::Tensor& hidden, const torch::Tensor& padding = {});
  // Label logits (B, K) from pooled().
  torch::Tensor classifier_logits(const torch::Tensor& hidden, const torch::Tensor& padding = {});

  const ModelConfig& config() const { return config_; }
  TransformerStackImpl& body() { return *body_; }
  // Adds or replaces the classifier head (fine-tuning a pretrained body for K labels).
  void set_num_labels(int num_labels);

  Pooler pooler{nullptr};              // BERT
  MaskedLmHead masked_lm{nullptr};     // BERT
  torch::nn::Linear next_sentence{nullptr};  // BERT
  ClassifierHead classifier{nullptr};  // when num_labels > 0

 private:
  ModelConfig config_;
  std::shared_ptr<TransformerStackImpl> body_;
};
TORCH_MODULE(LanguageModel);

}  // namespace lmlab
