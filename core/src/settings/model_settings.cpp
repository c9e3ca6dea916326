#include "lmlab/model_config.h"

namespace lmlab {

namespace {

using T = SettingType;

Description<ModelConfig> make_model() {
  Description<ModelConfig> d("model", "The shape of a transformer (config.json in a checkpoint)");
  d.add({"arch", T::Choice, 0, 0, {"bert", "gpt"}, {}, "", "ARCH", "model family (gpt is always pre-LN)"},
        [](const ModelConfig& c) { return nlohmann::json(to_string(c.arch)); },
        [](ModelConfig& c, const nlohmann::json& v) { c.arch = parse_architecture(v.get<std::string>()); });
  d.add(&ModelConfig::vocab_size, {"vocab_size", T::Integer, 8, 1e6, {}, {}, "tokens", "N", "vocabulary size"});
  d.add(&ModelConfig::d_model, {"d_model", T::Integer, 8, 16384, {}, {}, "", "D", "width of every hidden vector"});
  d.add(&ModelConfig::n_layers, {"n_layers", T::Integer, 1, 96, {}, {}, "layers", "L", "transformer blocks"});
  d.add(&ModelConfig::n_heads, {"n_heads", T::Integer, 1, 128, {}, {}, "heads", "H",
                                "attention heads per block (d_model must divide by it)"});
  d.add(&ModelConfig::d_ff, {"d_ff", T::Integer, 1, 65536, {}, {}, "", "F", "feed-forward width (4 x d_model in BERT and GPT-2)"});
  d.add(&ModelConfig::max_seq_len, {"max_seq_len", T::Integer, 2, 4096, {}, {}, "tokens", "T",
                                    "longest input (learned position embeddings)"});
  d.add(&ModelConfig::type_vocab_size, {"type_vocab_size", T::Integer, 0, 16, {}, {}, "", "N",
                                        "segment embeddings (BERT's sentence A/B; 0: none, as in DistilBERT)"});
  d.add(&ModelConfig::dropout, {"dropout", T::Real, 0, 0.99, {}, {}, "", "P", "dropout on embeddings and block outputs"});
  d.add(&ModelConfig::attention_dropout, {"attention_dropout", T::Real, 0, 0.99, {}, {}, "", "P",
                                          "dropout on attention weights"});
  d.add(&ModelConfig::pre_ln, {"pre_ln", T::Flag, 0, 0, {}, {}, "", "",
                               "layer norm before each sub-layer (GPT-2) instead of after it (BERT)"});
  d.add(&ModelConfig::layer_norm_eps, {"layer_norm_eps", T::Real, 1e-15, 0.1, {}, {}, "", "E", "layer norm's epsilon"});
  d.add(&ModelConfig::initializer_range, {"initializer_range", T::Real, 1e-6, 0.99, {}, {}, "", "S",
                                          "standard deviation of the initial weights"});
  d.add({"activation", T::Choice, 0, 0, {"gelu", "gelu_tanh"}, {}, "", "NAME",
         "feed-forward non-linearity: exact GELU (BERT) or its tanh approximation (GPT-2)"},
        [](const ModelConfig& c) { return nlohmann::json(to_string(c.activation)); },
        [](ModelConfig& c, const nlohmann::json& v) { c.activation = parse_activation(v.get<std::string>()); });
  d.add({"position_encoding", T::Choice, 0, 0, {"learned", "rotary"}, {}, "", "NAME",
         "positions as a learned table added to the embeddings (BERT, GPT-2) or rotary embeddings turning "
         "queries and keys (RoFormer, LLaMA)"},
        [](const ModelConfig& c) { return nlohmann::json(to_string(c.position_encoding)); },
        [](ModelConfig& c, const nlohmann::json& v) { c.position_encoding = parse_position_encoding(v.get<std::string>()); });
  d.add(&ModelConfig::num_labels, {"num_labels", T::Integer, 0, 10000, {}, {}, "labels", "N",
                                   "classes of the classifier head on [CLS] (0: no head)"});
  return d;
}

}  // namespace

const Description<ModelConfig>& model_config_description() {
  static const auto description = make_model();
  return description;
}

}  // namespace lmlab
