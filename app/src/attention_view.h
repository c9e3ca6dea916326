#pragma once

#include "lmlab/session/session_events.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QCPRange;
class QLabel;

namespace lmlab::app {

class AttentionGrid;
class HeadLinesView;

// The probe's attention: every layer and head as a small map, the chosen one large with the
// tokens on both axes and the weight under the cursor. "Hold" keeps the current step on
// screen to study while training goes on.
class AttentionView : public QWidget {
  Q_OBJECT
 public:
  explicit AttentionView(QWidget* parent = nullptr);

  void show_snapshot(const Snapshot& snapshot);
  // Live (a model training): maps are numbered by step and can be held. Not live (a saved
  // model): neither.
  void set_live(bool live);
  AttentionGrid* grid() const { return grid_; }
  QCustomPlot* large_plot() const { return plot_; }
  HeadLinesView* head_lines() const { return lines_; }
  QCheckBox* hold() const { return hold_; }
  QComboBox* scale() const { return scale_; }
  // What the large map shows: the chosen head as it is, the same without [CLS]/[SEP] (rows
  // renormalised), or the rollout across all layers.
  enum class Reading { Head, HeadWithoutSpecials, Rollout, HeadLines };
  void set_reading(Reading reading);
  Reading reading() const;
  // The maps as drawn (after the reading), for tests.
  const std::optional<AttentionSnapshot>& shown() const { return shown_; }
  bool per_map_contrast() const;
  int shown_step() const { return shown_step_; }
  // The weight shown at a pixel of the large map, with its tokens, or empty.
  QString read_out(const QPoint& pixel) const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void draw_large(int layer, int head);
  void draw_rollout();
  // The large map: weight(query, key) over the tokens, coloured over range.
  void draw_map(const std::vector<std::string>& tokens, const std::function<double(int, int)>& weight,
                const QCPRange& range);
  void apply_reading();  // shown_ from attention_

  AttentionGrid* grid_;
  QCustomPlot* plot_;
  QCPColorMap* map_;
  QCheckBox* hold_;
  QComboBox* scale_;  // shared 0..1, or each map's own range
  QComboBox* reading_;
  HeadLinesView* lines_;  // the head view, in the large map's place
  QLabel* caption_;
  std::optional<AttentionSnapshot> attention_;  // as the snapshot brought it
  std::optional<AttentionSnapshot> shown_;      // after the reading
  int layer_ = 0, head_ = 0, shown_step_ = -1;
  bool live_ = true;
};

}  // namespace lmlab::app
