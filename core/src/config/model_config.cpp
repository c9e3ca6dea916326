#include "lmlab/model_config.h"

#include "lmlab/error.h"

#include <nlohmann/json.hpp>

namespace lmlab {

using nlohmann::json;

std::string to_string(Architecture arch) { return arch == Architecture::Bert ? "bert" : "gpt"; }

Architecture parse_architecture(const std::string& name) {
  if (name == "bert") return Architecture::Bert;
  if (name == "gpt") return Architecture::Gpt;
  throw Error("architecture '" + name + "' is not bert or gpt");
}

std::string to_string(Activation activation) {
  return activation == Activation::Gelu ? "gelu" : "gelu_tanh";
}

Activation parse_activation(const std::string& name) {
  if (name == "gelu") return Activation::Gelu;
  if (name == "gelu_tanh") return Activation::GeluTanh;
  throw Error("activation '" + name + "' is not gelu or gelu_tanh");
}

std::string to_string(PositionEncoding encoding) {
  return encoding == PositionEncoding::Learned ? "learned" : "rotary";
}

PositionEncoding parse_position_encoding(const std::string& name) {
  if (name == "learned") return PositionEncoding::Learned;
  if (name == "rotary") return PositionEncoding::Rotary;
  throw Error("position encoding '" + name + "' is not learned or rotary");
}

double ModelConfig::parameter_count() const {
  const double d = d_model, f = d_ff, vocab = vocab_size;
  // BERT adds segment embeddings and normalises the sum.
  const double embeddings = vocab * d + (position_encoding == PositionEncoding::Learned ? max_seq_len * d : 0) +
                            (arch == Architecture::Bert ? type_vocab_size * d + 2 * d : 0);
  const double block = 4 * (d * d + d) + (d * f + f) + (f * d + d) + 2 * 2 * d;
  // BERT: pooler, masked-LM transform and bias, next-sentence head; GPT: the final norm. The
  // output embedding is the input one.
  const double heads = arch == Architecture::Bert ? (d * d + d) + (d * d + d) + 2 * d + vocab + (2 * d + 2) : 2 * d;
  const double classifier = num_labels > 0 ? d * num_labels + num_labels : 0;
  return embeddings + n_layers * block + heads + classifier;
}

void ModelConfig::validate() const {
  model_config_description().check(*this);
  if (parameter_count() > kMaxParameters)
    throw Error("these model settings make about " + std::to_string(static_cast<int64_t>(parameter_count() / 1e6)) +
                " million parameters (" + std::to_string(static_cast<int64_t>(parameter_count() * 4 / (1 << 30))) +
                " GiB of float32 weights); LM Lab builds models of up to " +
                std::to_string(static_cast<int64_t>(kMaxParameters / 1e9)) + " billion");
  if (d_model % n_heads != 0)
    throw Error("model setting d_model (" + std::to_string(d_model) + ") must be divisible by n_heads (" +
                std::to_string(n_heads) + ")");
  if (position_encoding == PositionEncoding::Rotary && (d_model / n_heads) % 2 != 0)
    throw Error("model setting position_encoding rotary needs an even head width, not d_model / n_heads = " +
                std::to_string(d_model / n_heads));
}

std::string ModelConfig::to_json() const { return model_config_description().values(*this).dump(2) + "\n"; }

ModelConfig ModelConfig::from_json(const std::string& text, const std::string& origin) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw Error(origin + " is not valid JSON: " + e.what());
  }
  ModelConfig c;
  model_config_description().apply(c, j, origin);
  if (c.arch == Architecture::Gpt) c.pre_ln = true;
  try {
    c.validate();
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  return c;
}

ModelConfig ModelConfig::preset(const std::string& name, Architecture arch) {
  ModelConfig c;
  c.arch = arch;
  if (name == "tiny") {
    c.n_layers = 2, c.d_model = 128, c.n_heads = 2;
  } else if (name == "small") {
    c.n_layers = 4, c.d_model = 256, c.n_heads = 4;
  } else if (name == "base") {
    c.n_layers = 12, c.d_model = 768, c.n_heads = 12, c.max_seq_len = 512;
  } else {
    throw Error("preset '" + name + "' is not tiny, small or base");
  }
  c.d_ff = 4 * c.d_model;
  if (arch == Architecture::Gpt) {
    c.pre_ln = true;
    c.layer_norm_eps = 1e-5;
  }
  return c;
}

}  // namespace lmlab
