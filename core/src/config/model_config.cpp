#include "lmlab/model_config.h"

#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

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

namespace {

void require(bool ok, const std::string& setting, const std::string& rule) {
  if (!ok) throw Error("model setting " + setting + " " + rule);
}

}  // namespace

void ModelConfig::validate() const {
  require(vocab_size >= 8 && vocab_size <= 1'000'000, "vocab_size",
          "must be between 8 and 1000000, got " + std::to_string(vocab_size));
  require(n_layers >= 1 && n_layers <= 96, "n_layers",
          "must be between 1 and 96, got " + std::to_string(n_layers));
  require(n_heads >= 1 && n_heads <= 128, "n_heads",
          "must be between 1 and 128, got " + std::to_string(n_heads));
  require(d_model >= 8 && d_model <= 16384, "d_model",
          "must be between 8 and 16384, got " + std::to_string(d_model));
  require(d_model % n_heads == 0, "d_model",
          "(" + std::to_string(d_model) + ") must be divisible by n_heads (" +
              std::to_string(n_heads) + ")");
  require(d_ff >= 1 && d_ff <= 65536, "d_ff", "must be between 1 and 65536, got " + std::to_string(d_ff));
  require(max_seq_len >= 2 && max_seq_len <= 4096, "max_seq_len",
          "must be between 2 and 4096, got " + std::to_string(max_seq_len));
  require(type_vocab_size >= 0 && type_vocab_size <= 16, "type_vocab_size", "must be between 0 and 16");
  require(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1)");
  require(attention_dropout >= 0 && attention_dropout < 1, "attention_dropout", "must be in [0, 1)");
  require(layer_norm_eps > 0 && layer_norm_eps < 1, "layer_norm_eps", "must be in (0, 1)");
  require(initializer_range > 0 && initializer_range < 1, "initializer_range", "must be in (0, 1)");
  require(num_labels >= 0 && num_labels <= 10000, "num_labels", "must be between 0 and 10000");
}

std::string ModelConfig::to_json() const {
  json j = {{"arch", to_string(arch)},
            {"vocab_size", vocab_size},
            {"d_model", d_model},
            {"n_layers", n_layers},
            {"n_heads", n_heads},
            {"d_ff", d_ff},
            {"max_seq_len", max_seq_len},
            {"type_vocab_size", type_vocab_size},
            {"dropout", dropout},
            {"attention_dropout", attention_dropout},
            {"pre_ln", pre_ln},
            {"layer_norm_eps", layer_norm_eps},
            {"initializer_range", initializer_range},
            {"activation", to_string(activation)},
            {"num_labels", num_labels}};
  return j.dump(2) + "\n";
}

ModelConfig ModelConfig::from_json(const std::string& text, const std::string& origin) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(origin + " is not valid JSON: " + e.what());
  }
  if (!j.is_object()) throw Error(origin + " must hold a JSON object");
  ModelConfig c;
  const auto read = [&](const char* key, auto& field) {
    if (!j.contains(key)) return;
    try {
      j.at(key).get_to(field);
    } catch (const json::exception&) {
      throw Error(origin + ": setting '" + key + "' has the wrong type");
    }
  };
  std::string arch = to_string(c.arch);
  read("arch", arch);
  try {
    c.arch = parse_architecture(arch);
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  read("vocab_size", c.vocab_size);
  read("d_model", c.d_model);
  read("n_layers", c.n_layers);
  read("n_heads", c.n_heads);
  read("d_ff", c.d_ff);
  read("max_seq_len", c.max_seq_len);
  read("type_vocab_size", c.type_vocab_size);
  read("dropout", c.dropout);
  read("attention_dropout", c.attention_dropout);
  read("pre_ln", c.pre_ln);
  read("layer_norm_eps", c.layer_norm_eps);
  read("initializer_range", c.initializer_range);
  read("num_labels", c.num_labels);
  std::string activation = to_string(c.activation);
  read("activation", activation);
  try {
    c.activation = parse_activation(activation);
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    static const char* known[] = {"arch", "vocab_size", "d_model", "n_layers", "n_heads", "d_ff",
                                  "max_seq_len", "type_vocab_size", "dropout",
                                  "attention_dropout", "pre_ln", "layer_norm_eps",
                                  "initializer_range", "num_labels", "activation"};
    if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
      throw Error(origin + ": unknown setting '" + it.key() + "'");
  }
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
