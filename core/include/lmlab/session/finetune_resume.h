#pragma once

#include "lmlab/session/finetune_request.h"
#include "lmlab/train/fine_tune_evaluation.h"
#include "lmlab/train/fine_tuner.h"

#include <string>

namespace lmlab {

// Exact resume of fine-tuning and distillation (lmlab-cli finetune --stop-at / --resume): a run
// split at any step ends byte-identical to the unbroken run.

// Writes a checkpoint the run can continue from: the weights and tokenizer, training_state.json
// (the request's settings by key, the step, where the batcher stands, the freeze state and
// peak learning rate, the evaluation's bookkeeping) and resume_state.safetensors (AdamW's
// moments, torch's CPU generator, the best weights early stopping kept).
void save_resumable_finetuning(const std::string& dir, const FinetuneRequest& request,
                               const std::vector<std::string>& labels, const Tokenizer& tokenizer, FineTuner& tuner,
                               const FineTuneEvaluation& evaluation);

// Continues such a checkpoint with a tuner and evaluation prepared from the same request
// (the first setting that differs is named). Throws lmlab::Error naming the folder.
void resume_finetuning(const std::string& dir, const FinetuneRequest& request, FineTuner& tuner,
                       FineTuneEvaluation& evaluation);

}  // namespace lmlab
