#pragma once

#include "lmlab/session/session_events.h"

#include <QImage>
#include <QWidget>

#include <vector>

namespace lmlab::app {

// Every head of every layer at once: a grid of small heatmaps (rows = layers, columns =
// heads) of the probe's attention, in the large map's colours and on the same scale: the shared
// 0..1 one (a diffuse head looks diffuse) or each map's own range (contrast: the pattern of a
// nearly uniform head shows, but so does noise). Clicking a cell selects that head.
class AttentionGrid : public QWidget {
  Q_OBJECT
 public:
  explicit AttentionGrid(QWidget* parent = nullptr);

  void set_attention(const AttentionSnapshot& attention);
  void set_per_map_contrast(bool per_map);
  // The colour of a cell's pixel (query, key) as drawn, for tests and read-outs.
  QColor colour_at(int layer, int head, int query, int key) const;
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
  bool per_map_ = false;
};

}  // namespace lmlab::app
