#pragma once

#include <string>
#include <vector>

namespace lmlab {

// Which input tokens a classifier's prediction rests on (plain types, for the GUI and the CLI).
struct TokenAttribution {
  int id = 0;
  std::string piece;
  int segment = 0;                  // 0: the first text, 1: the second of a pair
  bool special = false;             // [CLS], [SEP]: kept in the sums, not worth colouring
  double gradient_x_input = 0;      // ∇f(x)·x over the token's embedding
  double integrated_gradients = 0;  // (x - x')·mean_α ∇f(x' + α(x - x')) over the token's embedding
};

struct Saliency {
  int label = 0;             // the class explained (the prediction, unless one was asked for)
  double probability = 0;    // f(x): the model's probability of that class
  double baseline_probability = 0;  // f(x'): with every token's embedding zeroed
  int steps = 0;             // integration steps
  double attribution_sum = 0;       // Σ integrated gradients
  // Completeness (Sundararajan et al., 2017): the attributions should sum to f(x) - f(x'); this
  // is how far they miss, relative to |f(x) - f(x')|. More steps shrink it.
  double completeness_gap = 0;
  std::vector<TokenAttribution> tokens;  // in reading order
};

}  // namespace lmlab
