#pragma once

#include "lmlab/data/labeled_dataset.h"

#include <string>
#include <utility>
#include <vector>

namespace lmlab::readers {

// Gives rows read with label names their label indices. Names that are all integers ("0",
// "1", ... "10", as Hugging Face datasets export class ids) are ordered by value, others
// alphabetically, so the same label set always maps to the same indices.
void assign_labels(LabeledDataset& data, std::vector<std::pair<LabeledExample, std::string>> rows);

}  // namespace lmlab::readers
