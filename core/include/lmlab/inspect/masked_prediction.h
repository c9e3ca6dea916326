#pragma once

#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>
#include <vector>

namespace lmlab {

struct TokenGuess {
  int id = 0;
  std::string piece;
  double probability = 0;
};

struct MaskPrediction {
  int position = 0;  // index into MaskedText::pieces
  std::vector<TokenGuess> top;  // most likely first
};

struct MaskedText {
  std::vector<std::string> pieces;  // what the model reads, [CLS] ... [SEP]
  std::vector<MaskPrediction> masks;
  std::string filled;  // the text with each [MASK] replaced by its best guess
};

// Encodes text in which "[MASK]" marks the tokens to guess, runs the masked-LM head in eval
// mode and returns the top_k guesses per mask. Throws lmlab::Error when the text has no
// [MASK], is too long for the model, or the model is not BERT-style.
MaskedText predict_masks(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k);

}  // namespace lmlab
