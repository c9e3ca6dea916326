#pragma once

#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <memory>

namespace lmlab {

struct AdamWSettings {
  double lr = 5e-4;
  double weight_decay = 0.01;
  double beta1 = 0.9, beta2 = 0.999;
  double eps = 1e-8;
};

// AdamW over every parameter of the module, in two groups: weight matrices and embeddings
// decay, biases and layer-norm gains do not (as in BERT and GPT-2). Every parameter goes in
// once, whatever its requires_grad, so freezing later only needs requires_grad.
std::unique_ptr<torch::optim::AdamW> make_adamw(torch::nn::Module& module, const AdamWSettings& settings);

// Sets every group's learning rate.
void set_learning_rate(torch::optim::Optimizer& optimizer, double lr);

// Linear warmup to 1 over `warmup` steps, then linear decay to 0 at `total` (BERT's schedule).
double warmup_linear(int64_t step, int64_t total, int64_t warmup);

}  // namespace lmlab
