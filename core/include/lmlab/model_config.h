#pragma once

#include "lmlab/settings/description.h"

#include <string>

namespace lmlab {

enum class Architecture { Bert, Gpt };

// The feed-forward (and masked-LM head) non-linearity: BERT's exact erf GELU, or GPT-2's
// tanh approximation ("gelu_new" in Hugging Face), which imported GPT-2 weights expect.
enum class Activation { Gelu, GeluTanh };

// Where a token's position enters: a learned table added to the embeddings (BERT, GPT-2), or
// rotary embeddings (RoFormer, LLaMA) that turn each head's queries and keys by an angle
// proportional to the position, so attention scores depend on relative distance.
enum class PositionEncoding { Learned, Rotary };

// The shape of a model. Plain data with a JSON round trip (config.json in a checkpoint);
// model_config_description() declares each field once (range, help), for validate(), the JSON
// and the forms. A new option is a field here, a line there, and the model code that uses it.
struct ModelConfig {
  Architecture arch = Architecture::Bert;
  int vocab_size = 8000;
  int d_model = 128;
  int n_layers = 2;
  int n_heads = 2;
  int d_ff = 512;             // feed-forward width, 4 x d_model in BERT and GPT-2
  int max_seq_len = 128;      // learned position embeddings (GPT-2 has 1024)
  int type_vocab_size = 2;    // segment embeddings (BERT only; 0: none, as in DistilBERT)
  double dropout = 0.1;
  double attention_dropout = 0.1;
  bool pre_ln = false;        // BERT: post-LN (false); GPT-2: pre-LN (forced true)
  double layer_norm_eps = 1e-12;
  double initializer_range = 0.02;
  Activation activation = Activation::Gelu;
  PositionEncoding position_encoding = PositionEncoding::Learned;
  int num_labels = 0;         // > 0 adds a classifier head on the pooled [CLS] vector

  // Throws lmlab::Error naming the first absurd setting.
  // Throws lmlab::Error naming the setting: a range, d_model / n_heads, or a model over
  // kMaxParameters (each setting in range can still multiply to terabytes).
  void validate() const;
  // The model's parameters, counted from the settings as LanguageModel builds them (embeddings,
  // blocks, heads), in double so that absurd settings cannot overflow.
  double parameter_count() const;
  static constexpr double kMaxParameters = 2e9;  // GPT-2 XL has 1.5 billion
  std::string to_json() const;
  // origin names the source in error messages (a file path, "preset tiny").
  static ModelConfig from_json(const std::string& json, const std::string& origin);
  // "tiny" (2 layers, d 128, 2 heads), "small" (4, 256, 4), "base" (12, 768, 12).
  static ModelConfig preset(const std::string& name, Architecture arch);
};

const Description<ModelConfig>& model_config_description();

std::string to_string(Architecture arch);
Architecture parse_architecture(const std::string& name);  // "bert" | "gpt"
std::string to_string(Activation activation);
Activation parse_activation(const std::string& name);  // "gelu" | "gelu_tanh"
std::string to_string(PositionEncoding encoding);
PositionEncoding parse_position_encoding(const std::string& name);  // "learned" | "rotary"

}  // namespace lmlab
