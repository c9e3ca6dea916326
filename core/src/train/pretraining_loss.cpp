#include "lmlab/train/pretraining_loss.h"

#include "lmlab/dist/data_parallel.h"
#include "lmlab/error.h"
#include "lmlab/train/linear_cross_entropy.h"
#include "lmlab/train/optimizer.h"
#include "torch_compat.h"

#include <ATen/record_function.h>
#include <torch/nn/functional/loss.h>

namespace lmlab {

namespace {

at::Tensor cross_entropy(const at::Tensor& logits, const at::Tensor& targets) {
  namespace F = torch::nn::functional;
  return F::cross_entropy(logits, targets, F::CrossEntropyFuncOptions().ignore_index(kIgnoreLabel));
}

at::Tensor correct(const at::Tensor& logits, const at::Tensor& targets) {
  return logits.detach().argmax(-1).eq(targets).sum();
}

}  // namespace

PretrainingLoss pretraining_loss(LanguageModelImpl& model, const BatchTensors& batch,
                                 const Objectives& objectives) {
  PretrainingLoss loss;
  auto hidden = model.hidden_states(batch.ids, batch.segments, batch.padding);  // (B, T, C)
  const auto C = hidden.size(-1);
  std::vector<at::Tensor> parts;
  if (objectives.mlm) {
    // Only the masked 15% of positions reach the vocabulary projection. (Fusing it with the
    // loss, as next-token does below, measured slower for these few rows.)
    if (batch.mlm_positions.numel() == 0) throw Error("a masked-LM batch has no masked tokens");
    auto rows = hidden.reshape({-1, C}).index_select(0, batch.mlm_positions);  // (N, C)
    auto logits = model.masked_lm_logits(rows);                                 // (N, V)
    loss.mlm = cross_entropy(logits, batch.mlm_targets);
    loss.mlm_correct = correct(logits, batch.mlm_targets);
    parts.push_back(loss.mlm);
  }
  if (objectives.nsp) {
    auto logits = model.next_sentence_logits(hidden);  // (B, 2)
    loss.nsp = cross_entropy(logits, batch.nsp_labels);
    loss.nsp_correct = correct(logits, batch.nsp_labels);
    parts.push_back(loss.nsp);
  }
  if (objectives.clm) {
    auto targets = batch.next_targets.reshape({-1});
    // Every position is scored, so the (B*T, V) logits are the biggest tensor of the step:
    // project and score them chunk by chunk (linear_cross_entropy.h), except under autocast.
    if (!compat::cuda_autocast_enabled()) {
      const auto head = linear_cross_entropy(hidden.reshape({-1, C}), model.token_embedding(), {}, targets);
      loss.clm = head.loss, loss.clm_correct = head.correct;
    } else {
      auto logits = model.lm_logits(hidden).reshape({-1, model.config().vocab_size});  // (B*T, V)
      loss.clm = cross_entropy(logits, targets);
      loss.clm_correct = correct(logits, targets);
    }
    parts.push_back(loss.clm);
  }
  if (parts.empty()) throw Error("no pretraining objective chosen");
  loss.total = parts.size() == 1 ? parts[0] : parts[0] + parts[1];
  return loss;
}

PretrainingLoss optimizer_step(LanguageModelImpl& model, torch::optim::Optimizer& optimizer,
                               const BatchTensors& batch, const Objectives& objectives,
                               double max_grad_norm, bool bf16, const DataParallelStep* parallel) {
  clear_gradients(optimizer);
  // The scopes name the phases in a profile (lmlab-cli bench --profile); free otherwise.
  PretrainingLoss loss;
  {
    RECORD_USER_SCOPE("lmlab::forward");
    compat::CudaBf16Autocast autocast(bf16);
    loss = pretraining_loss(model, batch, objectives);
  }
  if (parallel) {
    std::vector<at::Tensor> weighted;
    if (loss.mlm.defined()) weighted.push_back(loss.mlm * parallel->mlm_weight);
    if (loss.nsp.defined()) weighted.push_back(loss.nsp * parallel->nsp_weight);
    if (loss.clm.defined()) weighted.push_back(loss.clm * parallel->clm_weight);
    loss.total = weighted.size() == 1 ? weighted[0] : weighted[0] + weighted[1];
    parallel->group->before_backward();
  }
  {
    RECORD_USER_SCOPE("lmlab::backward");
    if (loss.total.requires_grad()) loss.total.backward();  // nothing to learn when all is frozen
  }
  if (parallel) {
    RECORD_USER_SCOPE("lmlab::gradient_sum");
    parallel->group->after_backward();
  }
  RECORD_USER_SCOPE("lmlab::optimizer");
  clip_gradients(model, max_grad_norm);
  optimizer.step();
  return loss;
}

}  // namespace lmlab
