#pragma once

#include "lmlab/model_config.h"
#include "lmlab/tokenizer.h"

#include <string>

namespace lmlab::hf {

enum class ModelType { Bert, DistilBert, Roberta, Gpt2 };

// What a Hugging Face config.json says, in LM Lab's terms.
struct Config {
  ModelType type = ModelType::Bert;
  std::string model_type;     // as written: "bert", "distilbert", "roberta", "gpt2"
  ModelConfig model;          // vocab_size is the checkpoint's embedding rows
  int64_t position_offset = 0;  // RoBERTa's positions start at padding_idx + 1
};

// Throws lmlab::Error naming path and the field: an unknown model_type, a missing or
// mistyped field, or a setting LM Lab's blocks cannot express (another activation,
// relative positions, cross-attention).
Config read_config(const std::string& path);

// config.json for a model exported as "bert" (encoders) or "gpt2" (decoders).
std::string export_config_json(const ModelConfig& model, const SpecialIds& specials);

}  // namespace lmlab::hf
