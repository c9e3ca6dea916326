#pragma once

#include "lmlab/data/pretraining_batcher.h"
#include "lmlab/dist/data_parallel.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/model/language_model.h"
#include "lmlab/train/optimizer.h"
#include "lmlab/train/step_metrics.h"

#include <array>
#include <chrono>
#include <memory>

namespace lmlab {

struct PretrainSettings {
  Objectives objectives;
  int64_t steps = 1000;
  int64_t warmup_steps = -1;  // -1: 10% of the steps
  double max_grad_norm = 1.0; // 0 turns clipping off
  bool bf16 = false;          // bf16 autocast (CUDA only)
  // Losses and accuracies stay on the device and are read back every N steps (and at the
  // last): on a GPU each read stalls the step pipeline. 0: every 10 steps on a GPU, every
  // step on the CPU, where a read costs nothing and the curves get every point.
  int64_t metrics_every = 0;
  AdamWSettings adamw;

  void validate(const ModelConfig& model) const;
};

// Runs self-supervised pretraining one optimizer step at a time, so a caller (the CLI's
// loop, the GUI's session thread) decides when to log, snapshot or stop.
class Pretrainer {
 public:
  Pretrainer(LanguageModel model, PretrainingBatcher batcher, PretrainSettings settings);

  // One forward, backward and AdamW update. Every metrics_every steps (and at the last) the
  // result carries the losses and accuracies averaged over the steps since the last read
  // (measured true); in between only the step and the learning rate. Throws lmlab::Error when
  // the loss read is not finite.
  StepMetrics step();
  // The metrics of the steps since the last read, read now (for a run that stops between
  // reads, so its curve and its resumed continuation miss no step); nothing when every step
  // was read. Data-parallel: a collective, every rank calls it at the same step.
  std::optional<StepMetrics> read_unread_metrics();
  // A new peak learning rate; warm-up and decay keep their shape.
  void set_peak_lr(double lr);
  bool done() const { return step_ >= settings_.steps; }
  int64_t steps_done() const { return step_; }
  const PretrainSettings& settings() const { return settings_; }
  LanguageModel& model() { return model_; }
  // Trains this rank's rows of every global batch and sums gradients and metrics across
  // ranks (every rank draws the same global batches from the same seed, so N processes
  // follow the same trajectory as one, up to float rounding, when dropout is 0). Throws
  // lmlab::Error when the batch has fewer rows than there are ranks.
  void set_data_parallel(std::shared_ptr<DataParallel> parallel);

  // What resuming needs besides the weights, so a resumed run continues exactly as if it
  // had not stopped: the step, AdamW's moments, the batch generator and torch's CPU
  // generator (dropout masks).
  struct ResumeState {
    int64_t step = 0;
    std::string batcher_rng;
    NamedTensors tensors;  // AdamW state and "lmlab.cpu_generator"
  };
  ResumeState resume_state();
  // Throws lmlab::Error naming origin when the state does not fit this run.
  void resume(const ResumeState& state, const std::string& origin);

 private:
  LanguageModel model_;
  PretrainingBatcher batcher_;
  PretrainSettings settings_;
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  std::vector<double> base_lrs_;
  int64_t step_ = 0;
  std::shared_ptr<DataParallel> parallel_;
  // Since the last read: the losses (weighted) and correct counts on the device, (6) double,
  // and the counts the host batch knew (masked, pairs, next targets, tokens).
  at::Tensor unread_device_sums_;
  std::array<double, 4> unread_host_counts_{};
  int64_t unread_steps_ = 0;
  double last_lr_ = 0;  // the learning rate of the last step
  std::chrono::steady_clock::time_point unread_since_;
  StepMetrics read_metrics(double lr);
};

}  // namespace lmlab
