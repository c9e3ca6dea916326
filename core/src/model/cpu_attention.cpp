#include "lmlab/model/cpu_attention.h"

#include "lmlab/model/dropout_noise.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>

#include <cmath>
#include <limits>

namespace lmlab {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Where one (sequence, head) pair's matrices live inside the fused tensors.
struct HeadViews {
  int64_t B, T, C, H, D;

  // (T, D) rows of part 0 (queries), 1 (keys) or 2 (values) of sequence b, head h, inside
  // a (B, T, 3C) tensor: row stride 3C.
  at::Tensor part(const at::Tensor& qkv, int64_t item, int part_index) const {
    return qkv.select(0, item / H).narrow(1, part_index * C + (item % H) * D, D);
  }
  // (T, D) rows of head h inside a (B, T, C) tensor: row stride C.
  at::Tensor head(const at::Tensor& merged, int64_t item) const {
    return merged.select(0, item / H).narrow(1, (item % H) * D, D);
  }
};

// Scores of masked (query, key) pairs, as the unfused path writes them: a large negative
// number rather than -inf, so a row without any allowed key averages instead of giving NaN.
constexpr float kMasked = -1e9f;

void mask_scores(float* scores, int64_t T, const bool* real_keys, bool causal) {
  for (int64_t row = 0; row < T; ++row) {
    float* s = scores + row * T;
    if (real_keys)
      for (int64_t key = 0; key < T; ++key)
        if (!real_keys[key]) s[key] = kMasked;
    if (causal)
      for (int64_t key = row + 1; key < T; ++key) s[key] = kMasked;
  }
}

class CpuAttentionFunction : public torch::autograd::Function<CpuAttentionFunction> {
 public:
  static variable_list forward(AutogradContext* ctx, const at::Tensor& qkv, int64_t heads, const at::Tensor& key_padding,
                               bool causal, double dropout_p) {
    const auto B = qkv.size(0), T = qkv.size(1), C = qkv.size(2) / 3;
    const HeadViews views{B, T, C, heads, C / heads};
    const double scale = 1.0 / std::sqrt(static_cast<double>(views.D));
    const uint64_t seed = dropout_p > 0 ? dropout_seed() : 0;
    auto out = at::empty({B, T, C}, qkv.options());
    auto probs = at::empty({B * heads, T, T}, qkv.options());  // saved for backward, before dropout
    const bool* padding = key_padding.numel() > 0 ? key_padding.data_ptr<bool>() : nullptr;
    at::parallel_for(0, B * heads, 1, [&](int64_t begin, int64_t end) {
      auto scores = at::empty({T, T}, qkv.options());  // (T, T)
      auto dropped = dropout_p > 0 ? at::empty({T, T}, qkv.options()) : at::Tensor();
      for (int64_t item = begin; item < end; ++item) {
        const auto q = views.part(qkv, item, 0), k = views.part(qkv, item, 1), v = views.part(qkv, item, 2);
        at::mm_out(scores, q, k.t()).mul_(scale);
        mask_scores(scores.data_ptr<float>(), T, padding ? padding + (item / heads) * T : nullptr, causal);
        auto p = probs.select(0, item);
        at::_softmax_out(p, scores, 1, false);
        if (dropout_p > 0) {
          fill_dropout_noise(dropped.data_ptr<float>(), item * T * T, T * T, dropout_p, seed);
          dropped.mul_(p);
        }
        auto y = views.head(out, item);
        at::mm_out(y, dropout_p > 0 ? dropped : p, v);
      }
    });
    ctx->save_for_backward({qkv, probs});
    ctx->saved_data["heads"] = heads;
    ctx->saved_data["dropout_p"] = dropout_p;
    ctx->saved_data["seed"] = static_cast<int64_t>(seed);
    return {out};
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const auto& qkv = saved[0];
    const auto& probs = saved[1];
    const auto heads = ctx->saved_data["heads"].toInt();
    const double dropout_p = ctx->saved_data["dropout_p"].toDouble();
    const auto seed = static_cast<uint64_t>(ctx->saved_data["seed"].toInt());
    const auto grad_out = grad_outputs[0].contiguous();  // (B, T, C)
    const auto B = qkv.size(0), T = qkv.size(1), C = qkv.size(2) / 3;
    const HeadViews views{B, T, C, heads, C / heads};
    const double scale = 1.0 / std::sqrt(static_cast<double>(views.D));
    auto grad_qkv = at::empty_like(qkv);  // (B, T, 3C), every element written below
    at::parallel_for(0, B * heads, 1, [&](int64_t begin, int64_t end) {
      auto noise = dropout_p > 0 ? at::empty({T, T}, qkv.options()) : at::Tensor();
      auto dropped = dropout_p > 0 ? at::empty({T, T}, qkv.options()) : at::Tensor();
      auto grad_probs = at::empty({T, T}, qkv.options());
      auto grad_scores = at::empty({T, T}, qkv.options());
      for (int64_t item = begin; item < end; ++item) {
        const auto q = views.part(qkv, item, 0), k = views.part(qkv, item, 1), v = views.part(qkv, item, 2);
        const auto p = probs.select(0, item);
        const auto dy = views.head(grad_out, item);
        if (dropout_p > 0) {
          fill_dropout_noise(noise.data_ptr<float>(), item * T * T, T * T, dropout_p, seed);
          at::mul_out(dropped, p, noise);
        }
        // y = dropout(p) v: dv = dropout(p)^T dy, d dropout(p) = dy v^T.
        auto dv = views.part(grad_qkv, item, 2);
        at::mm_out(dv, (dropout_p > 0 ? dropped : p).t(), dy);
        at::mm_out(grad_probs, dy, v.t());
        if (dropout_p > 0) grad_probs.mul_(noise);
        at::_softmax_backward_data_out(grad_scores, grad_probs, p, 1, at::kFloat);
        grad_scores.mul_(scale);  // scores = scale q k^T; masked pairs have p = 0, so no gradient
        auto dq = views.part(grad_qkv, item, 0), dk = views.part(grad_qkv, item, 1);
        at::mm_out(dq, grad_scores, k);
        at::mm_out(dk, grad_scores.t(), q);
      }
    });
    return {grad_qkv, at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
  }
};

}  // namespace

at::Tensor cpu_attention(const at::Tensor& qkv, int64_t heads, const at::Tensor& key_padding, bool causal,
                         double dropout_p) {
  TORCH_CHECK(qkv.dim() == 3 && qkv.size(2) % (3 * heads) == 0, "cpu_attention: qkv must be (B, T, 3 * heads * D)");
  TORCH_CHECK(qkv.device().is_cpu() && qkv.scalar_type() == at::kFloat, "cpu_attention: float32 on the CPU only");
  // Autograd functions cannot take undefined tensors: "no padding" travels as an empty one.
  const auto padding = key_padding.defined() ? key_padding.to(at::kBool).contiguous() : qkv.new_empty({0}, at::kBool);
  return CpuAttentionFunction::apply(qkv.contiguous(), heads, padding, causal, dropout_p)[0];
}

}  // namespace lmlab
