#pragma once

#include <cstdint>
#include <vector>

namespace lmlab {

// Label value the losses ignore (PyTorch's cross-entropy default).
constexpr int64_t kIgnoreLabel = -100;

// One batch of token sequences on the host, row-major (batch, length), padded on the right.
// Plain vectors so batch builders are testable without a model; to_device() (train/)
// turns it into tensors.
struct TokenBatch {
  int64_t batch = 0;
  int64_t length = 0;
  std::vector<int64_t> ids;
  std::vector<int64_t> segments;      // 0 for segment A, 1 for B
  std::vector<uint8_t> real;          // 1 for real tokens, 0 for padding
  std::vector<int64_t> mlm_labels;    // original id at masked positions, kIgnoreLabel elsewhere
  std::vector<int64_t> next_targets;  // next token at each position, kIgnoreLabel at the end
  std::vector<int64_t> nsp_labels;    // (batch): 0 = B follows A, 1 = B is random
  std::vector<int64_t> labels;        // (batch): class labels for fine-tuning

  void resize(int64_t rows, int64_t columns, int64_t pad_id);
  // Rows [first, last) as a batch of their own (a data-parallel rank's share).
  TokenBatch rows(int64_t first, int64_t last) const;
  // Positions a loss scores: masked tokens, next-token targets.
  int64_t masked_count() const;
  int64_t next_target_count() const;
};

}  // namespace lmlab
