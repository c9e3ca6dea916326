#include "lmlab/train/freeze_plan.h"

#include "lmlab/train/optimizer_state.h"

#include "lmlab/error.h"

#include <torch/optim/adamw.h>

namespace lmlab {

void apply_freeze(LanguageModelImpl& model, const FreezeState& state) {
  if (static_cast<int64_t>(state.layers.size()) != model.body().layer_count())
    throw Error("freeze state has " + std::to_string(state.layers.size()) + " layers, the model " +
                std::to_string(model.body().layer_count()));
  for (auto& item : model.named_parameters(/*recurse=*/true)) {
    auto& p = item.value();
    const bool train = !state.frozen(part_of(item.key()));
    p.requires_grad_(train);
    if (!train) p.mutable_grad() = torch::Tensor();
  }
}

TrainingMemory training_memory(LanguageModelImpl& model, torch::optim::Optimizer& optimizer) {
  TrainingMemory m;
  for (const auto& p : model.parameters()) {
    m.total_parameters += p.numel();
    if (p.requires_grad()) m.trainable_parameters += p.numel();
    if (p.grad().defined()) m.gradient_bytes += p.grad().numel() * static_cast<int64_t>(p.grad().element_size());
    if (const auto* adamw = adamw_param_state(optimizer, p)) {
      int64_t bytes = 0;
      for (const auto* t : {&adamw->exp_avg(), &adamw->exp_avg_sq(), &adamw->max_exp_avg_sq()})
        if (t->defined()) bytes += t->numel() * static_cast<int64_t>(t->element_size());
      (p.requires_grad() ? m.optimizer_bytes : m.kept_optimizer_bytes) += bytes;
    }
  }
  return m;
}

}  // namespace lmlab
