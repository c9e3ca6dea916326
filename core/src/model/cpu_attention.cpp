#include "lmlab/model/cpu_attention.h"

#include "lmlab/model/dropout_noise.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>

#include <algorithm>
#include <cmath>

namespace lmlab {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Where one (sequence, head) pair's matrices live inside the fused tensors, as (rows, D)
// strided views made with one as_strided each (per-item view building is overhead here).
struct HeadViews {
  int64_t B, T, C, H, D;

  static at::Tensor matrix(const at::Tensor& base, int64_t offset, int64_t rows, int64_t cols, int64_t row_stride) {
    return base.as_strided({rows, cols}, {row_stride, 1}, base.storage_offset() + offset);
  }
  // (T, D) rows of part 0 (queries), 1 (keys) or 2 (values) of an item (sequence b, head h)
  // inside a (B, T, 3C) tensor: row stride 3C.
  at::Tensor part(const at::Tensor& qkv, int64_t item, int part_index) const {
    return matrix(qkv, (item / H) * T * 3 * C + part_index * C + (item % H) * D, T, D, 3 * C);
  }
  // (T, D) rows of an item's head inside a (B, T, C) tensor: row stride C.
  at::Tensor head(const at::Tensor& merged, int64_t item) const {
    return matrix(merged, (item / H) * T * C + (item % H) * D, T, D, C);
  }
  // Item i of a contiguous (n, T, T) block.
  at::Tensor square(const at::Tensor& block, int64_t i) const { return matrix(block, i * T * T, T, T, T); }
};

// out = a b, written into a view (out is a handle: the view's memory is what changes).
void product(at::Tensor out, const at::Tensor& a, const at::Tensor& b) { at::mm_out(out, a, b); }

// Scores of masked (query, key) pairs, as the unfused path writes them: a large negative
// number rather than -inf, so a row without any allowed key averages instead of giving NaN.
constexpr double kMasked = -1e9;

// Items [begin, end) go through in groups of at most this many (T, T) floats, so the
// element-wise steps run once per group (on small T, per-item calls cost more than the
// arithmetic) while the scratch stays a few MB per thread.
constexpr int64_t kGroupFloats = 1 << 20;
int64_t items_per_group(int64_t T) { return std::max<int64_t>(1, kGroupFloats / (T * T)); }

// Which (query, key) pairs of items [begin, begin + n) are blocked: (n or 1, 1 or T, T) bool,
// broadcastable over (n, T, T); undefined when none is.
at::Tensor blocked_pairs(const at::Tensor& causal_block, const at::Tensor& padded_keys, int64_t heads, int64_t begin,
                         int64_t n) {
  at::Tensor blocked = causal_block;  // (T, T) or undefined
  if (padded_keys.defined()) {
    const auto sequences = at::arange(begin, begin + n, padded_keys.options().dtype(at::kLong)).div_(heads, "floor");
    const auto keys = padded_keys.index_select(0, sequences).unsqueeze(1);  // (n, 1, T)
    blocked = blocked.defined() ? keys.logical_or(blocked) : keys;
  }
  return blocked;
}

class CpuAttentionFunction : public torch::autograd::Function<CpuAttentionFunction> {
 public:
  static variable_list forward(AutogradContext* ctx, const at::Tensor& qkv, int64_t heads, const at::Tensor& key_padding,
                               bool causal, double dropout_p) {
    const auto B = qkv.size(0), T = qkv.size(1), C = qkv.size(2) / 3;
    const HeadViews views{B, T, C, heads, C / heads};
    const double scale = 1.0 / std::sqrt(static_cast<double>(views.D));
    const uint64_t seed = dropout_p > 0 ? dropout_seed() : 0;
    const auto causal_block = causal ? at::ones({T, T}, qkv.options().dtype(at::kBool)).triu(1) : at::Tensor();
    const auto padded_keys = key_padding.numel() > 0 ? key_padding.logical_not() : at::Tensor();  // (B, T)
    auto out = at::empty({B, T, C}, qkv.options());
    auto probs = at::empty({B * heads, T, T}, qkv.options());  // saved for backward, before dropout
    const int64_t group = items_per_group(T);
    at::parallel_for(0, B * heads, 1, [&](int64_t begin, int64_t end) {
      for (int64_t first = begin; first < end; first += group) {
        const auto n = std::min(group, end - first);
        auto scores = at::empty({n, T, T}, qkv.options());
        for (int64_t i = 0; i < n; ++i)
          product(views.square(scores, i), views.part(qkv, first + i, 0), views.part(qkv, first + i, 1).t());
        scores.mul_(scale);
        if (const auto blocked = blocked_pairs(causal_block, padded_keys, heads, first, n); blocked.defined())
          scores.masked_fill_(blocked, kMasked);
        auto p = probs.narrow(0, first, n);
        at::_softmax_out(p, scores, 2, false);
        auto weights = p;  // what multiplies the values: p, or p with dropout applied
        if (dropout_p > 0) {
          fill_dropout_noise(scores.data_ptr<float>(), first * T * T, n * T * T, dropout_p, seed);
          weights = scores.mul_(p);
        }
        for (int64_t i = 0; i < n; ++i)
          product(views.head(out, first + i), views.square(weights, i), views.part(qkv, first + i, 2));
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
    const int64_t group = items_per_group(T);
    at::parallel_for(0, B * heads, 1, [&](int64_t begin, int64_t end) {
      for (int64_t first = begin; first < end; first += group) {
        const auto n = std::min(group, end - first);
        const auto p = probs.narrow(0, first, n);  // (n, T, T)
        at::Tensor noise, weights = p;
        if (dropout_p > 0) {
          noise = at::empty({n, T, T}, qkv.options());
          fill_dropout_noise(noise.data_ptr<float>(), first * T * T, n * T * T, dropout_p, seed);
          weights = p * noise;
        }
        // y = weights v: dv = weights^T dy, d weights = dy v^T.
        auto grad_weights = at::empty({n, T, T}, qkv.options());
        for (int64_t i = 0; i < n; ++i) {
          const auto item = first + i;
          const auto dy = views.head(grad_out, item);
          product(views.part(grad_qkv, item, 2), views.square(weights, i).t(), dy);
          product(views.square(grad_weights, i), dy, views.part(qkv, item, 2).t());
        }
        if (dropout_p > 0) grad_weights.mul_(noise);  // now the gradient of p
        auto grad_scores = at::empty({n, T, T}, qkv.options());
        at::_softmax_backward_data_out(grad_scores, grad_weights, p, 2, at::kFloat);
        grad_scores.mul_(scale);  // scores = scale q k^T; masked pairs have p = 0, so no gradient
        for (int64_t i = 0; i < n; ++i) {
          const auto item = first + i;
          product(views.part(grad_qkv, item, 0), views.square(grad_scores, i), views.part(qkv, item, 1));
          product(views.part(grad_qkv, item, 1), views.square(grad_scores, i).t(), views.part(qkv, item, 0));
        }
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
