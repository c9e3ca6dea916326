#include "head_lines_view.h"

#include "tokenizer_pieces.h"

#include <QPainter>

#include <algorithm>

namespace lmlab::app {

namespace {
constexpr float kFaintest = 0.01f;
}  // namespace

HeadLinesView::HeadLinesView(QWidget* parent) : QWidget(parent) {
  setMinimumSize(220, 200);
  setAutoFillBackground(true);
  setBackgroundRole(QPalette::Base);
}

void HeadLinesView::show_head(const AttentionSnapshot& a, int layer, int head) {
  tokens_ = a.tokens;
  lines_.clear();
  const int t = static_cast<int>(a.tokens.size());
  for (int q = 0; q < t; ++q)
    for (int k = 0; k < t; ++k)
      if (const float w = a.at(layer, head, q, k); w >= kFaintest) lines_.push_back({q, k, w});
  update();
}

void HeadLinesView::paintEvent(QPaintEvent*) {
  if (tokens_.empty()) return;
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const int t = static_cast<int>(tokens_.size());
  const double row = std::max(12.0, (height() - 20.0) / t);
  const int column = std::min(140, width() / 3);
  const int left = 8, right = width() - column - 8;
  const auto y_of = [&](int i) { return 10 + row * (i + 0.5); };
  // Lines under the words: blue, as opaque as the weight.
  for (const Line& line : lines_) {
    QColor colour(30, 90, 200);
    colour.setAlphaF(std::clamp(line.weight, 0.0f, 1.0f));
    painter.setPen(QPen(colour, 1 + 3 * line.weight));
    painter.drawLine(QPointF(left + column, y_of(line.query)), QPointF(right, y_of(line.key)));
  }
  painter.setPen(palette().color(QPalette::Text));
  for (int i = 0; i < t; ++i) {
    const QString token = readable_piece(tokens_[static_cast<size_t>(i)]);
    painter.drawText(QRectF(left, y_of(i) - row / 2, column - 6, row), Qt::AlignRight | Qt::AlignVCenter, token);
    painter.drawText(QRectF(right + 6, y_of(i) - row / 2, column - 6, row), Qt::AlignLeft | Qt::AlignVCenter, token);
  }
}

}  // namespace lmlab::app
