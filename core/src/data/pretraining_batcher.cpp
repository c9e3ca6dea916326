#include "lmlab/data/pretraining_batcher.h"

#include "lmlab/error.h"

#include <algorithm>
#include <sstream>

namespace lmlab {

TokenizedCorpus tokenize(const TextCorpus& corpus, const Tokenizer& tokenizer) {
  TokenizedCorpus out;
  for (const auto& document : corpus.documents) {
    auto& doc = out.emplace_back();
    for (const auto& sentence : document) {
      auto ids = tokenizer.encode(sentence);
      if (!ids.empty()) doc.push_back(std::move(ids));
    }
    if (doc.empty()) out.pop_back();
  }
  return out;
}

PretrainingBatcher::PretrainingBatcher(TokenizedCorpus corpus, Objectives objectives,
                                       const SpecialIds& specials, int vocab_size, int64_t batch,
                                       int64_t seq_len, uint64_t seed)
    : corpus_(std::move(corpus)), objectives_(objectives), specials_(specials),
      masker_(specials, vocab_size), batch_(batch), seq_len_(seq_len), rng_(seed) {
  if (batch < 1) throw Error("batch size must be at least 1");
  const int64_t min_len = objectives.nsp ? 5 : 3;
  if (seq_len < min_len)
    throw Error("sequence length " + std::to_string(seq_len) + " is too short for " + objectives.name());
  for (size_t d = 0; d < corpus_.size(); ++d)
    for (size_t s = 0; s < corpus_[d].size(); ++s) {
      sentences_.push_back({d, s});
      if (s + 1 < corpus_[d].size()) pair_starts_.push_back({d, s});
    }
  if (sentences_.empty()) throw Error("the corpus holds no tokens");
  if (objectives.nsp) {
    if (corpus_.size() < 2)
      throw Error("next-sentence prediction needs at least two documents (separate them with a "
                  "blank line) to draw random segments from");
    if (pair_starts_.empty())
      throw Error("next-sentence prediction needs a document with at least two sentences");
  }
  if (objectives.clm) {
    for (const auto& doc : corpus_) {
      for (const auto& sentence : doc) stream_.insert(stream_.end(), sentence.begin(), sentence.end());
      stream_.push_back(specials.eos);
    }
    if (static_cast<int64_t>(stream_.size()) < seq_len + 1)
      throw Error("the corpus has " + std::to_string(stream_.size()) +
                  " tokens; next-token training with sequence length " + std::to_string(seq_len) +
                  " needs at least " + std::to_string(seq_len + 1));
  }
}

std::vector<int64_t> PretrainingBatcher::sentences_from(Span start, size_t budget) const {
  std::vector<int64_t> out;
  const auto& doc = corpus_[start.document];
  for (size_t s = start.sentence; s < doc.size() && out.size() < budget; ++s)
    out.insert(out.end(), doc[s].begin(), doc[s].end());
  if (out.size() > budget) out.resize(budget);
  return out;
}

void PretrainingBatcher::fill_single(TokenBatch& b, int64_t row) {
  std::uniform_int_distribution<size_t> pick(0, sentences_.size() - 1);
  auto tokens = sentences_from(sentences_[pick(rng_)], static_cast<size_t>(seq_len_ - 2));
  auto* ids = &b.ids[row * b.length];
  size_t t = 0;
  ids[t++] = specials_.cls;
  for (auto id : tokens) ids[t++] = id;
  ids[t++] = specials_.sep;
  for (size_t i = 0; i < t; ++i) b.real[row * b.length + i] = 1;
}

void PretrainingBatcher::fill_pair(TokenBatch& b, int64_t row) {
  const size_t budget = static_cast<size_t>(seq_len_ - 3);
  std::uniform_int_distribution<size_t> pick_start(0, pair_starts_.size() - 1);
  const Span a_start = pair_starts_[pick_start(rng_)];
  const auto& doc = corpus_[a_start.document];
  // A: whole sentences up to about half the budget, leaving at least one for B.
  std::vector<int64_t> a;
  size_t next = a_start.sentence;
  do {
    a.insert(a.end(), doc[next].begin(), doc[next].end());
    ++next;
  } while (next + 1 < doc.size() && a.size() < budget / 2);

  const bool is_next = std::bernoulli_distribution(0.5)(rng_);
  Span b_start{a_start.document, next};
  if (!is_next) {
    std::uniform_int_distribution<size_t> pick(0, sentences_.size() - 1);
    do b_start = sentences_[pick(rng_)];
    while (b_start.document == a_start.document);
  }
  auto second = sentences_from(b_start, budget);
  // Trim A from its front and B from its back: the A|B boundary is what NSP looks at.
  const size_t a_keep = std::min(a.size(), std::max(budget / 2, budget - std::min(budget, second.size())));
  a.erase(a.begin(), a.end() - static_cast<std::ptrdiff_t>(a_keep));
  second.resize(std::min(second.size(), budget - a.size()));

  const auto base = row * b.length;
  size_t t = 0;
  const auto put = [&](int64_t id, int64_t segment) {
    b.ids[base + t] = id, b.segments[base + t] = segment, b.real[base + t] = 1;
    ++t;
  };
  put(specials_.cls, 0);
  for (auto id : a) put(id, 0);
  put(specials_.sep, 0);
  for (auto id : second) put(id, 1);
  put(specials_.sep, 1);
  b.nsp_labels[row] = is_next ? 0 : 1;
}

void PretrainingBatcher::fill_window(TokenBatch& b, int64_t row) {
  std::uniform_int_distribution<size_t> pick(0, stream_.size() - static_cast<size_t>(seq_len_) - 1);
  const size_t start = pick(rng_);
  const auto base = row * b.length;
  for (int64_t t = 0; t < seq_len_; ++t) {
    b.ids[base + t] = stream_[start + t];
    b.next_targets[base + t] = stream_[start + t + 1];
    b.real[base + t] = 1;
  }
}

TokenBatch PretrainingBatcher::next() {
  TokenBatch b;
  b.resize(batch_, seq_len_, specials_.pad);
  for (int64_t row = 0; row < batch_; ++row) {
    if (objectives_.clm) fill_window(b, row);
    else if (objectives_.nsp) fill_pair(b, row);
    else fill_single(b, row);
    if (objectives_.mlm)
      masker_.mask(&b.ids[row * b.length], &b.mlm_labels[row * b.length],
                   static_cast<size_t>(b.length), rng_);
  }
  if (objectives_.clm) return b;
  // Cut the columns no row uses: short corpora make short sequences, and attention is
  // quadratic in the length.
  int64_t used = 0;
  for (int64_t row = 0; row < batch_; ++row)
    for (int64_t t = b.length - 1; t >= used; --t)
      if (b.real[row * b.length + t]) { used = t + 1; break; }
  if (used == b.length) return b;
  TokenBatch cut;
  cut.resize(batch_, used, specials_.pad);
  cut.nsp_labels = b.nsp_labels;
  for (int64_t row = 0; row < batch_; ++row)
    for (int64_t t = 0; t < used; ++t) {
      const auto from = row * b.length + t, to = row * used + t;
      cut.ids[to] = b.ids[from], cut.segments[to] = b.segments[from], cut.real[to] = b.real[from];
      cut.mlm_labels[to] = b.mlm_labels[from];
    }
  return cut;
}

std::string PretrainingBatcher::rng_state() const {
  std::ostringstream out;
  out << rng_;
  return out.str();
}

void PretrainingBatcher::set_rng_state(const std::string& state) {
  std::istringstream in(state);
  std::mt19937_64 restored;
  if (!(in >> restored)) throw Error("the saved batch generator state is not one");
  rng_ = restored;
}

}  // namespace lmlab
