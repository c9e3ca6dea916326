#pragma once

#include "lmlab/inspect/masked_text.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>
#include <vector>

namespace lmlab {

// [CLS] text [SEP] with each "[MASK]" in text as the mask id (the chunks between masks encoded
// alone). Throws lmlab::Error when there is no [MASK] or the ids outgrow max_seq_len.
std::vector<int> encode_masked_text(const Tokenizer& tokenizer, const std::string& text, int max_seq_len);

// Encodes text in which "[MASK]" marks the tokens to guess, runs the masked-LM head in eval
// mode and returns the top_k guesses per mask. Throws lmlab::Error when the text has no
// [MASK], is too long for the model, or the model is not BERT-style.
MaskedText predict_masks(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k);

}  // namespace lmlab
