#pragma once

#include "lmlab/session/session_events.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QLabel;

namespace lmlab::app {

// What fine-tuning does to each part of the model, live beside the freeze panel. Bars: how far
// each part's weights moved from the checkpoint the run started from (‖W − W₀‖ / ‖W₀‖). Map:
// each measured step's update per part (‖ΔW‖ / ‖W‖) over the run, parts up, steps across, so
// frozen parts stay dark and gradual unfreezing lights the layers up one by one.
class PartChangesView : public QWidget {
  Q_OBJECT
 public:
  explicit PartChangesView(QWidget* parent = nullptr);

  void clear();  // a new run
  void show_snapshot(const Snapshot& snapshot);

  // What is drawn, for tests: the bars' values in model order, and the map's columns.
  const std::vector<PartChange>& changes() const { return changes_; }
  struct Column {
    int64_t step = 0;
    std::vector<double> update_ratios;  // model order
  };
  const std::vector<Column>& columns() const { return columns_; }

 private:
  void draw();

  QCustomPlot* bars_plot_;
  QCPBars* bars_;
  QCustomPlot* map_plot_;
  QCPColorMap* map_;
  QLabel* reading_;
  std::vector<PartChange> changes_;
  std::vector<Column> columns_;
  std::vector<ModelPart> parts_;  // model order, from the latest snapshot
};

}  // namespace lmlab::app
