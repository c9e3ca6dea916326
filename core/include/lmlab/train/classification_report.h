#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

// How a classifier did on a set of examples: loss, accuracy, per-class precision, recall and
// F1, and the confusion matrix (rows: true label, columns: predicted).
struct ClassificationReport {
  double loss = 0;
  double accuracy = 0;
  std::vector<std::vector<int64_t>> confusion;
  std::vector<double> precision, recall, f1;

  static ClassificationReport from_confusion(std::vector<std::vector<int64_t>> confusion, double loss);
  std::string to_json(const std::vector<std::string>& labels) const;  // one line
};

}  // namespace lmlab
