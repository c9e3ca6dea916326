#include "lmlab/train/step_activity_probe.h"

#include "lmlab/train/freeze_state.h"

#include <ATen/ATen.h>

#include <cmath>

namespace lmlab {

namespace {

std::tuple<int, int> key_of(const ModelPart& part) { return {static_cast<int>(part.kind), part.layer}; }

}  // namespace

void StepActivityProbe::before_update(LanguageModelImpl& model) {
  torch::NoGradGuard no_grad;
  gradient_squares_.clear();
  before_.clear();
  for (const auto& p : model.named_parameters()) {
    const ModelPart part = part_of(p.key());
    auto& [kept_part, squares] = gradient_squares_[key_of(part)];
    kept_part = part;
    if (!p.value().requires_grad() || !p.value().grad().defined()) continue;
    squares += p.value().grad().to(at::kDouble).square().sum().item<double>();
    before_.emplace_back(p.key(), p.value().detach().clone());
  }
}

StepActivity StepActivityProbe::after_update(LanguageModelImpl& model, int64_t step) {
  torch::NoGradGuard no_grad;
  std::map<PartKey, std::pair<double, double>> moved;  // part -> (sum of ΔW², sum of W_before²)
  const auto parameters = model.named_parameters();
  for (const auto& [name, before] : before_) {
    const auto after = parameters[name].detach().to(at::kDouble);
    const auto start = before.to(at::kDouble);
    auto& [change, weight] = moved[key_of(part_of(name))];
    change += (after - start).square().sum().item<double>();
    weight += start.square().sum().item<double>();
  }
  StepActivity out;
  out.step = step;
  for (const auto& [key, entry] : gradient_squares_) {
    PartStepActivity part;
    part.part = entry.first;
    part.name = part_name(entry.first);
    part.gradient_norm = std::sqrt(entry.second);
    if (const auto found = moved.find(key); found != moved.end() && found->second.second > 0)
      part.update_ratio = std::sqrt(found->second.first / found->second.second);
    out.parts.push_back(part);
  }
  before_.clear();
  return out;
}

}  // namespace lmlab
