#include "lmlab/train/optimizer.h"

#include "lmlab/error.h"

#include <torch/nn/utils/clip_grad.h>

#include <algorithm>
#include <cmath>

namespace lmlab {

std::unique_ptr<FusedAdamW> make_adamw(torch::nn::Module& module, const AdamWSettings& s,
                                                const LrScale& scale) {
  // (scale, decays) -> parameters, in first-seen order so group order is stable.
  std::vector<std::pair<std::pair<double, bool>, std::vector<torch::Tensor>>> groups;
  for (auto& item : module.named_parameters(/*recurse=*/true)) {
    const std::pair<double, bool> key{scale ? scale(item.key()) : 1.0, item.value().dim() >= 2};
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), {key, {}});
    it->second.push_back(item.value());
  }
  const auto options = torch::optim::AdamWOptions(s.lr).betas({s.beta1, s.beta2}).eps(s.eps).weight_decay(s.weight_decay);
  std::vector<torch::optim::OptimizerParamGroup> param_groups;
  for (auto& [key, params] : groups) param_groups.emplace_back(params, std::make_unique<torch::optim::AdamWOptions>(options));
  auto optimizer = std::make_unique<FusedAdamW>(std::move(param_groups), options);
  // Each group's own rate and decay are set after construction: LibTorch 2.x's constructor
  // treats a group option equal to AdamWOptions' default (lr 1e-3) as unset and replaces it
  // with the optimizer's, so a layer whose decayed rate came out at exactly 1e-3 trained at
  // the head's rate (core.FineTuning.DiscriminativeLearningRatesDecayDownTheStack on 2.15).
  for (size_t i = 0; i < groups.size(); ++i) {
    auto& group_options = static_cast<torch::optim::AdamWOptions&>(optimizer->param_groups()[i].options());
    group_options.lr(s.lr * groups[i].first.first);
    group_options.weight_decay(groups[i].first.second ? s.weight_decay : 0.0);
  }
  return optimizer;
}

void clear_gradients(torch::optim::Optimizer& optimizer) {
  for (auto& group : optimizer.param_groups())
    for (auto& p : group.params()) p.mutable_grad() = torch::Tensor();
}

void clip_gradients(torch::nn::Module& module, double max_norm) {
  if (max_norm <= 0) return;
  std::vector<torch::Tensor> with_grad;
  for (auto& p : module.parameters())
    if (p.grad().defined()) with_grad.push_back(p);
  if (with_grad.empty()) return;
  if (!with_grad.front().is_cuda()) {
    torch::nn::utils::clip_grad_norm_(with_grad, max_norm);  // reads the norm back: free on the CPU
    return;
  }
  // The same scaling without reading the norm back to the host, which would stall the GPU
  // every step: gradients *= min(1, max_norm / (||g|| + 1e-6)).
  std::vector<torch::Tensor> norms;
  for (const auto& p : with_grad) norms.push_back(p.grad().norm(2).to(at::kFloat));
  const auto total = at::stack(norms).norm(2);                  // ()
  const auto scale = (max_norm / (total + 1e-6)).clamp_max(1.0);  // ()
  for (auto& p : with_grad) p.mutable_grad().mul_(scale.to(p.grad().scalar_type()));
}

std::vector<double> learning_rates(torch::optim::Optimizer& optimizer) {
  std::vector<double> out;
  for (auto& group : optimizer.param_groups()) out.push_back(group.options().get_lr());
  return out;
}

void scale_learning_rates(torch::optim::Optimizer& optimizer, const std::vector<double>& base, double factor) {
  auto& groups = optimizer.param_groups();
  for (size_t i = 0; i < groups.size(); ++i) groups[i].options().set_lr(base.at(i) * factor);
}

double warmup_linear(int64_t step, int64_t total, int64_t warmup) {
  if (total <= 0) throw Error("a schedule needs at least one step");
  if (warmup > 0 && step < warmup) return static_cast<double>(step + 1) / static_cast<double>(warmup);
  const double remaining = static_cast<double>(total - step) / static_cast<double>(std::max<int64_t>(1, total - warmup));
  return std::clamp(remaining, 0.0, 1.0);
}

double warmup_cosine(int64_t step, int64_t total, int64_t warmup) {
  if (total <= 0) throw Error("a schedule needs at least one step");
  if (warmup > 0 && step < warmup) return static_cast<double>(step + 1) / static_cast<double>(warmup);
  const double progress = static_cast<double>(step - warmup) / static_cast<double>(std::max<int64_t>(1, total - warmup));
  return 0.5 * (1.0 + std::cos(M_PI * std::clamp(progress, 0.0, 1.0)));
}

double slanted_triangular(int64_t step, int64_t total) {
  if (total <= 0) throw Error("a schedule needs at least one step");
  const double cut_frac = 0.1, ratio = 32.0;
  const double cut = std::max(1.0, std::floor(static_cast<double>(total) * cut_frac));
  const double t = static_cast<double>(step);
  const double p = t < cut ? t / cut : 1.0 - (t - cut) / (cut * (1.0 / cut_frac - 1.0));
  return (1.0 + std::max(0.0, p) * (ratio - 1.0)) / ratio;
}

double schedule_factor(const std::string& schedule, int64_t step, int64_t total, int64_t warmup) {
  if (schedule == "linear") return warmup_linear(step, total, warmup);
  if (schedule == "cosine") return warmup_cosine(step, total, warmup);
  if (schedule == "slanted") return slanted_triangular(step, total);
  throw Error("schedule '" + schedule + "' is not linear, cosine or slanted");
}

}  // namespace lmlab
