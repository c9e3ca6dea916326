#pragma once

#include "lmlab/session/session_events.h"

#include <memory>
#include <string>
#include <vector>

namespace lmlab {

class Pretrainer;
class FineTuner;
struct FreezeState;
struct EncodedExample;
class LanguageModelImpl;
class Tokenizer;
class SentencePieceTokenizer;

// One experiment a TrainingSession can drive, step by step.
class TrainingJob {
 public:
  virtual ~TrainingJob() = default;
  virtual bool done() const = 0;
  virtual SessionStep step() = 0;     // throws lmlab::Error (e.g. a non-finite loss)
  virtual Snapshot snapshot() = 0;    // eval mode, no gradients, one copy to the host
  virtual void save(const std::string& dir) = 0;
  // Fine-tuning jobs freeze and unfreeze parts; others say they cannot (lmlab::Error).
  virtual void set_freeze(const FreezeState& state);
};

// Attention maps (and the MLM guesses or a GPT sample) for a probe text, from a forward that
// does not disturb training: eval mode, NoGradGuard, capture on only for its duration.
Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step);

// Self-supervised pretraining as a job.
std::unique_ptr<TrainingJob> make_pretrain_job(std::unique_ptr<Pretrainer> trainer,
                                               std::shared_ptr<const SentencePieceTokenizer> tokenizer,
                                               std::string probe, std::string training_state_json);

// Fine-tuning as a job: every eval_every steps (and at the end) the test set is scored and
// reported in the step's metrics as "test_accuracy" and "test_loss".
std::unique_ptr<TrainingJob> make_finetune_job(std::unique_ptr<FineTuner> tuner,
                                               std::shared_ptr<const SentencePieceTokenizer> tokenizer,
                                               std::vector<EncodedExample> test, int64_t eval_every, std::string probe,
                                               std::string training_state_json);

}  // namespace lmlab
