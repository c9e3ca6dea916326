#pragma once

#include "lmlab/model/language_model.h"

#include <torch/optim/optimizer.h>

#include <string>
#include <vector>

namespace lmlab {

// The parts of a LanguageModel that can be frozen: the embeddings, each transformer layer,
// and the head (everything else: pooler, MLM / NSP / LM heads, classifier, final norm).
struct ModelPart {
  enum Kind { Embeddings, Layer, Head } kind = Head;
  int layer = -1;  // for Layer
};
ModelPart part_of(const std::string& parameter_name);

// Which parts are frozen. Freezing the embeddings and the lowest layers also shortens the
// backward pass: autograd stops below the lowest part that still trains.
struct FreezeState {
  bool embeddings = false;
  std::vector<bool> layers;  // true = frozen
  bool head = false;

  static FreezeState none(int layer_count);
  // "none", "all-but-head", or a comma list of "embeddings", "head" and layer numbers.
  static FreezeState parse(const std::string& spec, int layer_count);
  bool frozen(const ModelPart& part) const;
  std::string describe() const;  // the same syntax parse() reads
  bool operator==(const FreezeState& other) const;
};

// requires_grad follows the state; a newly frozen parameter also drops its gradient, so the
// optimizer skips it entirely (no update, no weight decay, no new moments).
void apply_freeze(LanguageModelImpl& model, const FreezeState& state);

struct TrainingMemory {
  int64_t trainable_parameters = 0, total_parameters = 0;
  int64_t gradient_bytes = 0;   // gradients currently held
  int64_t optimizer_bytes = 0;  // optimizer state (AdamW moments) currently held
};
TrainingMemory training_memory(LanguageModelImpl& model, torch::optim::Optimizer& optimizer);

}  // namespace lmlab
