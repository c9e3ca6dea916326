// The one place where LibTorch 1.13 (Debian, CPU) and 2.x (CUDA builds) differ for LM Lab.
#pragma once

#include <ATen/ATen.h>
#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <optional>
#include <vector>

#include "lmlab/model/dropout.h"

#define LMLAB_TORCH_2 (TORCH_VERSION_MAJOR >= 2)
#define LMLAB_TORCH_2_4 (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))

namespace c10d {
class Backend;
class ProcessGroup;
}  // namespace c10d

namespace lmlab::compat {

// What a c10d process group (Gloo, NCCL) is an instance of: 1.13's ProcessGroupGloo is a
// ProcessGroup, 2.x made each one a Backend behind a ProcessGroup. Both offer the
// collectives data-parallel training calls (allreduce, broadcast).
#if LMLAB_TORCH_2
using CollectiveGroup = c10d::Backend;
#else
using CollectiveGroup = c10d::ProcessGroup;
#endif

// Attention output softmax(q k^T / sqrt(d) + mask) v, without materialising the
// probabilities where the LibTorch version has a fused kernel (2.x). allowed: bool,
// broadcastable to (B, H, Tq, Tk), true where a query may attend; undefined for "all".
// Whether LibTorch has a fused attention kernel for the CPU (2.0's SDPA); without one the
// model uses its own (cpu_attention.h).
constexpr bool kFusedCpuAttention = LMLAB_TORCH_2;

inline at::Tensor scaled_dot_product_attention(const at::Tensor& q, const at::Tensor& k,
                                               const at::Tensor& v, const at::Tensor& allowed,
                                               double dropout_p, bool causal) {
#if LMLAB_TORCH_2
  // "No mask" is an empty optional: an undefined tensor is refused as a mask of no dtype.
  const auto mask = allowed.defined() ? std::optional<at::Tensor>(allowed) : std::nullopt;
  return at::scaled_dot_product_attention(q, k, v, mask, dropout_p, causal && !allowed.defined());
#else
  // 1.13 has no fused CPU kernel; baddbmm folds the scale into the product.
  const auto scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  auto scores = at::matmul(q, k.transpose(-2, -1)).mul_(scale);  // (B, H, Tq, Tk)
  if (allowed.defined()) scores.masked_fill_(allowed.logical_not(), -1e9);
  else if (causal) {
    const auto tq = q.size(-2), tk = k.size(-2);
    scores.masked_fill_(at::ones({tq, tk}, q.options().dtype(at::kBool)).triu(1), -1e9);
  }
  auto probs = at::softmax(scores, -1);
  if (dropout_p > 0) probs = lmlab::dropout(probs, dropout_p, true);
  return at::matmul(probs, v);
#endif
}

inline bool cuda_autocast_enabled() {
#if LMLAB_TORCH_2_4
  return at::autocast::is_autocast_enabled(at::kCUDA);
#else
  return at::autocast::is_enabled();
#endif
}

// bf16 autocast on CUDA for the guard's lifetime (2.4 renamed the per-device calls).
class CudaBf16Autocast {
 public:
  explicit CudaBf16Autocast(bool on) : on_(on) {
    if (!on_) return;
#if LMLAB_TORCH_2_4
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
    at::autocast::increment_nesting();
  }
  ~CudaBf16Autocast() {
    if (!on_) return;
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
#if LMLAB_TORCH_2_4
    at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
    at::autocast::set_enabled(false);
#endif
  }
  CudaBf16Autocast(const CudaBf16Autocast&) = delete;
  CudaBf16Autocast& operator=(const CudaBf16Autocast&) = delete;

 private:
  bool on_;
};

// LibTorch's fused multi-tensor AdamW on CUDA (2.x), for FusedAdamW (fused_adamw.h): whether
// a parameter can go through it, and a batch of them to update in one call.
inline bool has_fused_adamw(const at::Tensor& parameter) {
  return LMLAB_TORCH_2 && parameter.is_cuda() && parameter.scalar_type() == at::kFloat;
}

class FusedAdamWBatch {
 public:
  // step: the step count after this update (the kernel reads it for the bias corrections).
  void add(const at::Tensor& parameter, const at::Tensor& exp_avg, const at::Tensor& exp_avg_sq, int64_t step) {
    params_.push_back(parameter);
    grads_.push_back(parameter.grad());
    exp_avgs_.push_back(exp_avg);
    exp_avg_sqs_.push_back(exp_avg_sq);
    steps_.push_back(at::full({}, static_cast<double>(step), parameter.options()));
  }
  template <typename Options>
  void run(const Options& options) {
    if (params_.empty()) return;
#if LMLAB_TORCH_2
    at::_fused_adamw_(params_, grads_, exp_avgs_, exp_avg_sqs_, {}, steps_, options.lr(), std::get<0>(options.betas()),
                      std::get<1>(options.betas()), options.weight_decay(), options.eps(), /*amsgrad=*/false,
                      /*maximize=*/false);
#else
    (void)options;
    TORCH_CHECK(false, "this LibTorch has no fused AdamW");
#endif
  }

 private:
  std::vector<at::Tensor> params_, grads_, exp_avgs_, exp_avg_sqs_, steps_;
};

}  // namespace lmlab::compat
