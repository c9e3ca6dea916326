#pragma once

#include <string>
#include <vector>

namespace lmlab {

// Masked-token guesses in plain types (no torch), for sessions and the GUI.
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

}  // namespace lmlab
