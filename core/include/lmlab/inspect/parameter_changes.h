#pragma once

#include "lmlab/inspect/part_change.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/train/freeze_state.h"

#include <string>
#include <vector>

namespace lmlab {

// Per part, in model order (embeddings, layers, head): parameters are matched by name, those
// only in start (a pretraining head fine-tuning dropped) are ignored, those only in end are
// counted as new. A frozen part's change is exactly 0. Throws lmlab::Error when a shared name
// has different shapes.
std::vector<PartChange> parameter_changes(const NamedTensors& start, const NamedTensors& end);

// The same against one start, many times (a live view while a model trains): the start is
// copied and joined per part once.
class PartChangeTracker {
 public:
  explicit PartChangeTracker(const NamedTensors& start);
  ~PartChangeTracker();
  PartChangeTracker(PartChangeTracker&&) noexcept;
  PartChangeTracker& operator=(PartChangeTracker&&) noexcept;
  std::vector<PartChange> changes(const NamedTensors& now) const;

 private:
  struct Part;
  std::vector<Part> parts_;
};

}  // namespace lmlab
