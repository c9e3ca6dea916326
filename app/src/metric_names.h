#pragma once

#include <QString>

namespace lmlab::app {

// What a learner reads for a metric key of the run log ("validation_accuracy" → "validation
// accuracy", in the UI language): plot legends and the Runs tab's metric list. Keys it does not
// know are shown with spaces for underscores.
QString metric_label(const QString& key);

}  // namespace lmlab::app
