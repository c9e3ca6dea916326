#pragma once

#include "qcustomplot_include.h"

#include <QElapsedTimer>
#include <QMap>
#include <QPointF>
#include <QTimer>
#include <QString>
#include <QVector>

#include <utility>
#include <vector>

class QComboBox;

namespace lmlab::app {

// Live training curves: named series against the step, losses on the left axis and rates
// (accuracy, learning rate) on the right, so train and test share one picture. Drag to
// pan, wheel to zoom, hover for a read-out, right-click to export PNG or CSV or reset.
// A slider in the corner smooths every series as TensorBoard does (a debiased exponential
// moving average, the raw curve faded behind it); the x axis can show the step or, when the
// view gave the plot its steps' times, the training time.
class CurvePlot : public QCustomPlot {
  Q_OBJECT
 public:
  enum class Axis { Left, Right };

  CurvePlot(const QString& left_label, const QString& right_label, QWidget* parent = nullptr);

  void add_point(const QString& series, double step, double value, Axis axis = Axis::Left);
  void set_series(const QString& series, const QVector<QPointF>& points, Axis axis = Axis::Left);
  void clear_series();
  QCPGraph* series(const QString& name) const;  // the curve as drawn (smoothed when smoothing is on)
  int series_count() const { return static_cast<int>(series_.size()); }

  // Smoothing weight w in [0, 0.99]: s_n = (w·e_{n-1} + (1 - w)·y_n) / (1 - w^n) with e the plain
  // average. 0 draws the raw values. The choice is kept for every plot (QSettings plot/smoothing).
  void set_smoothing(double weight);
  double smoothing() const { return smoothing_; }
  // The run's steps up to step took this many seconds: lets the x axis show training time.
  void note_time(double step, double seconds);
  void set_time_axis(bool time);  // false: steps (the default)
  bool time_axis() const { return time_axis_; }
  // Rescale and replot: at most five times a second, and not at all while hidden (a hidden
  // plot catches up when shown). Drawing thousands of points is the GUI thread's biggest cost.
  void refresh();
  // Whether the axes follow the data (false once the learner zoomed or panned, until a
  // double-click, Reset zoom or a new run).
  bool following() const { return !user_zoomed_; }

  // Both return an empty string on success, or what went wrong (naming the file).
  QString export_png(const QString& path);
  QString export_csv(const QString& path) const;  // series,step,value: the raw values

 protected:
  void showEvent(QShowEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  // One named series: its raw points by step, the curve drawn and the raw curve faded behind.
  struct Series {
    QCPGraph* shown = nullptr;
    QCPGraph* raw = nullptr;
    QVector<double> steps, values;
    double average = 0;  // the running average e_n of the smoothing, undebiased
  };
  Series& series_for(const QString& name, Axis axis);
  void append(Series& series, double step, double value);  // to both curves, smoothing on the way
  void rebuild(Series& series);                              // both curves from the raw points
  void rebuild_all();
  double x_of(double step) const;  // the step, or its time
  void place_controls();
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
  std::vector<std::pair<QString, Series>> series_;  // in the order they were added
  double smoothing_ = 0;
  bool time_axis_ = false;
  QMap<double, double> seconds_at_step_;
  QWidget* controls_;  // the smoothing slider and the x axis choice, in the bottom-left corner
  QComboBox* x_choice_;
};

}  // namespace lmlab::app
