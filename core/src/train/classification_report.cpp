#include "lmlab/train/classification_report.h"

#include <nlohmann/json.hpp>

namespace lmlab {

ClassificationReport ClassificationReport::from_confusion(std::vector<std::vector<int64_t>> confusion, double loss) {
  ClassificationReport r;
  r.loss = loss;
  r.confusion = std::move(confusion);
  const size_t k = r.confusion.size();
  int64_t right = 0, total = 0;
  for (size_t c = 0; c < k; ++c) {
    int64_t predicted = 0, actual = 0;
    for (size_t o = 0; o < k; ++o) predicted += r.confusion[o][c], actual += r.confusion[c][o];
    const double tp = static_cast<double>(r.confusion[c][c]);
    const double p = predicted ? tp / static_cast<double>(predicted) : 0.0;
    const double rc = actual ? tp / static_cast<double>(actual) : 0.0;
    r.precision.push_back(p);
    r.recall.push_back(rc);
    r.f1.push_back(p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0);
    right += r.confusion[c][c];
    total += actual;
  }
  r.accuracy = total ? static_cast<double>(right) / static_cast<double>(total) : 0.0;
  return r;
}

std::string ClassificationReport::to_json(const std::vector<std::string>& labels) const {
  nlohmann::ordered_json j;
  j["loss"] = loss;
  j["accuracy"] = accuracy;
  j["per_class"] = nlohmann::json::array();
  for (size_t c = 0; c < precision.size(); ++c)
    j["per_class"].push_back({{"label", c < labels.size() ? labels[c] : std::to_string(c)},
                              {"precision", precision[c]},
                              {"recall", recall[c]},
                              {"f1", f1[c]}});
  j["confusion"] = confusion;
  return j.dump();
}

}  // namespace lmlab
