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
  struct Part {
    ModelPart part;
    at::Tensor before;  // the part's trainable weights before the update, joined (undefined: none train)
    double gradient_norm = 0;
  };
  std::vector<Part> parts_;  // model order
};

}  // namespace lmlab
