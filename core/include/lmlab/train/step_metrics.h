#pragma once

#include <cstdint>
#include <optional>

namespace lmlab {

// What one pretraining step reports, in plain types (a PretrainJob turns it into a SessionStep).
// Losses and accuracies an objective does not produce stay empty.
struct StepMetrics {
  int64_t step = 0;  // 1-based: the number of optimizer steps taken
  double loss = 0;   // the total that was optimised
  std::optional<double> mlm_loss, nsp_loss, clm_loss;
  std::optional<double> mlm_accuracy, nsp_accuracy, clm_accuracy;
  double lr = 0;
  double tokens_per_s = 0;
  double ms = 0;     // wall time of the step
  std::optional<int64_t> allreduce_bytes;  // data-parallel: gradient bytes each rank sent
};

}  // namespace lmlab
