#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lmlab {

// Where time goes, per LibTorch operator: self time (excluding the operators it called),
// summed over every call. Matrix products are labelled by what they multiply, so the
// vocabulary projection and attention show up as their own lines.
struct OpTime {
  std::string name;   // e.g. "aten::mm (vocabulary)", "lmlab::forward"
  double self_ms = 0;
  double total_ms = 0;  // including the operators it called
  int64_t calls = 0;
};

struct OpShapeHints {
  int64_t vocab_size = 0;  // a matmul with this dimension is the vocabulary projection
  int64_t seq_len = 0;     // a batched matmul with (T, T) is attention
};

// Runs work with LibTorch's (CPU) profiler on and returns operators sorted by self time.
std::vector<OpTime> profile_ops(const std::function<void()>& work, const OpShapeHints& hints);

}  // namespace lmlab
