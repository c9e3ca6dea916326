#include "lmlab/train/linear_cross_entropy.h"

#include "lmlab/data/token_batch.h"

#include <torch/autograd.h>

namespace lmlab {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

class LinearCrossEntropyFunction : public torch::autograd::Function<LinearCrossEntropyFunction> {
 public:
  static variable_list forward(AutogradContext* ctx, const at::Tensor& hidden, const at::Tensor& weight,
                               const at::Tensor& bias, const at::Tensor& targets, int64_t chunk_rows) {
    const auto N = hidden.size(0);
    const bool has_bias = bias.numel() > 0;
    const auto valid = targets.ne(kIgnoreLabel);
    // A device scalar, not .item(): reading it back would stall a GPU every step.
    const auto count = valid.sum().clamp_min(1).to(hidden.scalar_type());  // ()
    const bool need_grad = hidden.requires_grad() || weight.requires_grad() || (has_bias && bias.requires_grad());
    at::Tensor grad_hidden, grad_weight, grad_bias;
    if (need_grad) {
      grad_hidden = at::empty_like(hidden);
      grad_weight = at::zeros_like(weight);
      if (has_bias) grad_bias = at::zeros_like(bias);
    }
    auto loss_sum = at::zeros({}, hidden.options());
    auto correct = at::zeros({}, targets.options());
    for (int64_t start = 0; start < N; start += chunk_rows) {
      const auto end = std::min(N, start + chunk_rows);
      const auto h = hidden.slice(0, start, end);  // (n, C)
      const auto t = targets.slice(0, start, end);
      const auto ok = valid.slice(0, start, end);
      auto logits = has_bias ? at::addmm(bias, h, weight.t()) : at::mm(h, weight.t());  // (n, V)
      const auto safe_t = t.masked_fill(ok.logical_not(), 0).unsqueeze(1);
      const auto lse = logits.logsumexp(1);  // (n)
      loss_sum += (lse - logits.gather(1, safe_t).squeeze(1)).masked_fill(ok.logical_not(), 0).sum();
      correct += logits.argmax(1).eq(t).sum();
      if (!need_grad) continue;
      // logits becomes (softmax - one_hot) / count, row by row zero where the target is ignored.
      logits.sub_(lse.unsqueeze(1)).exp_();
      logits.scatter_add_(1, safe_t, at::full_like(safe_t, -1, logits.options()));
      logits.mul_(ok.unsqueeze(1).to(logits.scalar_type()) / count);
      grad_hidden.slice(0, start, end).copy_(at::mm(logits, weight));
      grad_weight.addmm_(logits.t(), h);
      if (has_bias) grad_bias.add_(logits.sum(0));
    }
    ctx->save_for_backward({grad_hidden, grad_weight, grad_bias});
    ctx->saved_data["has_bias"] = has_bias;
    ctx->mark_non_differentiable({correct});
    return {loss_sum / count, correct};
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const auto& g = grad_outputs[0];  // d(final)/d(loss), a scalar
    const auto scaled = [&](const at::Tensor& grad) { return grad.defined() ? grad * g : at::Tensor(); };
    return {scaled(saved[0]), scaled(saved[1]), ctx->saved_data["has_bias"].toBool() ? scaled(saved[2]) : at::Tensor(),
            at::Tensor(), at::Tensor()};
  }
};

}  // namespace

LinearCrossEntropy linear_cross_entropy(const at::Tensor& hidden, const at::Tensor& weight, const at::Tensor& bias,
                                        const at::Tensor& targets, int64_t chunk_rows) {
  // Autograd functions cannot take undefined tensors: "no bias" travels as an empty one.
  const auto outputs = LinearCrossEntropyFunction::apply(hidden, weight, bias.defined() ? bias : hidden.new_empty({0}),
                                                         targets, chunk_rows);
  return {outputs[0], outputs[1]};
}

}  // namespace lmlab
