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
  int64_t optimizer_bytes = 0;  // AdamW moments of the parts that train
  // AdamW moments of parts frozen after they trained: not used while frozen, kept (as LibTorch
  // and PyTorch do) so that unfreezing goes on with them. A part frozen from the start has none.
  int64_t kept_optimizer_bytes = 0;
};
TrainingMemory training_memory(LanguageModelImpl& model, torch::optim::Optimizer& optimizer);

}  // namespace lmlab
