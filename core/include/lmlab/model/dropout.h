#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace lmlab {

// Dropout whose mask comes from a counter-based generator (splitmix64) filled in parallel,
// instead of LibTorch 1.13's per-element bernoulli_ on the CPU, which took ~12% of a small
// model's training step (bench/RESULTS.md). Same semantics: zero with probability p, scale
// the rest by 1 / (1 - p); seeded from torch's default generator, so torch::manual_seed
// makes it reproducible. On CUDA it uses LibTorch's fused dropout.
at::Tensor dropout(const at::Tensor& x, double p, bool training);
// residual + dropout(x) in one pass (a residual connection's sum): the same mask and scale.
at::Tensor add_dropout(const at::Tensor& residual, const at::Tensor& x, double p, bool training);

class DropoutImpl : public torch::nn::Module {
 public:
  explicit DropoutImpl(double p) : p_(p) {}
  torch::Tensor forward(const torch::Tensor& x) { return lmlab::dropout(x, p_, is_training()); }
  // residual + forward(x), fused.
  torch::Tensor add_to(const torch::Tensor& residual, const torch::Tensor& x) {
    return lmlab::add_dropout(residual, x, p_, is_training());
  }
  double p() const { return p_; }

 private:
  double p_;
};
TORCH_MODULE(Dropout);

}  // namespace lmlab
