#pragma once

#include "lmlab/train/fused_adamw.h"

#include <torch/nn/module.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lmlab {

struct AdamWSettings {
  double lr = 5e-4;
  double weight_decay = 0.01;
  double beta1 = 0.9, beta2 = 0.999;
  double eps = 1e-8;
};

// A parameter's learning rate as a multiple of the base rate, by name (discriminative
// learning rates); empty: 1 for all.
using LrScale = std::function<double(const std::string& parameter_name)>;

// AdamW over every parameter of the module, grouped by learning-rate scale and by decay:
// weight matrices and embeddings decay, biases and layer-norm gains do not (as in BERT and
// GPT-2). Every parameter goes in once, whatever its requires_grad, so freezing later only
// needs requires_grad. Each group's lr is settings.lr times its scale. The update runs fused
// (fused_adamw.h).
std::unique_ptr<FusedAdamW> make_adamw(torch::nn::Module& module, const AdamWSettings& settings,
                                                const LrScale& scale = {});

// Sets every gradient back to undefined (not zero), so AdamW skips frozen parameters entirely;
// LibTorch 1.13's Optimizer::zero_grad() only zeroes them.
void clear_gradients(torch::optim::Optimizer& optimizer);
// Clips the global norm of the gradients that exist (frozen parameters have none); 0: off.
void clip_gradients(torch::nn::Module& module, double max_norm);

// Every group's learning rate as it is now, to scale from later.
std::vector<double> learning_rates(torch::optim::Optimizer& optimizer);
// Sets each group's learning rate to base[i] * factor (a schedule's multiplier).
void scale_learning_rates(torch::optim::Optimizer& optimizer, const std::vector<double>& base, double factor);

// Linear warmup to 1 over `warmup` steps, then linear decay to 0 at `total` (BERT's schedule).
double warmup_linear(int64_t step, int64_t total, int64_t warmup);
// Linear warmup, then half a cosine down to 0 at `total`.
double warmup_cosine(int64_t step, int64_t total, int64_t warmup);
// ULMFiT's slanted triangular rate: a short linear rise over the first 10% of the steps and a
// long linear fall, from 1/32 of the peak to the peak and back.
double slanted_triangular(int64_t step, int64_t total);
// "linear" | "cosine" | "slanted"; throws lmlab::Error for anything else.
double schedule_factor(const std::string& schedule, int64_t step, int64_t total, int64_t warmup);

}  // namespace lmlab
