#include "lmlab/data/labeled_dataset.h"

#include "lmlab/error.h"

#include <cmath>
#include <map>
#include <random>
#include <string>
#include <string_view>

namespace lmlab {

std::pair<LabeledDataset, LabeledDataset> split_off(const LabeledDataset& data, double share, uint64_t seed) {
  if (!(share >= 0 && share < 1)) throw Error("a held-out share must be in [0, 1), got " + std::to_string(share));
  std::pair<LabeledDataset, LabeledDataset> out;
  for (auto* part : {&out.first, &out.second}) {
    part->labels = data.labels;
    part->pairs = data.pairs;
  }
  out.first.skipped_bad_rows = data.skipped_bad_rows;  // what reading the file skipped stays with the kept part
  out.first.skipped_unlabeled = data.skipped_unlabeled;
  std::vector<std::vector<size_t>> by_label(data.labels.size());
  for (size_t i = 0; i < data.examples.size(); ++i) by_label.at(static_cast<size_t>(data.examples[i].label)).push_back(i);
  std::vector<bool> held(data.examples.size(), false);
  std::mt19937_64 rng(seed);
  for (auto& indices : by_label) {
    // Fisher-Yates with our own range reduction: the same split on every standard library.
    for (size_t i = indices.size(); i > 1; --i) std::swap(indices[i - 1], indices[rng() % i]);
    size_t take = static_cast<size_t>(std::llround(share * static_cast<double>(indices.size())));
    if (share > 0 && take == 0 && indices.size() >= 2) take = 1;
    // Copies of a row are held out together: a copy left on the training side would make the
    // held-out score reward memory (the bundled news set repeats about one row in ten). Groups
    // go in shuffled order, skipping any that would overshoot the share, so the held-out side
    // never grows past it; only data made of a few rows repeated many times, where no group
    // fits, falls back to holding out single copies.
    std::map<std::pair<std::string_view, std::string_view>, std::vector<size_t>> copies;
    std::vector<const std::vector<size_t>*> groups;  // in shuffled order of first appearance
    for (size_t i : indices) {
      auto& group = copies[{data.examples[i].text_a, data.examples[i].text_b}];
      if (group.empty()) groups.push_back(&group);
      group.push_back(i);
    }
    size_t taken = 0;
    for (const auto* group : groups)
      if (taken + group->size() <= take) {
        for (size_t i : *group) held[i] = true;
        taken += group->size();
      }
    for (size_t k = 0; k < indices.size() && taken < take; ++k)
      if (!held[indices[k]]) held[indices[k]] = true, ++taken;
  }
  for (size_t i = 0; i < data.examples.size(); ++i) (held[i] ? out.second : out.first).examples.push_back(data.examples[i]);
  return out;
}

}  // namespace lmlab
