#pragma once

#include "lmlab/tokenizer.h"

#include <cstdint>
#include <random>
#include <vector>

namespace lmlab {

struct MaskingOptions {
  double select = 0.15;     // share of maskable tokens the loss is computed on
  double as_mask = 0.8;     // of those: replaced by [MASK]
  double as_random = 0.1;   // replaced by a random token; the rest stay as they are
};

// BERT's masking: picks round(15%) of a sequence's non-special tokens (at least one), then
// 80% become [MASK], 10% a random non-special token, 10% stay. Special tokens ([CLS],
// [SEP], [PAD], ...) are never picked.
class MlmMasker {
 public:
  MlmMasker(const SpecialIds& specials, int vocab_size, const MaskingOptions& options = {});

  // Masks ids[0, n) in place and writes labels (original id where picked, kIgnoreLabel
  // elsewhere). Returns how many were picked.
  size_t mask(int64_t* ids, int64_t* labels, size_t n, std::mt19937_64& rng) const;

  bool is_special(int64_t id) const;

 private:
  SpecialIds specials_;
  int vocab_size_;
  MaskingOptions options_;
  std::vector<uint8_t> special_;  // by id
};

}  // namespace lmlab
