#pragma once

#include "lmlab/model/language_model.h"
#include "lmlab/train/freeze_state.h"

#include <torch/optim/optimizer.h>

#include <string>
#include <vector>

namespace lmlab {

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
