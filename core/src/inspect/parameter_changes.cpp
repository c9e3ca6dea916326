#include "lmlab/inspect/parameter_changes.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>

#include <cmath>
#include <map>
#include <tuple>

namespace lmlab {

std::vector<PartChange> parameter_changes(const NamedTensors& start, const NamedTensors& end) {
  std::map<std::string, const at::Tensor*> before;
  for (const auto& [name, tensor] : start) before[name] = &tensor;
  struct Sums {
    double start_squares = 0, change_squares = 0;
    int64_t parameters = 0, new_parameters = 0;
  };
  // Model order: embeddings, layers by number, head.
  auto order = [](const ModelPart& p) { return std::make_tuple(static_cast<int>(p.kind), p.layer); };
  std::map<std::tuple<int, int>, std::pair<ModelPart, Sums>> parts;
  for (const auto& [name, after] : end) {
    const ModelPart part = part_of(name);
    auto& [kept_part, sums] = parts[order(part)];
    kept_part = part;
    const auto found = before.find(name);
    if (found == before.end()) {
      sums.new_parameters += after.numel();
      continue;
    }
    const at::Tensor& origin = *found->second;
    if (origin.sizes() != after.sizes())
      throw Error("cannot compare " + name + ": its shape differs between the two models");
    const auto a = origin.to(at::kDouble), b = after.to(at::kDouble);
    sums.start_squares += a.square().sum().item<double>();
    sums.change_squares += (b - a).square().sum().item<double>();
    sums.parameters += after.numel();
  }
  std::vector<PartChange> out;
  for (const auto& [key, entry] : parts) {
    const auto& [part, sums] = entry;
    PartChange change;
    change.part = part;
    change.name = part_name(part);
    change.parameters = sums.parameters;
    change.new_parameters = sums.new_parameters;
    change.start_norm = std::sqrt(sums.start_squares);
    change.change_norm = std::sqrt(sums.change_squares);
    change.relative_change = change.start_norm > 0 ? change.change_norm / change.start_norm : 0;
    out.push_back(change);
  }
  return out;
}

}  // namespace lmlab
