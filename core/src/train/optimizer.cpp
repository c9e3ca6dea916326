#include "lmlab/train/optimizer.h"

#include "lmlab/error.h"

#include <algorithm>

namespace lmlab {

std::unique_ptr<torch::optim::AdamW> make_adamw(torch::nn::Module& module, const AdamWSettings& s) {
  std::vector<torch::Tensor> decay, no_decay;
  for (auto& p : module.parameters(/*recurse=*/true)) (p.dim() >= 2 ? decay : no_decay).push_back(p);
  const auto options = torch::optim::AdamWOptions(s.lr)
                           .betas({s.beta1, s.beta2})
                           .eps(s.eps)
                           .weight_decay(s.weight_decay);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(options));
  auto no_decay_options = std::make_unique<torch::optim::AdamWOptions>(options);
  no_decay_options->weight_decay(0.0);
  groups.emplace_back(no_decay, std::move(no_decay_options));
  return std::make_unique<torch::optim::AdamW>(std::move(groups), options);
}

void set_learning_rate(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

double warmup_linear(int64_t step, int64_t total, int64_t warmup) {
  if (total <= 0) throw Error("a schedule needs at least one step");
  if (warmup > 0 && step < warmup) return static_cast<double>(step + 1) / static_cast<double>(warmup);
  const double remaining = static_cast<double>(total - step) / static_cast<double>(std::max<int64_t>(1, total - warmup));
  return std::clamp(remaining, 0.0, 1.0);
}

}  // namespace lmlab
