#pragma once

#include "lmlab/session/session_events.h"

#include <memory>
#include <string>

namespace lmlab {

class Pretrainer;
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
};

// Attention maps (and the MLM guesses or a GPT sample) for a probe text, from a forward that
// does not disturb training: eval mode, NoGradGuard, capture on only for its duration.
Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step);

// Self-supervised pretraining as a job.
std::unique_ptr<TrainingJob> make_pretrain_job(std::unique_ptr<Pretrainer> trainer,
                                               std::shared_ptr<const SentencePieceTokenizer> tokenizer,
                                               std::string probe, std::string training_state_json);

}  // namespace lmlab
