#include "lmlab/inspect/attention_maps.h"

#include <string>

namespace lmlab {

namespace {

bool is_special(const std::string& token) {
  return token == "[CLS]" || token == "[SEP]" || token == "[PAD]" || token == "<s>" || token == "</s>";
}

}  // namespace

AttentionSnapshot without_special_tokens(const AttentionSnapshot& a) {
  std::vector<size_t> kept;
  for (size_t i = 0; i < a.tokens.size(); ++i)
    if (!is_special(a.tokens[i])) kept.push_back(i);
  AttentionSnapshot out;
  out.layers = a.layers, out.heads = a.heads;
  for (size_t i : kept) out.tokens.push_back(a.tokens[i]);
  const size_t t = kept.size();
  out.weights.assign(static_cast<size_t>(a.layers) * static_cast<size_t>(a.heads) * t * t, 0.0f);
  for (int layer = 0; layer < a.layers; ++layer)
    for (int head = 0; head < a.heads; ++head)
      for (size_t q = 0; q < t; ++q) {
        double total = 0;
        for (size_t k : kept) total += a.at(layer, head, static_cast<int>(kept[q]), static_cast<int>(k));
        if (total <= 0) continue;
        float* row = &out.weights[((static_cast<size_t>(layer) * a.heads + head) * t + q) * t];
        for (size_t k = 0; k < t; ++k)
          row[k] = static_cast<float>(a.at(layer, head, static_cast<int>(kept[q]), static_cast<int>(kept[k])) / total);
      }
  return out;
}

std::vector<float> attention_rollout(const AttentionSnapshot& a) {
  const size_t t = a.tokens.size();
  std::vector<double> rollout(t * t, 0.0), layer_map(t * t), next(t * t);
  for (size_t i = 0; i < t; ++i) rollout[i * t + i] = 1.0;  // before any layer: each token is itself
  for (int layer = 0; layer < a.layers; ++layer) {
    for (size_t q = 0; q < t; ++q) {
      double total = 0;
      for (size_t k = 0; k < t; ++k) {
        double mean = 0;
        for (int head = 0; head < a.heads; ++head) mean += a.at(layer, head, static_cast<int>(q), static_cast<int>(k));
        const double value = 0.5 * mean / a.heads + (q == k ? 0.5 : 0.0);
        layer_map[q * t + k] = value;
        total += value;
      }
      for (size_t k = 0; k < t; ++k) layer_map[q * t + k] /= total;
    }
    // next = layer_map · rollout: this layer reads the mixture the layers below made.
    for (size_t q = 0; q < t; ++q)
      for (size_t k = 0; k < t; ++k) {
        double sum = 0;
        for (size_t m = 0; m < t; ++m) sum += layer_map[q * t + m] * rollout[m * t + k];
        next[q * t + k] = sum;
      }
    rollout.swap(next);
  }
  return {rollout.begin(), rollout.end()};
}

}  // namespace lmlab
