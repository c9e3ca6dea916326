#include "lmlab/model/embeddings.h"

#include "lmlab/error.h"

namespace lmlab {

EmbeddingsImpl::EmbeddingsImpl(const EmbeddingsOptions& options_) : options(options_) { reset(); }

void EmbeddingsImpl::reset() {
  const auto c = options.d_model();
  token = register_module("token", torch::nn::Embedding(options.vocab_size(), c));
  if (options.learned_positions())
    position = register_module("position", torch::nn::Embedding(options.max_seq_len(), c));
  if (options.type_vocab_size() > 0)
    segment = register_module("segment", torch::nn::Embedding(options.type_vocab_size(), c));
  if (options.layer_norm())
    norm = register_module(
        "norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c}).eps(options.layer_norm_eps())));
  dropout = register_module("dropout", Dropout(options.dropout()));
}

torch::Tensor EmbeddingsImpl::forward(const torch::Tensor& ids, const torch::Tensor& segments) {
  return forward_vectors(token(ids), segments);
}

torch::Tensor EmbeddingsImpl::forward_vectors(const torch::Tensor& token_vectors, const torch::Tensor& segments) {
  const auto T = token_vectors.size(1);
  if (T > options.max_seq_len())
    throw Error("a sequence of " + std::to_string(T) + " tokens is longer than the model's " +
                "max_seq_len (" + std::to_string(options.max_seq_len()) + ")");
  auto x = token_vectors;  // (B, T, C)
  if (position) x = x + position(torch::arange(T, token_vectors.options().dtype(torch::kLong))).unsqueeze(0);
  if (segment) {
    x = segments.defined() ? x + segment(segments) : x + segment->weight[0];
  }
  if (norm) x = norm(x);
  return dropout(x);
}

}  // namespace lmlab
