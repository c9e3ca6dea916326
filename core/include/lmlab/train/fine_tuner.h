#pragma once

#include "lmlab/data/classification_batcher.h"
#include "lmlab/dist/data_parallel.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/model/language_model.h"
#include "lmlab/train/distillation.h"
#include "lmlab/train/classification_report.h"
#include "lmlab/train/freeze_plan.h"
#include "lmlab/train/optimizer.h"
#include "lmlab/train/step_activity.h"

#include <array>
#include <memory>
#include <optional>
#include <string>

namespace lmlab {

struct FineTuneSettings {
  int64_t epochs = 3;
  int64_t max_steps = 0;          // > 0: stop after this many steps even mid-epoch
  AdamWSettings adamw{1e-4, 0.01};
  double warmup_ratio = 0.1;      // share of the steps spent warming up (linear, cosine)
  std::string schedule = "linear";  // linear | cosine | slanted
  double layer_lr_decay = 1.0;    // discriminative rates: layer i gets lr * decay^(L - i)
  double max_grad_norm = 1.0;
  FreezeState freeze;             // the starting state (empty: nothing frozen)
  int64_t gradual_unfreeze_every = 0;  // > 0: ULMFiT, head first, one more layer every K steps
  DistillationSettings distillation;   // used when the tuner has a teacher
  // Read the loss and accuracy back every N steps (and at the last); 0: 10 on a GPU, where a
  // read stalls the queue, 1 on the CPU. Data-parallel ranks read at the same steps and sum
  // the metrics across ranks on the host.
  int64_t metrics_every = 0;

  void validate(int layer_count) const;
};

// One fine-tuning step's report, in plain types. Loss and accuracy (and the distillation
// losses) are averages over the steps since the last read.
struct FineTuneStep {
  int64_t step = 0;   // optimizer steps taken
  int64_t epoch = 0;  // 0-based epoch the step belonged to
  bool measured = true;  // false: between reads (metrics_every); loss and accuracy are 0
  double loss = 0, accuracy = 0, lr = 0, ms = 0;
  std::string frozen;  // FreezeState::describe() during the step
  TrainingMemory memory;
  std::optional<double> soft_loss, hard_loss, cosine_loss;  // with a teacher
};

// Fine-tunes a model for classification (single texts or pairs) one step at a time, so a
// caller can change the freeze state between steps and evaluate when it likes.
class FineTuner {
 public:
  // With a teacher (a fine-tuned classifier), the model learns from its softened outputs as
  // well as the labels (knowledge distillation); the teacher never changes.
  FineTuner(LanguageModel model, ClassificationBatcher train, FineTuneSettings settings,
            LanguageModel teacher = LanguageModel(nullptr));

  // One step; reads its metrics back when metrics_every says so, at the last step, or when
  // read_metrics. Throws lmlab::Error when a loss read is not finite.
  FineTuneStep step(bool read_metrics = false);
  // The last step's report with the metrics of the steps since the last read, read now (for
  // a run that stops between reads); nothing when every step was read. Data-parallel: a
  // collective, every rank calls it at the same step.
  std::optional<FineTuneStep> read_unread_metrics();
  bool done() const { return step_ >= total_steps_; }
  int64_t total_steps() const { return total_steps_; }
  int64_t steps_done() const { return step_; }
  int64_t steps_per_epoch() const { return train_.batches_per_epoch(); }

  // The next step measures its gradient and update per part (one copy of the trainable
  // weights); last_activity() has it afterwards.
  void measure_next_step() { measure_next_ = true; }
  const std::optional<StepActivity>& last_activity() const { return last_activity_; }

  // Takes effect from the next step.
  void set_freeze(const FreezeState& state);
  // A new peak learning rate; the schedule, layer decay and warm-up keep their shape.
  void set_peak_lr(double lr);
  const FreezeState& freeze() const { return freeze_; }
  // The state gradual unfreezing prescribes at a step (head, then layers from the top, then
  // the embeddings).
  FreezeState gradual_state(int64_t step) const;

  // Trains this rank's rows of every batch and sums gradients and metrics across ranks;
  // every rank shuffles with the same seed, so the global batches are one process's.
  void set_data_parallel(std::shared_ptr<DataParallel> parallel);

  ClassificationReport evaluate(const std::vector<EncodedExample>& examples, int64_t batch);

  // What resuming needs besides the weights, so a resumed run continues exactly as if it had
  // not stopped: the step, where the batcher stands, the freeze state and peak learning rate
  // (both may have been changed while it ran), AdamW's moments and torch's CPU generator.
  struct ResumeState {
    int64_t step = 0;
    std::string batcher, freeze;
    double peak_lr = 0;
    NamedTensors tensors;
  };
  ResumeState resume_state();
  // Restores a state resume_state() gave, from the same data and settings; origin names the
  // checkpoint in errors.
  void resume(const ResumeState& state, const std::string& origin);
  torch::optim::Optimizer& optimizer() { return *optimizer_; }
  LanguageModel& model() { return model_; }

 private:
  LanguageModel model_;
  LanguageModel teacher_;
  bool measure_next_ = false;
  std::optional<StepActivity> last_activity_;
  ClassificationBatcher train_;
  FineTuneSettings settings_;
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  std::vector<double> base_lrs_;
  FreezeState freeze_;
  int layer_count_ = 0;
  int64_t step_ = 0, total_steps_ = 0, warmup_steps_ = 0;
  std::shared_ptr<DataParallel> parallel_;
  // Metric sums since the last read, on the model's device: weighted loss, correct, soft,
  // hard and cosine loss (undefined until a step adds one).
  std::array<at::Tensor, 5> pending_;
  int64_t pending_rows_ = 0, pending_steps_ = 0;
  FineTuneStep last_step_;  // the last step's report (its metrics unread when not measured)
  // Fills r's loss and accuracies from the sums since the last read (summed across ranks)
  // and starts new sums.
  void read_pending(FineTuneStep& r);
};

}  // namespace lmlab
