#pragma once

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/token_batch.h"
#include "lmlab/tokenizer.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace lmlab {

// An example as the model reads it: [CLS] a [SEP] or [CLS] a [SEP] b [SEP] (segments 0 / 1).
struct EncodedExample {
  std::vector<int64_t> ids;
  std::vector<int64_t> segments;
  int64_t label = 0;
};

// Encodes every example, truncating the longer text first until it fits max_len.
std::vector<EncodedExample> encode_examples(const LabeledDataset& data, const Tokenizer& tokenizer, int64_t max_len);

// Batches of encoded examples, padded to the longest row; shuffled anew every epoch when
// asked (training), in order otherwise (evaluation).
class ClassificationBatcher {
 public:
  ClassificationBatcher(std::vector<EncodedExample> examples, int64_t batch, int64_t pad_id, bool shuffle, uint64_t seed);

  // The next batch of this epoch; false when the epoch is over (the next call starts a new one).
  bool next(TokenBatch& out);
  int64_t epoch() const { return epoch_; }
  size_t size() const { return examples_.size(); }
  int64_t batches_per_epoch() const;

  // Where the batcher stands (epoch, position, this epoch's order, the generator), as text a
  // resumed run restores so its batches are the unbroken run's. set_state throws
  // lmlab::Error when the text is not one this batcher (same examples) wrote.
  std::string state() const;
  void set_state(const std::string& state);

 private:
  std::vector<EncodedExample> examples_;
  int64_t batch_, pad_id_;
  bool shuffle_;
  std::mt19937_64 rng_;
  std::vector<size_t> order_;
  size_t cursor_ = 0;
  int64_t epoch_ = 0;
};

}  // namespace lmlab
