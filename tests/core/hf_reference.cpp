#include "hf_reference.h"

#include <cmath>

namespace lmlab::test {

namespace {

at::Tensor layer_norm(const at::Tensor& x, const at::Tensor& gain, const at::Tensor& shift, double eps) {
  const auto mean = x.mean(-1, true);
  const auto var = (x - mean).pow(2).mean(-1, true);
  return (x - mean) / (var + eps).sqrt() * gain + shift;
}

at::Tensor gelu_erf(const at::Tensor& x) { return 0.5 * x * (1.0 + (x / std::sqrt(2.0)).erf()); }

at::Tensor gelu_tanh(const at::Tensor& x) {
  return 0.5 * x * (1.0 + (std::sqrt(2.0 / M_PI) * (x + 0.044715 * x.pow(3))).tanh());
}

// nn.Linear: y = x W^T + b with W (out, in).
at::Tensor linear(const HfTensors& t, const std::string& name, const at::Tensor& x) {
  return x.matmul(t.at(name + ".weight").t()) + t.at(name + ".bias");
}

// GPT-2's Conv1D: y = x W + b with W (in, out).
at::Tensor conv1d(const HfTensors& t, const std::string& name, const at::Tensor& x) {
  return x.matmul(t.at(name + ".weight")) + t.at(name + ".bias");
}

at::Tensor norm(const HfTensors& t, const std::string& name, const at::Tensor& x, double eps) {
  return layer_norm(x, t.at(name + ".weight"), t.at(name + ".bias"), eps);
}

// softmax(q k^T / sqrt(d) + mask) v over heads; q, k, v (B, T, C); mask (B or 1, 1, T, T)
// additive.
at::Tensor attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, int heads, const at::Tensor& mask) {
  const auto B = q.size(0), T = q.size(1), C = q.size(2), D = C / heads;
  const auto split = [&](const at::Tensor& x) { return x.view({B, T, heads, D}).transpose(1, 2); };
  auto scores = split(q).matmul(split(k).transpose(-1, -2)) / std::sqrt(static_cast<double>(D)) + mask;
  const auto weights = scores.exp() / scores.exp().sum(-1, true);  // softmax, written out
  return weights.matmul(split(v)).transpose(1, 2).reshape({B, T, C});
}

at::Tensor additive_mask(const at::Tensor& padding, int64_t T) {
  if (!padding.defined()) return at::zeros({1, 1, T, T});
  return (1.0 - padding.to(at::kFloat)).view({padding.size(0), 1, 1, T}) * -1e4;
}

}  // namespace

EncoderOutput reference_encoder(const HfTensors& t, const std::string& type, const HfShape& s, const at::Tensor& ids,
                                const at::Tensor& segments, const at::Tensor& padding) {
  const bool distil = type == "distilbert", roberta = type == "roberta";
  const double eps = roberta ? 1e-5 : 1e-12;
  const std::string p = type + ".";
  const auto T = ids.size(1);
  // RoBERTa numbers positions from padding_idx + 1 = 2.
  const auto positions = at::arange(T, at::kLong) + (roberta ? 2 : 0);
  auto x = t.at(p + "embeddings.word_embeddings.weight").index_select(0, ids.flatten()).view({ids.size(0), T, -1}) +
           t.at(p + "embeddings.position_embeddings.weight").index_select(0, positions);
  if (!distil) {
    const auto types = segments.defined() ? segments : at::zeros_like(ids);
    x = x + t.at(p + "embeddings.token_type_embeddings.weight").index_select(0, types.flatten()).view_as(x);
  }
  x = norm(t, p + "embeddings.LayerNorm", x, eps);
  const auto mask = additive_mask(padding, T);
  for (int i = 0; i < s.layers; ++i) {
    if (distil) {
      const auto l = p + "transformer.layer." + std::to_string(i) + ".";
      const auto a = linear(t, l + "attention.out_lin",
                            attend(linear(t, l + "attention.q_lin", x), linear(t, l + "attention.k_lin", x),
                                   linear(t, l + "attention.v_lin", x), s.heads, mask));
      x = norm(t, l + "sa_layer_norm", x + a, eps);
      x = norm(t, l + "output_layer_norm", x + linear(t, l + "ffn.lin2", gelu_erf(linear(t, l + "ffn.lin1", x))), eps);
    } else {
      const auto l = p + "encoder.layer." + std::to_string(i) + ".";
      const auto self = l + "attention.self.";
      const auto a = linear(t, l + "attention.output.dense",
                            attend(linear(t, self + "query", x), linear(t, self + "key", x),
                                   linear(t, self + "value", x), s.heads, mask));
      x = norm(t, l + "attention.output.LayerNorm", x + a, eps);
      const auto f = linear(t, l + "output.dense", gelu_erf(linear(t, l + "intermediate.dense", x)));
      x = norm(t, l + "output.LayerNorm", x + f, eps);
    }
  }
  at::Tensor features, bias;
  if (type == "bert") {
    features = norm(t, "cls.predictions.transform.LayerNorm",
                    gelu_erf(linear(t, "cls.predictions.transform.dense", x)), eps);
    bias = t.at("cls.predictions.bias");
  } else if (roberta) {
    features = norm(t, "lm_head.layer_norm", gelu_erf(linear(t, "lm_head.dense", x)), eps);
    bias = t.at("lm_head.bias");
  } else {
    features = norm(t, "vocab_layer_norm", gelu_erf(linear(t, "vocab_transform", x)), eps);
    bias = t.at("vocab_projector.bias");
  }
  return {x, features.matmul(t.at(p + "embeddings.word_embeddings.weight").t()) + bias};
}

at::Tensor reference_next_sentence(const HfTensors& t, const at::Tensor& hidden) {
  const auto pooled = linear(t, "bert.pooler.dense", hidden.select(1, 0)).tanh();
  return linear(t, "cls.seq_relationship", pooled);
}

at::Tensor reference_gpt2(const HfTensors& t, const HfShape& s, const at::Tensor& ids) {
  const auto T = ids.size(1);
  const auto& wte = t.at("transformer.wte.weight");
  auto x = wte.index_select(0, ids.flatten()).view({ids.size(0), T, -1}) +
           t.at("transformer.wpe.weight").index_select(0, at::arange(T, at::kLong));
  const auto causal = (1.0 - at::ones({T, T}).tril()).view({1, 1, T, T}) * -1e4;
  for (int i = 0; i < s.layers; ++i) {
    const auto l = "transformer.h." + std::to_string(i) + ".";
    const auto qkv = conv1d(t, l + "attn.c_attn", norm(t, l + "ln_1", x, 1e-5)).split(s.d_model, -1);
    x = x + conv1d(t, l + "attn.c_proj", attend(qkv[0], qkv[1], qkv[2], s.heads, causal));
    x = x + conv1d(t, l + "mlp.c_proj", gelu_tanh(conv1d(t, l + "mlp.c_fc", norm(t, l + "ln_2", x, 1e-5))));
  }
  return norm(t, "transformer.ln_f", x, 1e-5).matmul(wte.t());
}

}  // namespace lmlab::test
