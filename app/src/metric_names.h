#pragma once

#include "lmlab/train/freeze_state.h"

#include <QString>

namespace lmlab::app {

// What a learner reads for a metric key of the run log ("validation_accuracy" → "validation
// accuracy", in the UI language): plot legends and the Runs tab's metric list. Keys it does not
// know are shown with spaces for underscores.
QString metric_label(const QString& key);

// A part of the model as the freeze panel and the "what changes" view name it: Embeddings,
// Layer N, Head (pooler + classifier).
QString part_label(const ModelPart& part);
// The same, short enough for a plot's axis: Emb., L0, L1, Head.
QString short_part_label(const ModelPart& part);

}  // namespace lmlab::app
