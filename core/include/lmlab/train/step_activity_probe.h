#pragma once

#include "lmlab/model/language_model.h"
#include "lmlab/train/freeze_state.h"
#include "lmlab/train/step_activity.h"

#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace lmlab {

// Measures one optimizer step per part. Costs one copy of the trainable weights, so trainers
// measure a step only when asked (a live view wants one every snapshot, not every step).
class StepActivityProbe {
 public:
  // Gradients are final (summed across ranks), not yet clipped or applied.
  void before_update(LanguageModelImpl& model);
  // After optimizer.step(): the step's activity; parts that do not train read 0.
  StepActivity after_update(LanguageModelImpl& model, int64_t step);

 private:
  using PartKey = std::tuple<int, int>;  // (ModelPart::Kind, layer): model order
  std::map<PartKey, std::pair<ModelPart, double>> gradient_squares_;  // part -> (part, sum of g²)
  std::vector<std::pair<std::string, at::Tensor>> before_;                // trainable weights before the update
};

}  // namespace lmlab
