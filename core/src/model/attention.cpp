#include "lmlab/model/attention.h"

#include "lmlab/model/cpu_attention.h"
#include "lmlab/model/dense.h"
#include "lmlab/model/dropout.h"
#include "torch_compat.h"

#include <cmath>

namespace lmlab {

torch::Tensor rotate_positions(const torch::Tensor& x) {
  const auto T = x.size(2), D = x.size(3), half = D / 2;
  // Angles in float at least (bf16 would blur positions far apart), in double for double input.
  const auto options = x.options().dtype(x.scalar_type() == torch::kDouble ? torch::kDouble : torch::kFloat);
  auto inverse_frequency = torch::pow(10000.0, -torch::arange(half, options) * 2.0 / static_cast<double>(D));  // (D/2)
  auto angles = torch::outer(torch::arange(T, options), inverse_frequency);                                   // (T, D/2)
  angles = torch::cat({angles, angles}, -1);                                                                   // (T, D)
  const auto cos = angles.cos().to(x.dtype()), sin = angles.sin().to(x.dtype());
  auto halves = x.split(half, -1);
  auto rotated_half = torch::cat({-halves[1], halves[0]}, -1);  // (B, H, T, D)
  return x * cos + rotated_half * sin;
}

MultiHeadAttentionImpl::MultiHeadAttentionImpl(const MultiHeadAttentionOptions& options_)
    : options(options_) {
  reset();
}

void MultiHeadAttentionImpl::reset() {
  const auto c = options.d_model();
  qkv = register_module("qkv", torch::nn::Linear(c, 3 * c));
  proj = register_module("proj", torch::nn::Linear(c, c));
}

torch::Tensor MultiHeadAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& padding) {
  const auto B = x.size(0), T = x.size(1), C = x.size(2);
  const auto H = options.n_heads(), D = C / H;
  const double p = is_training() ? options.dropout() : 0.0;
  auto fused = dense(qkv, x);  // (B, T, 3C)
  // The CPU kernel earns its keep in training (forward + backward 15-25% faster); a forward
  // that nothing will differentiate (evaluation, the playground, frozen layers) measured
  // 20-30% faster on the unfused chain below.
  if (!compat::kFusedCpuAttention && fused.requires_grad() && !capture_ && !options.rotary() &&
      fused.device().is_cpu() && fused.scalar_type() == torch::kFloat) {
    captured_ = torch::Tensor();
    return dense(proj, cpu_attention(fused, H, padding, options.causal(), p));
  }
  // (B, T, 3C) -> 3 x (B, H, T, D)
  auto parts = fused.view({B, T, 3, H, D}).permute({2, 0, 3, 1, 4}).unbind(0);
  const auto q = options.rotary() ? rotate_positions(parts[0]) : parts[0];
  const auto k = options.rotary() ? rotate_positions(parts[1]) : parts[1];
  const auto& v = parts[2];

  // Allowed (query, key) pairs; undefined when every pair is allowed (or only causality
  // restricts them, which the fused kernel handles itself).
  torch::Tensor allowed;
  if (padding.defined()) {
    allowed = padding.view({B, 1, 1, T});  // keys that are real tokens
    if (options.causal())
      allowed = allowed.logical_and(torch::ones({T, T}, padding.options()).tril());
  }

  torch::Tensor y;  // (B, H, T, D)
  if (capture_) {
    auto scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(D));
    if (allowed.defined())
      scores = scores.masked_fill(allowed.logical_not(), -1e9);
    else if (options.causal())
      scores = scores.masked_fill(torch::ones({T, T}, x.options().dtype(torch::kBool)).triu(1), -1e9);
    auto probs = torch::softmax(scores, -1);  // (B, H, T, T)
    captured_ = probs.detach();
    y = torch::matmul(lmlab::dropout(probs, p, is_training()), v);
  } else {
    captured_ = torch::Tensor();
    y = compat::scaled_dot_product_attention(q, k, v, allowed, p, options.causal());
  }
  return dense(proj, y.transpose(1, 2).reshape({B, T, C}));
}

}  // namespace lmlab
