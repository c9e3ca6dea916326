#pragma once

#include "lmlab/train/freeze_state.h"

#include <cstdint>
#include <string>

namespace lmlab {

// How far one part of a model (the parts freezing addresses) moved between two sets of
// weights. Plain types, for sessions and the GUI.
struct PartChange {
  ModelPart part;
  std::string name;             // part_name(part): "embeddings", "layer N" (from 0), "head"
  int64_t parameters = 0;       // values present in both sets and compared
  double start_norm = 0;        // ||W_start|| over those values
  double change_norm = 0;       // ||W_end - W_start||
  double relative_change = 0;   // change_norm / start_norm (0 when start_norm is 0)
  int64_t new_parameters = 0;   // values only the end has (a classifier head added by fine-tuning)
};

}  // namespace lmlab
