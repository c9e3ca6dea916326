#pragma once

#include "lmlab/data/classification_batcher.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <cstdint>
#include <vector>

namespace lmlab {

struct MaskedLmScore {
  double accuracy = 0;  // share of masked tokens whose top guess is the original
  double loss = 0;      // mean cross-entropy over the masked tokens
  int64_t masked = 0;   // how many tokens were masked
};

// How much of pretraining a BERT still knows while it fine-tunes: its masked-LM head (which the
// classification loss never trains, but whose tied embeddings and body it does) scored on
// held-out texts. Each text's tokens are masked once, 15% of them, all as [MASK] (a clean fill-
// in-the-blank), with a fixed seed, so every score asks the same questions.
class MaskedLmProbe {
 public:
  MaskedLmProbe(const std::vector<EncodedExample>& texts, const SpecialIds& specials, int vocab_size, int64_t batch = 64,
                uint64_t seed = 1);
  // Eval mode, no grad. Throws lmlab::Error for a model without a masked-LM head (GPT).
  MaskedLmScore score(LanguageModelImpl& model) const;

 private:
  std::vector<TokenBatch> batches_;
};

}  // namespace lmlab
