#include "lmlab/train/fused_adamw.h"

#include "adamw_state_key.h"
#include "torch_compat.h"

#include <ATen/Parallel.h>

#include <cmath>

namespace lmlab {

namespace {

using torch::optim::AdamWOptions;
using torch::optim::AdamWParamState;

bool updates_on_cpu(const at::Tensor& p) {
  return p.device().is_cpu() && p.scalar_type() == at::kFloat && p.is_contiguous() && p.grad().is_contiguous() &&
         !p.grad().is_sparse();
}

// One element-wise pass, in the order and float rounding of LibTorch's AdamW:
// p *= 1 - lr wd; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g g;
// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
void adamw_update(const at::Tensor& p, const at::Tensor& grad, AdamWParamState& state, const AdamWOptions& options) {
  const auto [beta1, beta2] = options.betas();
  const auto t = static_cast<double>(state.step());
  const float decay = static_cast<float>(1.0 - options.lr() * options.weight_decay());
  const float b1 = static_cast<float>(beta1), one_minus_b1 = static_cast<float>(1.0 - beta1);
  const float b2 = static_cast<float>(beta2), one_minus_b2 = static_cast<float>(1.0 - beta2);
  const float sqrt_correction2 = static_cast<float>(std::sqrt(1.0 - std::pow(beta2, t)));
  const float step_size = static_cast<float>(-options.lr() / (1.0 - std::pow(beta1, t)));
  const float eps = static_cast<float>(options.eps());
  float* w = p.data_ptr<float>();
  const float* g = grad.data_ptr<float>();
  float* m = state.exp_avg().data_ptr<float>();
  float* v = state.exp_avg_sq().data_ptr<float>();
  at::parallel_for(0, p.numel(), 16384, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const float w_decayed = w[i] * decay;
      m[i] = m[i] * b1 + one_minus_b1 * g[i];
      v[i] = v[i] * b2 + one_minus_b2 * g[i] * g[i];
      w[i] = w_decayed + step_size * (m[i] / (std::sqrt(v[i]) / sqrt_correction2 + eps));
    }
  });
}

}  // namespace

torch::Tensor FusedAdamW::step(LossClosure closure) {
  for (auto& group : param_groups()) {
    if (static_cast<AdamWOptions&>(group.options()).amsgrad()) return torch::optim::AdamW::step(closure);
    for (auto& p : group.params())
      if (p.grad().defined() && !(updates_on_cpu(p) || compat::has_fused_adamw(p)))
        return torch::optim::AdamW::step(closure);
  }

  torch::NoGradGuard no_grad;
  torch::Tensor loss;
  if (closure) {
    at::AutoGradMode enable_grad(true);
    loss = closure();
  }
  auto& states = state();
  for (auto& group : param_groups()) {
    const auto& options = static_cast<AdamWOptions&>(group.options());
    compat::FusedAdamWBatch on_device;
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;  // frozen: no gradient, no update, no state
      auto& slot = states[adamw_state_key(states, p)];
      if (!slot) {
        auto fresh = std::make_unique<AdamWParamState>();
        fresh->step(0);
        fresh->exp_avg(torch::zeros_like(p, at::MemoryFormat::Preserve));
        fresh->exp_avg_sq(torch::zeros_like(p, at::MemoryFormat::Preserve));
        slot = std::move(fresh);
      }
      auto& s = static_cast<AdamWParamState&>(*slot);
      s.step(s.step() + 1);
      if (updates_on_cpu(p))
        adamw_update(p, p.grad(), s, options);
      else
        on_device.add(p, s.exp_avg(), s.exp_avg_sq(), s.step());
    }
    on_device.run(options);
  }
  return loss;
}

}  // namespace lmlab
