#include "lmlab/inspect/parameter_changes.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>

#include <map>
#include <set>
#include <tuple>

namespace lmlab {

// Per part, the start's shared parameters joined into one flat vector once, so each comparison
// pays a few operations per part rather than several per tensor (a small model's snapshot was
// 20% of its training time with per-tensor sums in double precision).
struct PartChangeTracker::Part {
  struct Entry {
    std::string name;
    std::vector<int64_t> shape;
    int64_t offset = 0;  // where its values start in the joined vector
  };
  ModelPart part;
  std::vector<Entry> entries;  // in the start's order
  at::Tensor start;            // (n) float
  double start_norm = 0;
};

PartChangeTracker::PartChangeTracker(const NamedTensors& start) {
  std::map<std::tuple<int, int>, std::pair<Part, std::vector<at::Tensor>>> groups;
  for (const auto& [name, tensor] : start) {
    const ModelPart part = part_of(name);
    auto& [group, tensors] = groups[{static_cast<int>(part.kind), part.layer}];
    group.part = part;
    const int64_t offset = group.entries.empty() ? 0 : group.entries.back().offset + tensors.back().numel();
    group.entries.push_back({name, tensor.sizes().vec(), offset});
    tensors.push_back(tensor.detach().to(at::kFloat).reshape({-1}));
  }
  for (auto& [key, entry] : groups) {
    auto& [group, tensors] = entry;
    group.start = at::cat(tensors).clone();  // its own copy: training moves the originals
    group.start_norm = group.start.norm().item<double>();
    parts_.push_back(std::move(group));
  }
}

PartChangeTracker::~PartChangeTracker() = default;
PartChangeTracker::PartChangeTracker(PartChangeTracker&&) noexcept = default;
PartChangeTracker& PartChangeTracker::operator=(PartChangeTracker&&) noexcept = default;

std::vector<PartChange> PartChangeTracker::changes(const NamedTensors& now) const {
  std::map<std::string, const at::Tensor*> current;
  for (const auto& [name, tensor] : now) current[name] = &tensor;
  std::map<std::tuple<int, int>, PartChange> out;
  std::set<std::string> known;
  for (const auto& group : parts_) {
    PartChange change;
    change.part = group.part;
    change.name = part_name(group.part);
    // The end's values of the parameters both sets have, and the start's matching slices (all of
    // it unless the end dropped some, e.g. a pretraining head).
    std::vector<at::Tensor> ends, starts;
    for (const auto& entry : group.entries) {
      known.insert(entry.name);
      const auto found = current.find(entry.name);
      if (found == current.end()) continue;
      if (found->second->sizes().vec() != entry.shape)
        throw Error("cannot compare " + entry.name + ": its shape differs between the two models");
      ends.push_back(found->second->detach().to(at::kFloat).reshape({-1}));
      starts.push_back(group.start.slice(0, entry.offset, entry.offset + ends.back().numel()));
    }
    if (!ends.empty()) {
      const bool whole = ends.size() == group.entries.size();
      const auto end = at::cat(ends);
      const auto start = whole ? group.start : at::cat(starts);
      change.parameters = end.numel();
      change.start_norm = whole ? group.start_norm : start.norm().item<double>();
      change.change_norm = (end - start).norm().item<double>();
      change.relative_change = change.start_norm > 0 ? change.change_norm / change.start_norm : 0;
    }
    out[{static_cast<int>(group.part.kind), group.part.layer}] = change;
  }
  // Parameters only the end has (a classifier fine-tuning added) are counted, not compared.
  for (const auto& [name, tensor] : now) {
    if (known.count(name)) continue;
    const ModelPart part = part_of(name);
    auto& change = out[{static_cast<int>(part.kind), part.layer}];
    change.part = part;
    change.name = part_name(part);
    change.new_parameters += tensor.numel();
  }
  std::vector<PartChange> ordered;
  for (auto& [key, change] : out) ordered.push_back(std::move(change));
  return ordered;
}

std::vector<PartChange> parameter_changes(const NamedTensors& start, const NamedTensors& end) {
  return PartChangeTracker(start).changes(end);
}

}  // namespace lmlab
