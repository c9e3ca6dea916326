#pragma once

#include <cstdint>
#include <optional>

namespace lmlab {

// What one pretraining step reports, in plain types (a PretrainJob turns it into a SessionStep).
// Losses and accuracies an objective does not produce stay empty.
struct StepMetrics {
  int64_t step = 0;  // 1-based: the number of optimizer steps taken
  // false: a step between reads (PretrainSettings::metrics_every), which carries only step
  // and lr; the next read averages over it.
  bool measured = true;
  double loss = 0;   // the total that was optimised
  std::optional<double> mlm_loss, nsp_loss, clm_loss;
  std::optional<double> mlm_accuracy, nsp_accuracy, clm_accuracy;
  double lr = 0;
  double tokens_per_s = 0;
  double ms = 0;     // wall time per step, over the steps since the last read
  std::optional<int64_t> allreduce_bytes;  // data-parallel: gradient bytes each rank sent
};

// Steps between reads of the training metrics for a metrics_every setting (pretraining and
// fine-tuning): the setting when > 0; else 10 on a GPU, where each read stalls the queue, and
// 1 on the CPU, where a read costs nothing and the curves get every point.
inline int64_t metrics_read_interval(int64_t metrics_every, bool on_gpu) {
  return metrics_every > 0 ? metrics_every : on_gpu ? 10 : 1;
}

}  // namespace lmlab
