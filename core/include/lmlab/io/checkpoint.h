#pragma once

#include "lmlab/io/safetensors.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <c10/core/Device.h>

#include <memory>
#include <string>
#include <vector>

namespace lmlab {

// A checkpoint is a directory:
//   config.json           ModelConfig
//   model.safetensors     every parameter, float32, named as in the module tree
//   tokenizer.model       the SentencePiece model (or an imported model's tokenizer files:
//                         vocab.txt, or vocab.json + merges.txt; see tokenizer_files.h)
//   training_state.json   what the trainer wants to remember (step, settings, metrics)
//   resume_state.safetensors  (when given) what a trainer needs to resume exactly: AdamW's
//                         moments and torch's CPU generator (Pretrainer::resume_state)
// It is written into a temporary sibling directory and renamed into place, so a reader
// sees the old checkpoint or the complete new one.
void save_checkpoint(const std::string& dir, LanguageModelImpl& model, const Tokenizer& tokenizer,
                     const std::string& training_state_json, const NamedTensors& resume_tensors = {});

// The checkpoint's resume_state.safetensors. Throws lmlab::Error when it has none (a
// checkpoint from fine-tuning, an import, or an LM Lab before exact resume).
NamedTensors read_resume_tensors(const std::string& dir);

struct LoadedCheckpoint {
  LanguageModel model{nullptr};
  std::shared_ptr<const Tokenizer> tokenizer;
  std::string training_state_json;
};

// Throws lmlab::Error naming the file and what is wrong: a missing file, a config that does
// not parse, a tensor that is missing, unexpected, or of the wrong shape or dtype.
LoadedCheckpoint load_checkpoint(const std::string& dir, const c10::Device& device);

// A classifier checkpoint's label names in id order, as its training_state.json recorded them
// (fine-tuning writes them); numbers for labels it does not name; empty for a model without a
// classifier.
std::vector<std::string> checkpoint_labels(const LoadedCheckpoint& checkpoint);

// Copies weights into model, checking names, shapes and dtypes (origin names the source).
void load_weights(LanguageModelImpl& model, const NamedTensors& tensors, const std::string& origin);
NamedTensors model_weights(LanguageModelImpl& model);

}  // namespace lmlab
