#include "label_map.h"

#include <algorithm>
#include <map>
#include <set>

namespace lmlab::readers {

namespace {

bool is_integer(const std::string& text) {
  size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
  if (i >= text.size() || text.size() > 18) return false;
  for (; i < text.size(); ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace

void assign_labels(LabeledDataset& data, std::vector<std::pair<LabeledExample, std::string>> rows) {
  std::set<std::string> names;
  for (const auto& row : rows) names.insert(row.second);
  std::vector<std::string> order(names.begin(), names.end());
  if (std::all_of(order.begin(), order.end(), is_integer))
    std::sort(order.begin(), order.end(),
              [](const std::string& a, const std::string& b) { return std::stoll(a) < std::stoll(b); });
  std::map<std::string, int> index;
  data.labels = order;
  for (size_t i = 0; i < order.size(); ++i) index[order[i]] = static_cast<int>(i);
  for (auto& [example, label] : rows) {
    example.label = index.at(label);
    data.examples.push_back(std::move(example));
  }
}

}  // namespace lmlab::readers
