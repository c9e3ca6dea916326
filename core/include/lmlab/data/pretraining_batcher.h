#pragma once

#include "lmlab/data/mlm_masker.h"
#include "lmlab/data/objectives.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/data/token_batch.h"
#include "lmlab/tokenizer.h"

#include <random>

namespace lmlab {

// documents -> sentences -> token ids
using TokenizedCorpus = std::vector<std::vector<std::vector<int>>>;
TokenizedCorpus tokenize(const TextCorpus& corpus, const Tokenizer& tokenizer);

// Draws pretraining batches from a tokenized corpus, reproducibly from a seed:
// - mlm:  [CLS] consecutive sentences of one document [SEP], masked;
// - nsp:  [CLS] A [SEP] B [SEP]; half the time B follows A in its document, otherwise B
//         comes from another document (segment ids 0 / 1);
// - clm:  windows of the token stream (documents joined by </s>), targets shifted by one.
class PretrainingBatcher {
 public:
  // Throws lmlab::Error when the corpus cannot feed the objective (too short, or NSP with
  // a single document).
  PretrainingBatcher(TokenizedCorpus corpus, Objectives objectives, const SpecialIds& specials,
                     int vocab_size, int64_t batch, int64_t seq_len, uint64_t seed);

  TokenBatch next();
  int64_t batch_size() const { return batch_; }
  // The random generator's state, to resume drawing exactly where a saved run stopped.
  std::string rng_state() const;
  void set_rng_state(const std::string& state);  // throws lmlab::Error if it is not one

 private:
  struct Span { size_t document, sentence; };
  // Tokens of consecutive sentences from start, at most budget of them.
  std::vector<int64_t> sentences_from(Span start, size_t budget) const;
  void fill_single(TokenBatch& b, int64_t row);
  void fill_pair(TokenBatch& b, int64_t row);
  void fill_window(TokenBatch& b, int64_t row);

  TokenizedCorpus corpus_;
  Objectives objectives_;
  SpecialIds specials_;
  MlmMasker masker_;
  int64_t batch_, seq_len_;
  std::mt19937_64 rng_;
  std::vector<Span> sentences_;        // every sentence, for uniform starts
  std::vector<Span> pair_starts_;      // sentences with a successor in their document
  std::vector<int64_t> stream_;        // clm: all tokens, documents joined by </s>
};

}  // namespace lmlab
