#pragma once

#include "lmlab/session/session_events.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lmlab {

struct FreezeState;
class LanguageModelImpl;
class Tokenizer;

// One experiment a TrainingSession can drive, step by step.
class TrainingJob {
 public:
  virtual ~TrainingJob() = default;
  virtual SessionInfo info() const = 0;
  virtual bool done() const = 0;
  virtual SessionStep step() = 0;     // throws lmlab::Error (e.g. a non-finite loss)
  // A run that stops between metric reads (steps not measured): the last step with the
  // metrics of the steps since the last read, so the curve and a resumed run miss none.
  virtual std::optional<SessionStep> read_unread_metrics() { return std::nullopt; }
  virtual Snapshot snapshot() = 0;    // eval mode, no gradients, one copy to the host
  virtual void save(const std::string& dir) = 0;
  // Later snapshots are taken on this text (a [MASK] in it asks a BERT for its guesses).
  virtual void set_probe(std::string probe) = 0;
};

// What a job can do besides stepping, each its own interface: a job derives from the ones it
// has, and whoever needs one asks for it with the functions below, which name what is missing.

// A model to question on the session thread (generation, next-token bars, tokenization).
class ModelHolder {
 public:
  virtual ~ModelHolder() = default;
  virtual LanguageModelImpl& model() = 0;
  virtual const Tokenizer& tokenizer() const = 0;
};

// Training whose peak learning rate can change, from the next step on.
class LearningRateControl {
 public:
  virtual ~LearningRateControl() = default;
  virtual void set_learning_rate(double peak) = 0;
};

// Fine-tuning: parts of the model freeze and unfreeze, from the next step on.
class FreezeControl {
 public:
  virtual ~FreezeControl() = default;
  virtual void set_freeze(const FreezeState& state) = 0;
};

// The job's capability; lmlab::Error saying the job has none otherwise.
ModelHolder& model_holder(TrainingJob& job);
LearningRateControl& learning_rate_control(TrainingJob& job);
FreezeControl& freeze_control(TrainingJob& job);

// Fills the architecture, layer and head counts and the parameter count.
void describe_model(SessionInfo& info, LanguageModelImpl& model);

// Attention maps (and the MLM guesses or a GPT sample) for a probe text, from a forward that
// does not disturb training: eval mode, NoGradGuard, capture on only for its duration.
Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step);

// A saved checkpoint to question (generation, probes, tokenization) with nothing to train.
// Throws lmlab::Error naming the file at fault.
std::unique_ptr<TrainingJob> make_inspection_job(const std::string& checkpoint_dir, const std::string& device = "auto");

}  // namespace lmlab
