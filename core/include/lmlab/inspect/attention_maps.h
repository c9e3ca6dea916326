#pragma once

#include "lmlab/session/session_events.h"

#include <vector>

namespace lmlab {

// Ways to read a probe's attention maps (torch-free, on the snapshot's plain numbers).

// [CLS], [SEP], [PAD], <s> and </s> taken out of every map and each remaining row rescaled to
// sum to 1, so the attention between words shows without the specials' share (BERT's heads
// often park most of their attention on [SEP]). [MASK] stays: it is the probe's question. A row
// whose whole weight was on specials stays all zeros.
AttentionSnapshot without_special_tokens(const AttentionSnapshot& attention);

// Attention rollout (Abnar & Zuidema, 2020): how much each output position draws on each input
// token through all layers, counting the residual path: per layer Â = ½·mean over heads + ½·I,
// rows renormalised; the rollout is Â_{L-1}···Â_0. (T, T) row-major, rows sum to 1.
std::vector<float> attention_rollout(const AttentionSnapshot& attention);

}  // namespace lmlab
