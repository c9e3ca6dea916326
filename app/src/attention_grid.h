#pragma once

#include "lmlab/session/session_events.h"

#include <QImage>
#include <QWidget>

#include <vector>

namespace lmlab::app {

// Every head of every layer at once: a grid of small heatmaps (rows = layers, columns =
// heads) of the probe's attention, each scaled to its own maximum so a sharp head stands out
// from a diffuse one. Clicking a cell selects that head.
class AttentionGrid : public QWidget {
  Q_OBJECT
 public:
  explicit AttentionGrid(QWidget* parent = nullptr);

  void set_attention(const AttentionSnapshot& attention);
  int layers() const { return attention_.layers; }
  int heads() const { return attention_.heads; }
  void select(int layer, int head);
  QRect cell_rect(int layer, int head) const;
  QSize sizeHint() const override;

 Q_SIGNALS:
  void selected(int layer, int head);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  void render_cells();
  int gap() const;

  AttentionSnapshot attention_;
  std::vector<QImage> cells_;  // layer-major, one per head
  int layer_ = 0, head_ = 0;
};

}  // namespace lmlab::app
