#include "lmlab/data/mlm_masker.h"

#include "lmlab/data/token_batch.h"
#include "lmlab/error.h"

#include <algorithm>
#include <cmath>

namespace lmlab {

MlmMasker::MlmMasker(const SpecialIds& specials, int vocab_size, const MaskingOptions& options)
    : specials_(specials), vocab_size_(vocab_size), options_(options), special_(vocab_size, 0) {
  if (options.select <= 0 || options.select >= 1) throw Error("masking share must be in (0, 1)");
  if (options.as_mask < 0 || options.as_random < 0 || options.as_mask + options.as_random > 1)
    throw Error("mask and random shares must be non-negative and sum to at most 1");
  for (int id : {specials.pad, specials.unk, specials.cls, specials.sep, specials.mask, specials.bos,
                 specials.eos})
    if (id >= 0 && id < vocab_size) special_[id] = 1;
  if (std::count(special_.begin(), special_.end(), 0) == 0)
    throw Error("the vocabulary has no ordinary tokens to mask");
}

bool MlmMasker::is_special(int64_t id) const {
  return id < 0 || id >= vocab_size_ || special_[static_cast<size_t>(id)];
}

size_t MlmMasker::mask(int64_t* ids, int64_t* labels, size_t n, std::mt19937_64& rng) const {
  std::vector<size_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    labels[i] = kIgnoreLabel;
    if (!is_special(ids[i])) candidates.push_back(i);
  }
  if (candidates.empty()) return 0;
  const auto picked = std::max<size_t>(1, std::lround(options_.select * candidates.size()));
  std::shuffle(candidates.begin(), candidates.end(), rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int64_t> any_token(0, vocab_size_ - 1);
  for (size_t k = 0; k < picked; ++k) {
    const auto i = candidates[k];
    labels[i] = ids[i];
    const double r = unit(rng);
    if (r < options_.as_mask) {
      ids[i] = specials_.mask;
    } else if (r < options_.as_mask + options_.as_random) {
      int64_t token;
      do token = any_token(rng);
      while (is_special(token));
      ids[i] = token;
    }
  }
  return picked;
}

}  // namespace lmlab
