#include "attention_grid.h"

#include "attention_colours.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace lmlab::app {

namespace {

constexpr int kLabelWidth = 56, kLabelHeight = 18, kMinReadableCell = 14;


}  // namespace

AttentionGrid::AttentionGrid(QWidget* parent) : QWidget(parent) {
  setMinimumSize(160, 120);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setToolTip(tr("Each cell is one attention head (row: layer, column: head). Click one to enlarge it."));
}

void AttentionGrid::set_per_map_contrast(bool per_map) {
  per_map_ = per_map;
  render_cells();
  update();
}

void AttentionGrid::set_attention(const AttentionSnapshot& attention) {
  attention_ = attention;
  render_cells();
  // Room for every cell at a readable size, which the splitter around the grid must then
  // give it: 144 cells of a 12 x 12 model squeezed into the space of 4 would be specks.
  setMinimumSize(std::max(160, kLabelWidth + attention_.heads * (kMinReadableCell + gap())),
                 std::max(120, kLabelHeight + attention_.layers * (kMinReadableCell + gap())));
  layer_ = std::min(layer_, std::max(0, attention_.layers - 1));
  head_ = std::min(head_, std::max(0, attention_.heads - 1));
  update();
}

void AttentionGrid::select(int layer, int head) {
  if (layer < 0 || head < 0 || layer >= attention_.layers || head >= attention_.heads) return;
  layer_ = layer, head_ = head;
  update();
  Q_EMIT selected(layer, head);
}

QSize AttentionGrid::sizeHint() const { return {kLabelWidth + 4 * 90, kLabelHeight + 4 * 90}; }

// Each head's map as a small image, drawn once per snapshot: a 12 x 12 model has 144 of them,
// too many to recompute on every repaint.
void AttentionGrid::render_cells() {
  const auto& a = attention_;
  const int t = static_cast<int>(a.tokens.size());
  cells_.clear();
  for (int layer = 0; layer < a.layers; ++layer)
    for (int head = 0; head < a.heads; ++head) {
      const QCPRange range = per_map_ ? attention_range(a, layer, head) : QCPRange(0, 1);
      QImage image(t, t, QImage::Format_RGB32);
      for (int q = 0; q < t; ++q) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(q));
        for (int k = 0; k < t; ++k) row[k] = attention_colour(a.at(layer, head, q, k), range);
      }
      cells_.push_back(std::move(image));
    }
}

QColor AttentionGrid::colour_at(int layer, int head, int query, int key) const {
  const auto index = static_cast<size_t>(layer * attention_.heads + head);
  if (index >= cells_.size()) return {};
  return cells_[index].pixelColor(key, query);
}

int AttentionGrid::gap() const { return attention_.heads > 6 || attention_.layers > 6 ? 2 : 6; }

QRect AttentionGrid::cell_rect(int layer, int head) const {
  if (attention_.layers == 0 || attention_.heads == 0) return {};
  const int spacing = gap();
  const int w = (width() - kLabelWidth) / attention_.heads - spacing;
  const int h = (height() - kLabelHeight) / attention_.layers - spacing;
  const int side = std::max(8, std::min(w, h));
  // Layer 0 at the bottom, as the model's stack is drawn everywhere else in the lab.
  const int row = attention_.layers - 1 - layer;
  return {kLabelWidth + head * (side + spacing), kLabelHeight + row * (side + spacing), side, side};
}

void AttentionGrid::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().window());
  const auto& a = attention_;
  const int t = static_cast<int>(a.tokens.size());
  if (a.layers == 0 || t == 0) {
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Attention appears here once training starts."));
    return;
  }
  painter.setPen(palette().color(QPalette::WindowText));
  // Narrow columns (12 heads) keep only the number, with "head" once in the corner.
  const bool narrow = cell_rect(0, 0).width() < painter.fontMetrics().horizontalAdvance(tr("head %1").arg(10)) + 4;
  if (narrow) painter.drawText(QRect(0, 0, kLabelWidth - 4, kLabelHeight), Qt::AlignRight | Qt::AlignVCenter, tr("head"));
  for (int head = 0; head < a.heads; ++head) {
    const QRect r = cell_rect(0, head);
    painter.drawText(QRect(r.left(), 0, r.width(), kLabelHeight), Qt::AlignCenter,
                     narrow ? QString::number(head) : tr("head %1").arg(head));
  }
  for (int layer = 0; layer < a.layers; ++layer) {
    const QRect r = cell_rect(layer, 0);
    painter.drawText(QRect(0, r.top(), kLabelWidth - 4, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                     tr("layer %1").arg(layer));
    for (int head = 0; head < a.heads; ++head) {
      const QRect cell = cell_rect(layer, head);
      painter.drawImage(cell, cells_.at(static_cast<size_t>(layer * a.heads + head)));
      const bool chosen = layer == layer_ && head == head_;
      painter.setPen(QPen(chosen ? QColor(30, 90, 200) : QColor(160, 160, 160), chosen ? 3 : 1));
      painter.drawRect(cell.adjusted(0, 0, -1, -1));
      painter.setPen(palette().color(QPalette::WindowText));
    }
  }
}

void AttentionGrid::mousePressEvent(QMouseEvent* event) {
  for (int layer = 0; layer < attention_.layers; ++layer)
    for (int head = 0; head < attention_.heads; ++head)
      if (cell_rect(layer, head).contains(event->position().toPoint())) {
        select(layer, head);
        return;
      }
}

}  // namespace lmlab::app
