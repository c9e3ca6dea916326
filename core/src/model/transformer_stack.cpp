#include "lmlab/model/transformer_stack.h"

#include "lmlab/error.h"

namespace lmlab {

TransformerStackImpl::TransformerStackImpl(const ModelConfig& config, bool causal) {
  const bool pre_ln = causal || config.pre_ln;
  embeddings = register_module(
      "embeddings",
      Embeddings(EmbeddingsOptions(config.vocab_size, config.max_seq_len, config.d_model)
                     .type_vocab_size(causal ? 0 : config.type_vocab_size)
                     .layer_norm(!pre_ln)
                     .layer_norm_eps(config.layer_norm_eps)
                     .dropout(config.dropout)
                     .learned_positions(config.position_encoding == PositionEncoding::Learned)));
  layers = register_module("layers", torch::nn::ModuleList());
  for (int i = 0; i < config.n_layers; ++i) {
    blocks_.emplace_back(TransformerBlockOptions(config.d_model, config.n_heads, config.d_ff)
                             .dropout(config.dropout)
                             .attention_dropout(config.attention_dropout)
                             .causal(causal)
                             .pre_ln(pre_ln)
                             .layer_norm_eps(config.layer_norm_eps)
                             .activation(config.activation)
                             .rotary(config.position_encoding == PositionEncoding::Rotary));
    layers->push_back(blocks_.back());
  }
  if (pre_ln)
    final_norm = register_module(
        "final_norm",
        torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.d_model}).eps(config.layer_norm_eps)));
}

torch::Tensor TransformerStackImpl::forward(const torch::Tensor& ids, const torch::Tensor& segments,
                                            const torch::Tensor& padding) {
  return forward_vectors(embeddings->token(ids), segments, padding);
}

torch::Tensor TransformerStackImpl::forward_vectors(const torch::Tensor& token_vectors, const torch::Tensor& segments,
                                                    const torch::Tensor& padding) {
  auto x = embeddings->forward_vectors(token_vectors, segments);  // (B, T, C)
  for (auto& block : blocks_) x = block(x, padding);
  return final_norm ? final_norm(x) : x;
}

std::vector<torch::Tensor> TransformerStackImpl::layer_outputs(const torch::Tensor& ids, const torch::Tensor& segments,
                                                               const torch::Tensor& padding) {
  std::vector<torch::Tensor> out{embeddings(ids, segments)};  // (B, T, C) each
  for (auto& block : blocks_) out.push_back(block(out.back(), padding));
  if (final_norm) out.back() = final_norm(out.back());
  return out;
}

void TransformerStackImpl::set_attention_capture(const std::vector<int64_t>& chosen) {
  for (auto& block : blocks_) block->attention->set_capture(false);
  for (auto i : chosen) {
    if (i < 0 || i >= layer_count())
      throw Error("attention capture: layer " + std::to_string(i) + " does not exist (the model has " +
                  std::to_string(layer_count()) + ")");
    block(i)->attention->set_capture(true);
  }
  captured_layers_ = chosen;
}

torch::Tensor TransformerStackImpl::captured_attention() const {
  std::vector<torch::Tensor> maps;
  for (auto i : captured_layers_) {
    const auto& probs = blocks_.at(i)->attention->captured();
    if (!probs.defined()) throw Error("attention capture: no capturing forward has run yet");
    maps.push_back(probs);
  }
  if (maps.empty()) throw Error("attention capture: no layers were chosen");
  return torch::stack(maps);
}

}  // namespace lmlab
