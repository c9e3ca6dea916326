#include "hf_config.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/output_folder.h"
#include "lmlab/version.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <type_traits>

namespace lmlab::hf {

using nlohmann::json;

namespace {

class Fields {
 public:
  Fields(const json& j, std::string origin) : j_(j), origin_(std::move(origin)) {}

  template <typename T>
  T required(const char* key) const {
    if (!j_.contains(key) || j_.at(key).is_null()) throw Error(origin_ + ": field '" + key + "' is missing");
    return get<T>(key);
  }
  template <typename T>
  T optional(const char* key, T fallback) const {
    if (!j_.contains(key) || j_.at(key).is_null()) return fallback;
    return get<T>(key);
  }
  Error refuse(const std::string& key, const std::string& why) const {
    return Error(origin_ + ": " + key + " " + why);
  }

 private:
  template <typename T>
  T get(const char* key) const {
    if constexpr (std::is_same_v<T, int>) {
      // nlohmann's get<int> wraps 2^40+16 to 16 and truncates 128.5 to 128.
      const json& value = j_.at(key);
      if (!value.is_number_integer() || value.get<int64_t>() < std::numeric_limits<int>::min() ||
          value.get<int64_t>() > std::numeric_limits<int>::max() ||
          (value.is_number_unsigned() && value.get<uint64_t>() > uint64_t(std::numeric_limits<int>::max())))
        throw Error(origin_ + ": field '" + key + "' must be a whole number of at most " +
                    std::to_string(std::numeric_limits<int>::max()) + ", got " + value.dump());
      return static_cast<int>(value.get<int64_t>());
    }
    try {
      return j_.at(key).get<T>();
    } catch (const json::exception&) {
      throw Error(origin_ + ": field '" + key + "' has the wrong type");
    }
  }
  const json& j_;
  std::string origin_;
};

Activation activation_from(const Fields& f, const char* key, const std::string& name) {
  // Hugging Face's names: "gelu" is the exact erf form; these three are the tanh form.
  if (name == "gelu") return Activation::Gelu;
  if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast") return Activation::GeluTanh;
  throw f.refuse(std::string(key) + " '" + name + "'",
                 "is not an activation LM Lab's blocks have (gelu, gelu_new, gelu_pytorch_tanh)");
}

void read_bert_like(const Fields& f, Config& c) {
  auto& m = c.model;
  m.arch = Architecture::Bert;
  m.vocab_size = f.required<int>("vocab_size");
  m.d_model = f.required<int>("hidden_size");
  m.n_layers = f.required<int>("num_hidden_layers");
  m.n_heads = f.required<int>("num_attention_heads");
  m.d_ff = f.required<int>("intermediate_size");
  m.type_vocab_size = f.optional<int>("type_vocab_size", 2);
  m.dropout = f.optional<double>("hidden_dropout_prob", 0.1);
  m.attention_dropout = f.optional<double>("attention_probs_dropout_prob", 0.1);
  m.layer_norm_eps = f.optional<double>("layer_norm_eps", 1e-12);
  m.initializer_range = f.optional<double>("initializer_range", 0.02);
  m.activation = activation_from(f, "hidden_act", f.optional<std::string>("hidden_act", "gelu"));
  const auto positions = f.optional<std::string>("position_embedding_type", "absolute");
  if (positions != "absolute")
    throw f.refuse("position_embedding_type '" + positions + "'", "is not supported (LM Lab learns absolute positions)");
  if (f.optional<bool>("is_decoder", false) || f.optional<bool>("add_cross_attention", false))
    throw f.refuse("is_decoder / add_cross_attention", "are set; LM Lab imports encoders without cross-attention");
  const int max_positions = f.required<int>("max_position_embeddings");
  if (c.type == ModelType::Roberta) {
    // RoBERTa numbers positions from pad_token_id + 1, so the table's first rows go unused.
    const int pad = f.optional<int>("pad_token_id", 1);
    if (pad < 0 || pad >= max_positions - 1)
      throw f.refuse("pad_token_id " + std::to_string(pad),
                     "must be from 0 to max_position_embeddings - 2 (" + std::to_string(max_positions - 2) +
                         "): RoBERTa numbers positions from it");
    c.position_offset = pad + 1;
  }
  m.max_seq_len = max_positions - static_cast<int>(c.position_offset);
}

void read_distilbert(const Fields& f, Config& c) {
  auto& m = c.model;
  m.arch = Architecture::Bert;
  m.vocab_size = f.required<int>("vocab_size");
  m.d_model = f.required<int>("dim");
  m.n_layers = f.required<int>("n_layers");
  m.n_heads = f.required<int>("n_heads");
  m.d_ff = f.required<int>("hidden_dim");
  m.max_seq_len = f.required<int>("max_position_embeddings");
  m.type_vocab_size = 0;  // DistilBERT dropped the segment embeddings
  m.dropout = f.optional<double>("dropout", 0.1);
  m.attention_dropout = f.optional<double>("attention_dropout", 0.1);
  m.layer_norm_eps = 1e-12;  // fixed in DistilBERT's code
  m.initializer_range = f.optional<double>("initializer_range", 0.02);
  m.activation = activation_from(f, "activation", f.optional<std::string>("activation", "gelu"));
}

void read_gpt2(const Fields& f, Config& c) {
  auto& m = c.model;
  m.arch = Architecture::Gpt;
  m.pre_ln = true;
  m.vocab_size = f.required<int>("vocab_size");
  m.d_model = f.required<int>("n_embd");
  m.n_layers = f.required<int>("n_layer");
  m.n_heads = f.required<int>("n_head");
  m.d_ff = f.optional<int>("n_inner", 4 * m.d_model);
  m.max_seq_len = f.required<int>("n_positions");
  m.dropout = f.optional<double>("resid_pdrop", 0.1);
  m.attention_dropout = f.optional<double>("attn_pdrop", 0.1);
  m.layer_norm_eps = f.optional<double>("layer_norm_epsilon", 1e-5);
  m.initializer_range = f.optional<double>("initializer_range", 0.02);
  m.activation = activation_from(f, "activation_function", f.optional<std::string>("activation_function", "gelu_new"));
  if (f.optional<bool>("scale_attn_by_inverse_layer_idx", false))
    throw f.refuse("scale_attn_by_inverse_layer_idx", "is set; LM Lab scales attention by 1/sqrt(head size) only");
  if (!f.optional<bool>("scale_attn_weights", true))
    throw f.refuse("scale_attn_weights", "is false; LM Lab always scales attention by 1/sqrt(head size)");
  if (f.optional<bool>("add_cross_attention", false))
    throw f.refuse("add_cross_attention", "is set; LM Lab imports decoders without cross-attention");
}

}  // namespace

Config read_config(const std::string& path) {
  const auto text = read_file(path, "Hugging Face config");
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw Error(path + " is not valid JSON: " + e.what());
  }
  if (!j.is_object()) throw Error(path + " must hold a JSON object");
  const Fields f(j, path);
  Config c;
  c.model_type = f.required<std::string>("model_type");
  if (c.model_type == "bert") {
    c.type = ModelType::Bert;
    read_bert_like(f, c);
  } else if (c.model_type == "roberta") {
    c.type = ModelType::Roberta;
    read_bert_like(f, c);
  } else if (c.model_type == "distilbert") {
    c.type = ModelType::DistilBert;
    read_distilbert(f, c);
  } else if (c.model_type == "gpt2") {
    c.type = ModelType::Gpt2;
    read_gpt2(f, c);
  } else {
    throw Error(path + ": model_type '" + c.model_type +
                "' is not one LM Lab can import (bert, distilbert, roberta, gpt2)");
  }
  try {
    c.model.validate();
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
  return c;
}

std::string export_config_json(const ModelConfig& m, const SpecialIds& specials) {
  const bool tanh = m.activation == Activation::GeluTanh;
  json j;
  if (m.arch == Architecture::Bert) {
    j = {{"architectures", {"BertForPreTraining"}},
         {"model_type", "bert"},
         {"vocab_size", m.vocab_size},
         {"hidden_size", m.d_model},
         {"num_hidden_layers", m.n_layers},
         {"num_attention_heads", m.n_heads},
         {"intermediate_size", m.d_ff},
         {"hidden_act", tanh ? "gelu_new" : "gelu"},
         {"hidden_dropout_prob", m.dropout},
         {"attention_probs_dropout_prob", m.attention_dropout},
         {"max_position_embeddings", m.max_seq_len},
         {"type_vocab_size", std::max(1, m.type_vocab_size)},
         {"layer_norm_eps", m.layer_norm_eps},
         {"initializer_range", m.initializer_range},
         {"position_embedding_type", "absolute"},
         {"pad_token_id", specials.pad}};
  } else {
    j = {{"architectures", {"GPT2LMHeadModel"}},
         {"model_type", "gpt2"},
         {"vocab_size", m.vocab_size},
         {"n_embd", m.d_model},
         {"n_layer", m.n_layers},
         {"n_head", m.n_heads},
         {"n_inner", m.d_ff},
         {"n_positions", m.max_seq_len},
         {"n_ctx", m.max_seq_len},
         {"activation_function", tanh ? "gelu_new" : "gelu"},
         {"resid_pdrop", m.dropout},
         {"embd_pdrop", m.dropout},
         {"attn_pdrop", m.attention_dropout},
         {"layer_norm_epsilon", m.layer_norm_eps},
         {"initializer_range", m.initializer_range},
         {"bos_token_id", specials.bos},
         {"eos_token_id", specials.eos}};
  }
  j[kExportedByKey] = std::string("LM Lab ") + LMLAB_VERSION;  // the next export may replace this folder
  return j.dump(2) + "\n";
}

}  // namespace lmlab::hf
