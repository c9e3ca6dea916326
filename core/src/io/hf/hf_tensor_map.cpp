#include "hf_tensor_map.h"

#include "lmlab/error.h"

#include <algorithm>

namespace lmlab::hf {

namespace {

using Param = std::pair<std::string, Source>;

Source same(std::string name) { return {Source::Kind::Same, {std::move(name)}}; }
Source transposed(std::string name) { return {Source::Kind::Transposed, {std::move(name)}}; }
Source table(std::string name, int64_t row_offset = 0) {
  return {Source::Kind::Same, {std::move(name)}, row_offset, true};
}

// weight and bias of one Linear or LayerNorm.
void linear(std::vector<Param>& out, const std::string& ours, const std::string& theirs) {
  out.emplace_back(ours + ".weight", same(theirs + ".weight"));
  out.emplace_back(ours + ".bias", same(theirs + ".bias"));
}

void conv1d(std::vector<Param>& out, const std::string& ours, const std::string& theirs) {
  out.emplace_back(ours + ".weight", transposed(theirs + ".weight"));
  out.emplace_back(ours + ".bias", same(theirs + ".bias"));
}

void qkv(std::vector<Param>& out, const std::string& ours, const std::string& q, const std::string& k,
         const std::string& v) {
  for (const char* field : {".weight", ".bias"})
    out.emplace_back(ours + field, Source{Source::Kind::Stacked, {q + field, k + field, v + field}});
}

Part bert_body(ModelType type, int n_layers, const std::string& p, int64_t position_offset) {
  Part body{"encoder", true, {}};
  auto& b = body.params;
  const std::string e = "encoder.embeddings.";
  b.emplace_back(e + "token.weight", table(p + "embeddings.word_embeddings.weight"));
  b.emplace_back(e + "position.weight", table(p + "embeddings.position_embeddings.weight", position_offset));
  if (type != ModelType::DistilBert)
    b.emplace_back(e + "segment.weight", same(p + "embeddings.token_type_embeddings.weight"));
  linear(b, e + "norm", p + "embeddings.LayerNorm");
  for (int i = 0; i < n_layers; ++i) {
    const auto ours = "encoder.layers." + std::to_string(i) + ".";
    if (type == ModelType::DistilBert) {
      const auto theirs = p + "transformer.layer." + std::to_string(i) + ".";
      qkv(b, ours + "attention.qkv", theirs + "attention.q_lin", theirs + "attention.k_lin", theirs + "attention.v_lin");
      linear(b, ours + "attention.proj", theirs + "attention.out_lin");
      linear(b, ours + "ln_attention", theirs + "sa_layer_norm");
      linear(b, ours + "ff_in", theirs + "ffn.lin1");
      linear(b, ours + "ff_out", theirs + "ffn.lin2");
      linear(b, ours + "ln_ff", theirs + "output_layer_norm");
    } else {
      const auto theirs = p + "encoder.layer." + std::to_string(i) + ".";
      const auto self = theirs + "attention.self.";
      qkv(b, ours + "attention.qkv", self + "query", self + "key", self + "value");
      linear(b, ours + "attention.proj", theirs + "attention.output.dense");
      linear(b, ours + "ln_attention", theirs + "attention.output.LayerNorm");
      linear(b, ours + "ff_in", theirs + "intermediate.dense");
      linear(b, ours + "ff_out", theirs + "output.dense");
      linear(b, ours + "ln_ff", theirs + "output.LayerNorm");
    }
  }
  return body;
}

std::vector<Part> bert_heads(ModelType type, const std::string& p) {
  Part masked_lm{"masked-LM head", false, {}};
  Part pooler{"pooler", false, {}};
  Part next_sentence{"next-sentence head", false, {}};
  auto& m = masked_lm.params;
  if (type == ModelType::Bert) {
    linear(m, "masked_lm.transform", "cls.predictions.transform.dense");
    linear(m, "masked_lm.norm", "cls.predictions.transform.LayerNorm");
    m.emplace_back("masked_lm.bias", table("cls.predictions.bias"));
    linear(next_sentence.params, "next_sentence", "cls.seq_relationship");
  } else if (type == ModelType::Roberta) {
    linear(m, "masked_lm.transform", "lm_head.dense");
    linear(m, "masked_lm.norm", "lm_head.layer_norm");
    m.emplace_back("masked_lm.bias", table("lm_head.bias"));
  } else {
    linear(m, "masked_lm.transform", "vocab_transform");
    linear(m, "masked_lm.norm", "vocab_layer_norm");
    m.emplace_back("masked_lm.bias", table("vocab_projector.bias"));
  }
  if (type != ModelType::DistilBert) linear(pooler.params, "pooler.dense", p + "pooler.dense");
  std::vector<Part> heads{masked_lm};
  if (!pooler.params.empty()) heads.push_back(pooler);
  if (!next_sentence.params.empty()) heads.push_back(next_sentence);
  return heads;
}

Part gpt2_body(int n_layers, const std::string& p) {
  Part body{"decoder", true, {}};
  auto& b = body.params;
  b.emplace_back("decoder.embeddings.token.weight", table(p + "wte.weight"));
  b.emplace_back("decoder.embeddings.position.weight", table(p + "wpe.weight"));
  for (int i = 0; i < n_layers; ++i) {
    const auto ours = "decoder.layers." + std::to_string(i) + ".";
    const auto theirs = p + "h." + std::to_string(i) + ".";
    linear(b, ours + "ln_attention", theirs + "ln_1");
    conv1d(b, ours + "attention.qkv", theirs + "attn.c_attn");  // already fused q, k, v
    conv1d(b, ours + "attention.proj", theirs + "attn.c_proj");
    linear(b, ours + "ln_ff", theirs + "ln_2");
    conv1d(b, ours + "ff_in", theirs + "mlp.c_fc");
    conv1d(b, ours + "ff_out", theirs + "mlp.c_proj");
  }
  linear(b, "decoder.final_norm", p + "ln_f");
  return body;
}

const char* standard_prefix(ModelType type) {
  switch (type) {
    case ModelType::Bert: return "bert.";
    case ModelType::DistilBert: return "distilbert.";
    case ModelType::Roberta: return "roberta.";
    case ModelType::Gpt2: return "transformer.";
  }
  return "";
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::vector<Part> tensor_map(ModelType type, int n_layers, const std::string& body_prefix, int64_t position_offset) {
  if (type == ModelType::Gpt2) return {gpt2_body(n_layers, body_prefix)};
  std::vector<Part> parts{bert_body(type, n_layers, body_prefix, position_offset)};
  for (auto& head : bert_heads(type, body_prefix)) parts.push_back(std::move(head));
  return parts;
}

std::string find_body_prefix(ModelType type, const NamedTensors& tensors, const std::string& origin) {
  const std::string embedding = type == ModelType::Gpt2 ? "wte.weight" : "embeddings.word_embeddings.weight";
  const auto has = [&](const std::string& name) {
    return std::any_of(tensors.begin(), tensors.end(), [&](const auto& t) { return t.first == name; });
  };
  const std::string prefix = standard_prefix(type);
  if (has(prefix + embedding)) return prefix;
  if (has(embedding)) return "";
  throw Error(origin + ": tensor '" + prefix + embedding + "' (or '" + embedding + "') is missing");
}

bool is_tied_or_buffer(const std::string& name) {
  static const char* tails[] = {"cls.predictions.decoder.weight", "cls.predictions.decoder.bias",
                                "lm_head.decoder.weight",         "lm_head.decoder.bias",
                                "vocab_projector.weight",         "lm_head.weight",
                                ".attn.bias",                     ".attn.masked_bias",
                                "position_ids"};
  return std::any_of(std::begin(tails), std::end(tails), [&](const char* tail) { return ends_with(name, tail); });
}

}  // namespace lmlab::hf
