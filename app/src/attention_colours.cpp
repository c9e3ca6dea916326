#include "attention_colours.h"

#include <algorithm>

namespace lmlab::app {

QCPColorGradient& attention_gradient() {
  static QCPColorGradient gradient(QCPColorGradient::gpThermal);
  return gradient;
}

QRgb attention_colour(double weight, const QCPRange& range) {
  QRgb colour = 0;
  // QCustomPlot maps a run of values; one value is a run of one.
  attention_gradient().colorize(&weight, range, &colour, 1);
  return colour;
}

QCPRange attention_range(const AttentionSnapshot& a, int layer, int head) {
  const int t = static_cast<int>(a.tokens.size());
  double low = 1, high = 0;
  for (int q = 0; q < t; ++q)
    for (int k = 0; k < t; ++k) {
      low = std::min<double>(low, a.at(layer, head, q, k));
      high = std::max<double>(high, a.at(layer, head, q, k));
    }
  if (high <= low) return {low - 1e-3, low + 1e-3};
  return {low, high};
}

}  // namespace lmlab::app
