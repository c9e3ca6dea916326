#pragma once

#include "lmlab/session/session_events.h"
#include "lmlab/train/fine_tune_evaluation.h"

#include <memory>
#include <string>
#include <vector>

namespace lmlab {

struct FinetuneRequest;

class Pretrainer;
class FineTuner;
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
  virtual Snapshot snapshot() = 0;    // eval mode, no gradients, one copy to the host
  virtual void save(const std::string& dir) = 0;
  // Later snapshots are taken on this text (a [MASK] in it asks a BERT for its guesses).
  virtual void set_probe(std::string probe) = 0;
  // For inspection commands run on the session thread (generation, next-token bars); jobs
  // without a model say so (lmlab::Error).
  virtual LanguageModelImpl& model();
  virtual const Tokenizer& tokenizer() const;
  // Fine-tuning jobs freeze and unfreeze parts; others say they cannot (lmlab::Error).
  virtual void set_freeze(const FreezeState& state);
  // A new peak learning rate from the next step; jobs that do not train say so (lmlab::Error).
  virtual void set_learning_rate(double peak);
};

// Fills the architecture, layer and head counts and the parameter count.
void describe_model(SessionInfo& info, LanguageModelImpl& model);

// Attention maps (and the MLM guesses or a GPT sample) for a probe text, from a forward that
// does not disturb training: eval mode, NoGradGuard, capture on only for its duration.
Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step);

// A saved checkpoint to question (generation, probes, tokenization) with nothing to train.
// Throws lmlab::Error naming the file at fault.
std::unique_ptr<TrainingJob> make_inspection_job(const std::string& checkpoint_dir, const std::string& device = "auto");

// Self-supervised pretraining as a job.
std::unique_ptr<TrainingJob> make_pretrain_job(std::unique_ptr<Pretrainer> trainer,
                                               std::shared_ptr<const Tokenizer> tokenizer,
                                               std::string probe, std::string training_state_json);

// Fine-tuning as a job: validation (and the train probe) is scored as FineTuneEvaluation
// decides and reported in the step's metrics ("validation_accuracy", "train_accuracy", ...);
// the test set once, on the last step ("test_accuracy", "test_loss" and the step's
// test_report). Early stopping ends the job. info fills the kind, labels and description; the
// model's shape is read from the tuner. With the request the tuner was prepared from, a job
// saved before its end writes a checkpoint that continues exactly (finetune_resume.h), and a
// request with resume set continues that checkpoint.
std::unique_ptr<TrainingJob> make_finetune_job(std::unique_ptr<FineTuner> tuner,
                                               std::shared_ptr<const Tokenizer> tokenizer, EvaluationSets sets,
                                               EvaluationSettings evaluation, std::string probe,
                                               std::string training_state_json, SessionInfo info,
                                               std::shared_ptr<const FinetuneRequest> request = nullptr);

}  // namespace lmlab
