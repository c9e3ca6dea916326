#pragma once

#include "qcustomplot_include.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>
#include <QString>
#include <QVector>

namespace lmlab::app {

// Live training curves: named series against the step, losses on the left axis and rates
// (accuracy, learning rate) on the right, so train and test share one picture. Drag to
// pan, wheel to zoom, hover for a read-out, right-click to export PNG or CSV or reset.
class CurvePlot : public QCustomPlot {
  Q_OBJECT
 public:
  enum class Axis { Left, Right };

  CurvePlot(const QString& left_label, const QString& right_label, QWidget* parent = nullptr);

  void add_point(const QString& series, double step, double value, Axis axis = Axis::Left);
  void set_series(const QString& series, const QVector<QPointF>& points, Axis axis = Axis::Left);
  void clear_series();
  QCPGraph* series(const QString& name) const;
  int series_count() const { return graphCount(); }
  // Rescale and replot: at most five times a second, and not at all while hidden (a hidden
  // plot catches up when shown). Drawing thousands of points is the GUI thread's biggest cost.
  void refresh();
  // Whether the axes follow the data (false once the learner zoomed or panned, until a
  // double-click, Reset zoom or a new run).
  bool following() const { return !user_zoomed_; }

  // Both return an empty string on success, or what went wrong (naming the file).
  QString export_png(const QString& path);
  QString export_csv(const QString& path) const;  // series,step,value

 protected:
  void showEvent(QShowEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  QCPGraph* graph_for(const QString& series, Axis axis);
  void export_with_dialog(bool png);

  void redraw_now();
  void place_legend(bool shown);
  void set_following(bool following);

  bool user_zoomed_ = false, dirty_ = false;
  bool dragging_ = false;   // the left button is down on the plot
  bool rescaling_ = false;  // redraw_now is moving the axes to the data
  QCPItemText* not_following_;  // says so while the view is the learner's
  QTimer* throttle_;
  QElapsedTimer since_redraw_;
};

}  // namespace lmlab::app
