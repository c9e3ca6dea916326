#include "lmlab/train/step_activity_probe.h"

#include "lmlab/train/freeze_state.h"

#include <ATen/ATen.h>

#include <cmath>

namespace lmlab {

namespace {

// The trainable parameters of each part, in model order (what a step can move).
std::map<std::tuple<int, int>, std::pair<ModelPart, std::vector<at::Tensor>>> trainable_by_part(LanguageModelImpl& model) {
  std::map<std::tuple<int, int>, std::pair<ModelPart, std::vector<at::Tensor>>> parts;
  for (const auto& p : model.named_parameters()) {
    const ModelPart part = part_of(p.key());
    auto& [kept, tensors] = parts[{static_cast<int>(part.kind), part.layer}];
    kept = part;
    if (p.value().requires_grad() && p.value().grad().defined()) tensors.push_back(p.value());
  }
  return parts;
}

}  // namespace

void StepActivityProbe::before_update(LanguageModelImpl& model) {
  torch::NoGradGuard no_grad;
  parts_.clear();
  // One joined vector per part, not one operation per tensor: see parameter_changes.cpp.
  for (const auto& [key, entry] : trainable_by_part(model)) {
    Part part{entry.first, {}, 0};
    if (!entry.second.empty()) {
      std::vector<at::Tensor> weights, gradients;
      for (const auto& t : entry.second) {
        weights.push_back(t.detach().reshape({-1}));
        gradients.push_back(t.grad().reshape({-1}));
      }
      part.before = at::cat(weights).to(at::kFloat).clone();  // a copy: the update changes the parameters
      part.gradient_norm = at::cat(gradients).norm().item<double>();
    }
    parts_.push_back(std::move(part));
  }
}

StepActivity StepActivityProbe::after_update(LanguageModelImpl& model, int64_t step) {
  torch::NoGradGuard no_grad;
  StepActivity out;
  out.step = step;
  const auto now = trainable_by_part(model);
  auto current = now.begin();
  for (const auto& part : parts_) {
    PartStepActivity activity;
    activity.part = part.part;
    activity.name = part_name(part.part);
    activity.gradient_norm = part.gradient_norm;
    if (part.before.defined() && current != now.end() && current->second.second.size() > 0) {
      std::vector<at::Tensor> weights;
      for (const auto& t : current->second.second) weights.push_back(t.detach().reshape({-1}));
      const auto after = at::cat(weights).to(at::kFloat);
      const double weight = part.before.norm().item<double>();
      if (after.numel() == part.before.numel() && weight > 0)
        activity.update_ratio = (after - part.before).norm().item<double>() / weight;
    }
    if (current != now.end()) ++current;
    out.parts.push_back(activity);
  }
  parts_.clear();
  return out;
}

}  // namespace lmlab
