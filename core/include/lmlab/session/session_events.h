#pragma once

#include "lmlab/inspect/logit_lens_result.h"
#include "lmlab/inspect/masked_text.h"
#include "lmlab/inspect/part_change.h"
#include "lmlab/train/classification_report.h"
#include "lmlab/train/step_activity.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lmlab {

// What a training session reports, in plain types: the GUI and the CLI take these from the
// session thread without touching torch.

struct SessionStep {
  int64_t step = 0;
  double loss = 0;
  std::map<std::string, double> metrics;  // of the step's batch: "mlm_accuracy", "lr", "tokens_per_s", ...
  double ms = 0;
  std::string frozen;  // fine-tuning: FreezeState::describe(), as applied during the step
  // Held-out scores taken after the step, when they were due: "validation_accuracy",
  // "train_accuracy", "test_accuracy", ... (fine-tuning), "fewshot_accuracy" (few-shot).
  std::map<std::string, double> evaluation{};
  std::string note{};  // what the evaluation decided, e.g. early stopping
  std::optional<ClassificationReport> test_report{};  // fine-tuning, when the test set was scored
  // false: a pretraining step between metric reads on a GPU (PretrainSettings::metrics_every);
  // the session does not report it, the next read averages over it.
  bool measured{true};
};

// Attention probabilities of the probe input for every layer and head, (L, H, T, T) row-major.
struct AttentionSnapshot {
  int layers = 0, heads = 0;
  std::vector<std::string> tokens;  // T pieces
  std::vector<float> weights;
  float at(int layer, int head, int query, int key) const {
    const size_t t = tokens.size();
    return weights[((static_cast<size_t>(layer) * heads + head) * t + query) * t + key];
  }
};

// What the session trains, sent once when it starts, so views can draw the model (a freeze
// panel needs the layer count before the first step).
struct SessionInfo {
  std::string kind;  // pretrain | finetune | distill
  std::string arch;  // bert | gpt
  int layers = 0, heads = 0;
  int64_t parameters = 0, total_steps = 0;
  std::vector<std::string> labels;  // classifiers: the label names in id order
  std::string probe;                // the text snapshots are taken on
  std::string description;          // one line for a status bar
  // An imported model's heads that came with random weights (HfImport::untrained_heads).
  std::vector<std::string> untrained_heads;
  int64_t first_step = 0;           // steps taken before this session: a resumed run's
};

// Fine-tuning: the held-out examples' pooled vectors (what the classifier reads) on their first
// two principal components, as the model stands at a step.
struct ProjectedExamples {
  int64_t step = 0;
  std::vector<float> x, y;          // one point per example
  std::vector<int> labels;          // the examples' true labels
  double explained[2] = {0, 0};     // each axis's share of the variance
  // Per depth (0: embeddings .. L): linear CKA between the depth's representation of the same
  // examples at the start of the run and now; 1: unchanged up to rotation and scale.
  std::vector<double> cka_to_start;
};

struct Snapshot {
  int64_t step = 0;
  AttentionSnapshot attention;
  std::optional<MaskedText> masked;   // BERT: top guesses for the probe's [MASK]
  std::optional<std::string> sample;  // GPT: a short greedy continuation of the probe
  // The probe through every layer (BERT: at its [MASK]s; GPT: the next token after it).
  std::optional<LogitLens> lens;
  // Fine-tuning: how far each part moved since the run began (its starting checkpoint), and
  // what one recent step did to each part (measured at the first step after the previous
  // snapshot, so measuring costs one weight copy per snapshot, not per step).
  std::vector<PartChange> changes;
  std::optional<StepActivity> activity;
  // Fine-tuning, every couple of seconds (a forward over a few hundred examples): the projector.
  std::optional<ProjectedExamples> projection;
};

// Receives events on the session's thread; implementations hand them over, they do not block.
class SessionSink {
 public:
  virtual ~SessionSink() = default;
  virtual void on_started(const SessionInfo&) {}
  virtual void on_step(const SessionStep&) {}
  virtual void on_snapshot(const Snapshot&) {}
  virtual void on_error(const std::string& message) { (void)message; }
  virtual void on_finished(int64_t steps, bool stopped) { (void)steps, (void)stopped; }
};

}  // namespace lmlab
