#pragma once

#include "lmlab/inspect/part_change.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/train/freeze_state.h"

#include <string>
#include <vector>

namespace lmlab {

// Per part, in model order (embeddings, layers, head): parameters are matched by name, those
// only in start (a pretraining head fine-tuning dropped) are ignored, those only in end are
// counted as new. A frozen part's change is exactly 0. Throws lmlab::Error when a shared name
// has different shapes.
std::vector<PartChange> parameter_changes(const NamedTensors& start, const NamedTensors& end);

}  // namespace lmlab
