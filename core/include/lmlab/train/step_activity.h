#pragma once

#include "lmlab/train/freeze_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

// What one optimizer step did to each part of the model (plain types, for sessions and the
// GUI): how strong its gradient was and how far it moved the weights.
struct PartStepActivity {
  ModelPart part;
  std::string name;            // part_name(part): "embeddings", "layer N", "head"
  double gradient_norm = 0;    // ||g|| before clipping; 0 for a frozen part
  double update_ratio = 0;     // ||W_after - W_before|| / ||W_before||; exactly 0 for a frozen part
};

struct StepActivity {
  int64_t step = 0;                     // the step measured (1 = the first)
  std::vector<PartStepActivity> parts;  // model order: embeddings, layers, head
};

}  // namespace lmlab
