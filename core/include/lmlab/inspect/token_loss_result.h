#pragma once

#include "lmlab/inspect/masked_text.h"

#include <string>
#include <vector>

namespace lmlab {

// How surprised a model is by each token of a text (plain types, for the GUI and the CLI).
struct TokenLoss {
  int id = 0;
  std::string piece;
  bool scored = false;           // false: a special token, or a GPT's first token (nothing before it)
  double loss = 0;               // -ln p(this token), in nats
  std::vector<TokenGuess> top;   // what the model expected here instead, most likely first
};

struct TokenLosses {
  std::vector<TokenLoss> tokens;  // in reading order, specials included
  double mean_loss = 0;           // over the scored tokens
  bool masked_one_at_a_time = false;  // BERT: each token was hidden and guessed alone
};

}  // namespace lmlab
