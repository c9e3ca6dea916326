#pragma once

#include "lmlab/inspect/saliency_result.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>

namespace lmlab {

// Attributes a classifier's probability for one class to its input tokens, by gradient x input
// and by integrated gradients from a zero token-embedding baseline (positions and segments
// kept), over the token embeddings. text_b empty: a single text; else a pair, encoded as
// fine-tuning encodes it. label < 0 explains the predicted class. Eval mode; gradients are taken
// with respect to the input only (no parameter's .grad is touched, so a session can answer this
// between training steps). Throws lmlab::Error for a model without a classifier, an empty or
// too long text, steps outside [1, 1024], or a label out of range.
Saliency saliency(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text_a,
                  const std::string& text_b, int steps = 64, int label = -1);

}  // namespace lmlab
