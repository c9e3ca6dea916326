#pragma once

#include "lmlab/session/session_events.h"

#include "qcustomplot_include.h"

namespace lmlab::app {

// One colour reading for every attention map in the lab, small or large: QCustomPlot's thermal
// gradient over a range, either the shared 0..1 (weights are probabilities) or a map's own.
QCPColorGradient& attention_gradient();  // GUI thread only: colouring fills its cache
QRgb attention_colour(double weight, const QCPRange& range);
// The smallest and largest weight of one head's map (widened when they are equal).
QCPRange attention_range(const AttentionSnapshot& attention, int layer, int head);

}  // namespace lmlab::app
