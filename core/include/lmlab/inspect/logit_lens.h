#pragma once

#include "lmlab/inspect/logit_lens_result.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>
#include <vector>

namespace lmlab {

// The logit lens (nostalgebraist, 2020): every depth's hidden state read through the model's
// own output head. BERT: each [MASK] in text, through the masked-LM head. GPT: the token after
// text, through the final layer norm and the tied LM head, with the tokens it never writes
// excluded as in generation. Intermediate states of a pre-LN stack go through its final layer
// norm first, as the last one does, so the last layer is exactly the model's own prediction
// (predict_masks, next_token_top at temperature 1). Eval mode, no grad. Throws lmlab::Error for
// a BERT text without [MASK], a text too long, or top_k < 1.
LogitLens logit_lens(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k);

}  // namespace lmlab
