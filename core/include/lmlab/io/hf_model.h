#pragma once

#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace lmlab {

// A model read from a Hugging Face folder (config.json, weights, tokenizer files).
struct HfImport {
  LanguageModel model{nullptr};  // on the CPU, in training mode like a fresh model
  std::shared_ptr<const Tokenizer> tokenizer;
  std::string model_type;  // "bert", "distilbert", "roberta", "gpt2"
  // What the learner should know: heads the folder lacked (they start from random
  // weights), tensors that were not used, embedding rows past the tokenizer.
  std::vector<std::string> notes;
  // The heads the folder lacked, by label ("masked-LM head", "next-sentence head", "pooler"):
  // they hold random weights, so their outputs mean nothing until trained.
  std::vector<std::string> untrained_heads;
};

// The training_state.json key under which an imported checkpoint lists its untrained heads.
inline constexpr const char* kUntrainedHeadsKey = "untrained_heads";

// Maps BERT, DistilBERT and RoBERTa encoders and GPT-2 decoders onto LM Lab's modules
// (fused qkv, GPT-2's transposed Conv1D weights, RoBERTa's position offset, tied output
// heads). Throws lmlab::Error naming the file, field or tensor at fault: an unknown
// architecture, a missing or misshapen tensor, a setting LM Lab cannot express.
HfImport import_hf_model(const std::string& folder);

// Imports folder and writes it as an LM Lab checkpoint at out_dir (atomically); the
// checkpoint's training_state.json records the source and the notes. Returns the import.
HfImport import_hf_checkpoint(const std::string& folder, const std::string& out_dir);

// The model_type an export writes for an architecture: "bert" for encoders, "gpt2" for decoders.
std::string exported_model_type(Architecture arch);

// Writes model in the Hugging Face layout (config.json with model_type "bert" or "gpt2",
// model.safetensors in their naming, the tokenizer's files), atomically. Returns notes on
// what the folder lacks (a classifier head; a SentencePiece tokenizer that Hugging Face's
// BERT and GPT-2 tokenizers cannot read). Throws lmlab::Error for a model Hugging Face's
// classes cannot express (a pre-LN encoder).
std::vector<std::string> export_hf_model(LanguageModelImpl& model, const Tokenizer& tokenizer,
                                         const std::string& out_dir);

}  // namespace lmlab
