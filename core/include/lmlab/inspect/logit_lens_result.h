#pragma once

#include "lmlab/inspect/masked_text.h"

#include <string>
#include <vector>

namespace lmlab {

// The logit lens's result in plain types (no torch), for sessions and the GUI.

// One depth: what the model would answer if it stopped here.
struct LensLayer {
  int layer = 0;                          // 0: the embeddings, L: the last block (the model's output)
  std::vector<MaskPrediction> positions;  // one per lens position, most likely first
  std::vector<int> answer_ranks;          // per position: the rank (1 = top) of the final answer
};

struct LogitLens {
  std::vector<std::string> pieces;  // what the model reads
  std::vector<LensLayer> layers;    // in order, embeddings first, the model's output last
};

}  // namespace lmlab
