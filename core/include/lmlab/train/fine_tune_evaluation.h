#pragma once

#include "lmlab/data/classification_batcher.h"
#include "lmlab/train/classification_report.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace at {
class Tensor;
}  // namespace at

namespace lmlab {

class FineTuner;
class MaskedLmProbe;

// The held-out sets of a fine-tuning run, encoded with the training set's label map.
struct EvaluationSets {
  std::vector<EncodedExample> validation;   // split from the training set: scored every epoch
  std::vector<EncodedExample> test;         // scored once, at the end
  std::vector<EncodedExample> train_probe;  // training examples, for the train-vs-validation gap
  // Held-out texts a BERT's masked-LM head is scored on at every evaluation, to measure how much
  // of pretraining fine-tuning keeps (null, or a GPT: not measured).
  std::shared_ptr<const MaskedLmProbe> masked_lm;
};

struct EvaluationSettings {
  int64_t every = 0;     // score validation every N steps; 0: at the end of every epoch
  int64_t patience = 0;  // > 0: stop after this many validation scores without a better one (higher
                         // accuracy, or equal accuracy and lower loss), and end on the best
                         // weights (early stopping)
  int64_t batch = 64;
};

// What one evaluation found: metrics for the log and the curves ("validation_accuracy",
// "validation_loss", "train_accuracy", "train_loss"; "masked_lm_accuracy", "masked_lm_loss" for a
// BERT with a masked_lm probe, and with the first evaluation of a run that did not resume their
// "..._at_start" values, before any step; at the end "test_accuracy", "test_loss",
// "best_validation_accuracy", "best_validation_step", and "stopped_early_at" when early
// stopping ended the run), and the test set's full report when it was scored.
struct Evaluation {
  std::map<std::string, double> metrics;
  std::optional<ClassificationReport> test_report;
  std::string note;  // e.g. "early stopping at step 120: best validation accuracy at step 60"
};

// When and what a fine-tuning run scores. The model is chosen on the validation set (which is
// where early stopping looks); the test set is scored once, after training, so its figure is
// an honest estimate. The CLI and training sessions both drive a FineTuner through this.
class FineTuneEvaluation {
 public:
  FineTuneEvaluation(FineTuner& tuner, EvaluationSets sets, EvaluationSettings settings);
  ~FineTuneEvaluation();

  // Call after every step: scores validation when it is due, and the test set (with the best
  // weights restored) once training is over. Empty when nothing was scored.
  std::optional<Evaluation> after_step(int64_t step);
  // Whether validation is scored after that step (the last step always is, besides).
  bool due(int64_t step) const;
  // Training is over: the tuner ran its steps, or early stopping ended it.
  bool done() const;
  bool stopped_early() const { return stopped_early_; }
  const std::optional<ClassificationReport>& test_report() const { return test_report_; }
  const EvaluationSets& sets() const { return sets_; }

  // Exact resume (lmlab-cli finetune --stop-at / --resume): the best validation score so far
  // and how many scores came since, as JSON text, and the weights kept at the best score (the
  // model's parameters, then its buffers; empty before the first score or without patience).
  std::string resume_json() const;
  std::vector<at::Tensor> best_weights() const;
  // Throws lmlab::Error naming origin when the state is not one resume_json() wrote.
  void resume(const std::string& json, std::vector<at::Tensor> best_weights, const std::string& origin);

 private:
  void score_validation(Evaluation& out, int64_t step);
  void score_test(Evaluation& out);

  struct BestWeights;
  FineTuner& tuner_;
  // The pretrained model's masked-LM score, reported with the first evaluation (then cleared).
  std::optional<std::pair<double, double>> masked_lm_at_start_;  // accuracy, loss
  EvaluationSets sets_;
  EvaluationSettings settings_;
  std::unique_ptr<BestWeights> best_;
  int64_t best_step_ = -1, scores_since_best_ = 0;
  double best_accuracy_ = -1, best_loss_ = 0;
  bool stopped_early_ = false, finished_ = false;
  std::optional<ClassificationReport> test_report_;
};

}  // namespace lmlab
