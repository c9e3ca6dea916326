#include "lmlab/data/classification_batcher.h"

#include "lmlab/error.h"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace lmlab {

std::vector<EncodedExample> encode_examples(const LabeledDataset& data, const Tokenizer& tokenizer, int64_t max_len) {
  const auto special = tokenizer.special_ids();
  const size_t budget = static_cast<size_t>(max_len) - (data.pairs ? 3 : 2);
  if (max_len < (data.pairs ? 5 : 3)) throw Error("sequence length " + std::to_string(max_len) + " is too short");
  std::vector<EncodedExample> out;
  out.reserve(data.examples.size());
  for (const auto& e : data.examples) {
    auto a = tokenizer.encode(e.text_a);
    std::vector<int> b = data.pairs ? tokenizer.encode(e.text_b) : std::vector<int>{};
    while (a.size() + b.size() > budget) (a.size() >= b.size() ? a : b).pop_back();
    EncodedExample x;
    x.label = e.label;
    x.ids.push_back(special.cls);
    x.ids.insert(x.ids.end(), a.begin(), a.end());
    x.ids.push_back(special.sep);
    x.segments.assign(x.ids.size(), 0);
    if (data.pairs) {
      x.ids.insert(x.ids.end(), b.begin(), b.end());
      x.ids.push_back(special.sep);
      x.segments.resize(x.ids.size(), 1);
    }
    out.push_back(std::move(x));
  }
  return out;
}

ClassificationBatcher::ClassificationBatcher(std::vector<EncodedExample> examples, int64_t batch, int64_t pad_id,
                                             bool shuffle, uint64_t seed)
    : examples_(std::move(examples)), batch_(batch), pad_id_(pad_id), shuffle_(shuffle), rng_(seed),
      order_(examples_.size()) {
  if (examples_.empty()) throw Error("no examples to batch");
  if (batch < 1) throw Error("batch size must be at least 1");
  std::iota(order_.begin(), order_.end(), 0);
  if (shuffle_) std::shuffle(order_.begin(), order_.end(), rng_);
}

int64_t ClassificationBatcher::batches_per_epoch() const {
  return (static_cast<int64_t>(examples_.size()) + batch_ - 1) / batch_;
}

bool ClassificationBatcher::next(TokenBatch& out) {
  if (cursor_ >= order_.size()) {
    cursor_ = 0;
    ++epoch_;
    if (shuffle_) std::shuffle(order_.begin(), order_.end(), rng_);
    return false;
  }
  const size_t rows = std::min(order_.size() - cursor_, static_cast<size_t>(batch_));
  size_t longest = 0;
  for (size_t r = 0; r < rows; ++r) longest = std::max(longest, examples_[order_[cursor_ + r]].ids.size());
  out.resize(static_cast<int64_t>(rows), static_cast<int64_t>(longest), pad_id_);
  for (size_t r = 0; r < rows; ++r) {
    const auto& e = examples_[order_[cursor_ + r]];
    for (size_t t = 0; t < e.ids.size(); ++t) {
      const auto at = r * longest + t;
      out.ids[at] = e.ids[t], out.segments[at] = e.segments[t], out.real[at] = 1;
    }
    out.labels[r] = e.label;
  }
  cursor_ += rows;
  return true;
}

std::string ClassificationBatcher::state() const {
  std::ostringstream out;
  out << epoch_ << ' ' << cursor_ << ' ' << order_.size();
  for (const auto i : order_) out << ' ' << i;
  out << ' ' << rng_;
  return out.str();
}

void ClassificationBatcher::set_state(const std::string& state) {
  std::istringstream in(state);
  int64_t epoch = 0;
  size_t cursor = 0, size = 0;
  in >> epoch >> cursor >> size;
  if (!in || size != examples_.size() || cursor > size)
    throw Error("the saved batch order is for " + std::to_string(size) + " training examples, not these " +
                std::to_string(examples_.size()));
  std::vector<size_t> order(size);
  for (auto& i : order)
    if (!(in >> i) || i >= size) throw Error("the saved batch order is damaged");
  std::mt19937_64 rng;
  if (!(in >> rng)) throw Error("the saved batch generator state is not one");
  epoch_ = epoch, cursor_ = cursor, order_ = std::move(order), rng_ = rng;
}

}  // namespace lmlab
