#pragma once

#include "lmlab/data/objectives.h"
#include "lmlab/model/language_model.h"
#include "lmlab/train/batch_tensors.h"

#include <torch/optim/optimizer.h>

namespace lmlab {

// The losses of one pretraining forward. Parts an objective does not use stay undefined.
struct PretrainingLoss {
  at::Tensor total;        // what backward() runs on: the sum of the parts
  at::Tensor mlm, nsp, clm;
  at::Tensor mlm_correct;  // count of masked positions predicted right
  at::Tensor nsp_correct;  // count of pairs classified right
  at::Tensor clm_correct;  // count of next tokens predicted right
};

PretrainingLoss pretraining_loss(LanguageModelImpl& model, const BatchTensors& batch,
                                 const Objectives& objectives);

class DataParallel;

// A data-parallel step: each objective's mean loss is weighted by this rank's share of the
// global batch's count for it (masked tokens, pairs, next tokens), so the gradients the ranks
// sum are exactly those of the global batch's loss.
struct DataParallelStep {
  DataParallel* group = nullptr;
  double mlm_weight = 1, nsp_weight = 1, clm_weight = 1;
};

// One training step as the trainer and the benchmark run it: zero grads, forward and losses
// (bf16 autocast on CUDA if asked), backward (with the gradient sum across ranks when
// parallel is given), clip the global grad norm (0: no clipping), optimizer update. Returns
// the losses; total is the weighted sum when parallel.
PretrainingLoss optimizer_step(LanguageModelImpl& model, torch::optim::Optimizer& optimizer,
                               const BatchTensors& batch, const Objectives& objectives,
                               double max_grad_norm, bool bf16, const DataParallelStep* parallel = nullptr);

}  // namespace lmlab
