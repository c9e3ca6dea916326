#pragma once

#include "lmlab/session/pretrain_request.h"
#include "lmlab/session/session_events.h"

#include <string>

namespace lmlab {

// Pretraining's checkpoints, for the CLI and the app alike: every one can be continued exactly
// (lmlab-cli pretrain --stop-at / --resume, the Runs tab's "Continue").

// Writes the weights, the tokenizer, training_state.json (the request's settings by key, the
// corpus, how far the run got and how long it took, the last step's metrics, and the 'resume'
// record: the step and the batch generator) and resume_state.safetensors (AdamW's moments,
// torch's CPU generator).
void save_pretraining(const std::string& dir, const PretrainRequest& request, const PreparedPretraining& prepared,
                      double elapsed_s, const SessionStep* last);

// Continues request.resume, a checkpoint of the same run, with a trainer prepared from the
// request (the same settings: corpus, tokenizer, model, steps...). Throws lmlab::Error naming
// the folder and what differs.
void resume_pretraining(const PretrainRequest& request, PreparedPretraining& prepared);

}  // namespace lmlab
