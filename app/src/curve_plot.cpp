#include "curve_plot.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QTextStream>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace lmlab::app {

namespace {

// Distinct hues in a fixed order, so a series keeps its colour across runs and exports.
QColor series_colour(int index) {
  static const QColor palette[] = {QColor(31, 119, 180), QColor(214, 39, 40),  QColor(44, 160, 44),
                                   QColor(255, 127, 14), QColor(148, 103, 189), QColor(140, 86, 75),
                                   QColor(227, 119, 194), QColor(23, 190, 207)};
  return palette[index % static_cast<int>(std::size(palette))];
}

}  // namespace

CurvePlot::CurvePlot(const QString& left_label, const QString& right_label, QWidget* parent) : QCustomPlot(parent) {
  xAxis->setLabel(tr("step"));
  yAxis->setLabel(left_label);
  yAxis2->setLabel(right_label);
  yAxis2->setVisible(!right_label.isEmpty());
  // The legend sits in its own row above the plot, so it never hides the curves; it joins the
  // layout with the first series (place_legend).
  legend->setVisible(true);
  legend->setBorderPen(Qt::NoPen);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  legend->setWrap(4);
  axisRect()->insetLayout()->take(legend);
  plotLayout()->setRowSpacing(0);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  axisRect()->setRangeZoomAxes({xAxis, yAxis});
  // The plot follows the run until the learner moves the view: a wheel turn, or a drag that
  // really moves an axis. A click, a right-click or a context menu closed with Escape does not.
  connect(this, &QCustomPlot::mouseWheel, this, [this] { set_following(false); });
  connect(this, &QCustomPlot::mousePress, this,
          [this](QMouseEvent* event) { dragging_ = event->button() == Qt::LeftButton; });
  connect(this, &QCustomPlot::mouseRelease, this, [this] { dragging_ = false; });
  for (QCPAxis* axis : {xAxis, yAxis})
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
      if (dragging_ && !rescaling_) set_following(false);
    });
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { set_following(true); });
  not_following_ = new QCPItemText(this);
  not_following_->setClipToAxisRect(false);
  not_following_->position->setType(QCPItemPosition::ptAxisRectRatio);
  not_following_->position->setCoords(0.5, 0.0);
  not_following_->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
  not_following_->setPadding(QMargins(6, 2, 6, 2));
  not_following_->setBrush(QColor(255, 244, 200));
  not_following_->setText(tr("Not following the run: you moved the view. Double-click to follow again."));
  not_following_->setVisible(false);
  setMouseTracking(true);
  setMinimumHeight(200);
  // Thick antialiased polylines made QCPGraph::draw the GUI thread's whole budget on long
  // runs; fast polylines keep the look and cost a fraction.
  setPlottingHint(QCP::phFastPolylines, true);
  // The smoothing slider and the x axis choice sit in the bottom-left corner, left of the axis
  // label, so they cost the lab no height.
  controls_ = new QWidget(this);
  controls_->setObjectName(QStringLiteral("curveControls"));
  auto* slider = new QSlider(Qt::Horizontal);
  slider->setObjectName(QStringLiteral("smoothing"));
  slider->setRange(0, 99);
  slider->setFixedWidth(70);
  slider->setToolTip(tr("Smoothing: a running average of the last points (debiased, as TensorBoard draws it); the raw "
                        "curve stays faded behind"));
  x_choice_ = new QComboBox;
  x_choice_->setObjectName(QStringLiteral("xAxisChoice"));
  x_choice_->addItem(tr("by step"));
  x_choice_->addItem(tr("by training time"));
  x_choice_->setEnabled(false);
  x_choice_->setToolTip(tr("The x axis: training steps, or the seconds the steps took (which shows what a step costs)"));
  auto* row = new QHBoxLayout(controls_);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  row->addWidget(new QLabel(tr("smooth")));
  row->addWidget(slider);
  row->addWidget(x_choice_);
  connect(slider, &QSlider::valueChanged, this, [this](int value) { set_smoothing(value / 100.0); });
  connect(x_choice_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) { set_time_axis(index == 1); });
  set_smoothing(QSettings().value(QStringLiteral("plot/smoothing"), 0.0).toDouble());
  throttle_ = new QTimer(this);
  throttle_->setSingleShot(true);
  connect(throttle_, &QTimer::timeout, this, &CurvePlot::redraw_now);
}

void CurvePlot::place_legend(bool shown) {
  // An empty legend reports a tiny maximum width, which QCPLayoutGrid applies to its whole
  // column: in the layout without entries it squeezed the axes into a 50-pixel strip.
  const bool placed = plotLayout()->hasElement(0, 0) && plotLayout()->element(0, 0) == legend;
  if (shown && !placed) {
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
  } else if (!shown && placed) {
    plotLayout()->take(legend);
    plotLayout()->simplify();
  }
}

void CurvePlot::showEvent(QShowEvent* event) {
  QCustomPlot::showEvent(event);
  if (dirty_) redraw_now();
}

QCPGraph* CurvePlot::series(const QString& name) const {
  for (const auto& [series_name, series] : series_)
    if (series_name == name) return series.shown;
  return nullptr;
}

CurvePlot::Series& CurvePlot::series_for(const QString& name, Axis axis) {
  for (auto& [series_name, series] : series_)
    if (series_name == name) return series;
  QCPAxis* value_axis = axis == Axis::Right ? yAxis2 : yAxis;
  const QColor colour = series_colour(static_cast<int>(series_.size()));
  Series series;
  // The raw curve first, so the smoothed one is drawn over it.
  series.raw = addGraph(xAxis, value_axis);
  series.raw->setName(name + tr(" (raw)"));
  series.raw->removeFromLegend();
  QColor faded = colour;
  faded.setAlpha(60);
  series.raw->setPen(QPen(faded, 1.0));
  series.raw->setVisible(smoothing_ > 0);
  series.shown = addGraph(xAxis, value_axis);
  place_legend(true);
  series.shown->setName(name);
  QPen pen(colour, 1.8);
  // Held-out measurements are dashed, so "train vs test" reads at a glance.
  if (name.contains(QStringLiteral("test"))) pen.setStyle(Qt::DashLine);
  series.shown->setPen(pen);
  if (axis == Axis::Right) yAxis2->setVisible(true);
  series_.emplace_back(name, series);
  return series_.back().second;
}

void CurvePlot::append(Series& series, double step, double value) {
  series.steps << step;
  series.values << value;
  series.average = smoothing_ * series.average + (1 - smoothing_) * value;
  const double debias = 1 - std::pow(smoothing_, static_cast<double>(series.values.size()));
  const double x = x_of(step);
  series.raw->addData(x, value);
  series.shown->addData(x, smoothing_ > 0 ? series.average / debias : value);
  // A sparse series (evaluations every epoch) marks its points: a line needs two, and the first
  // evaluation would otherwise not show at all. A dense one (per batch) is a plain line.
  constexpr int kMarkedPoints = 40;
  if (series.values.size() == 1)
    series.shown->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, series.shown->pen().color(), 5));
  else if (series.values.size() == kMarkedPoints + 1)
    series.shown->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
}

void CurvePlot::rebuild(Series& series) {
  const QVector<double> steps = std::exchange(series.steps, {}), values = std::exchange(series.values, {});
  series.average = 0;
  series.raw->data()->clear();
  series.shown->data()->clear();
  series.raw->setVisible(smoothing_ > 0);
  for (int i = 0; i < steps.size(); ++i) append(series, steps[i], values[i]);
}

void CurvePlot::rebuild_all() {
  for (auto& [name, series] : series_) rebuild(series);
  xAxis->setLabel(time_axis_ ? tr("training time (s)") : tr("step"));
  refresh();
}

double CurvePlot::x_of(double step) const {
  if (!time_axis_ || seconds_at_step_.isEmpty()) return step;
  // Between two noted steps, linearly; past the last, at the last pace.
  auto after = seconds_at_step_.lowerBound(step);
  if (after != seconds_at_step_.end() && after.key() == step) return after.value();
  if (after == seconds_at_step_.begin()) return after.value() * step / std::max(after.key(), 1.0);
  auto before = std::prev(after);
  if (after == seconds_at_step_.end()) {
    const double pace = before.key() > 0 ? before.value() / before.key() : 0;
    return before.value() + pace * (step - before.key());
  }
  const double share = (step - before.key()) / (after.key() - before.key());
  return before.value() + share * (after.value() - before.value());
}

void CurvePlot::add_point(const QString& name, double step, double value, Axis axis) {
  if (!std::isfinite(value)) return;
  append(series_for(name, axis), step, value);
}

void CurvePlot::set_series(const QString& name, const QVector<QPointF>& points, Axis axis) {
  Series& series = series_for(name, axis);
  series.steps.clear();
  series.values.clear();
  for (const QPointF& p : points) series.steps << p.x(), series.values << p.y();
  rebuild(series);
}

void CurvePlot::clear_series() {
  clearGraphs();
  series_.clear();
  seconds_at_step_.clear();
  x_choice_->setEnabled(false);
  place_legend(false);
  set_following(true);
  replot();
}

void CurvePlot::set_smoothing(double weight) {
  const double w = std::clamp(weight, 0.0, 0.99);
  if (w == smoothing_) return;
  smoothing_ = w;
  QSettings().setValue(QStringLiteral("plot/smoothing"), w);
  if (auto* slider = controls_->findChild<QSlider*>()) {
    const QSignalBlocker quiet(slider);
    slider->setValue(static_cast<int>(std::lround(w * 100)));
  }
  rebuild_all();
}

void CurvePlot::note_time(double step, double seconds) {
  seconds_at_step_.insert(step, seconds);
  x_choice_->setEnabled(true);
}

void CurvePlot::set_time_axis(bool time) {
  if (time == time_axis_) return;
  time_axis_ = time;
  {
    const QSignalBlocker quiet(x_choice_);
    x_choice_->setCurrentIndex(time ? 1 : 0);
  }
  rebuild_all();
}

void CurvePlot::place_controls() {
  controls_->adjustSize();
  controls_->move(2, height() - controls_->height() - 2);
}

void CurvePlot::resizeEvent(QResizeEvent* event) {
  QCustomPlot::resizeEvent(event);
  place_controls();
}

void CurvePlot::set_following(bool following) {
  if (user_zoomed_ != following) return;
  user_zoomed_ = !following;
  not_following_->setVisible(!following);
  if (following) refresh();
  else replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::refresh() {
  dirty_ = true;
  if (!isVisible() || throttle_->isActive()) return;
  constexpr qint64 kMinInterval = 200;  // ms
  if (since_redraw_.isValid() && since_redraw_.elapsed() < kMinInterval) {
    throttle_->start(static_cast<int>(kMinInterval - since_redraw_.elapsed()));
    return;
  }
  redraw_now();
}

void CurvePlot::redraw_now() {
  dirty_ = false;
  since_redraw_.start();
  // Follow the data until the learner zooms or pans; then leave their view alone.
  if (!user_zoomed_) {
    rescaling_ = true;  // the plot moves its own axes here, not the learner
    rescaleAxes();
    // Rates live in [0, 1]: keep the whole interval, so 0.9 does not look like 0.1.
    QCPRange rates(0, 1);
    for (int i = 0; i < graphCount(); ++i) {
      bool found = false;
      const auto r = graph(i)->data()->valueRange(found);
      if (found && graph(i)->valueAxis() == yAxis2) rates.expand(r);
    }
    yAxis2->setRange(rates);
    rescaling_ = false;
  }
  replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::mouseMoveEvent(QMouseEvent* event) {
  QCustomPlot::mouseMoveEvent(event);
  // The point of any series nearest the cursor (in pixels), within 20 px.
  const QPointF pos = event->position();
  double best = 20 * 20;
  QString text;
  for (int i = 0; i < graphCount(); ++i) {
    QCPGraph* g = graph(i);
    if (!g->visible()) continue;
    const double step = g->keyAxis()->pixelToCoord(pos.x());
    auto it = g->data()->findBegin(step, true);
    for (int k = 0; k < 2 && it != g->data()->constEnd(); ++k, ++it) {
      const QPointF p = g->coordsToPixels(it->key, it->value);
      const double d = (p.x() - pos.x()) * (p.x() - pos.x()) + (p.y() - pos.y()) * (p.y() - pos.y());
      if (d < best) {
        best = d;
        text = (time_axis_ ? tr("%1\n%2 s: %3") : tr("%1\nstep %2: %3")).arg(g->name()).arg(it->key).arg(it->value, 0, 'g', 4);
      }
    }
  }
  if (text.isEmpty()) QToolTip::hideText();
  else QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void CurvePlot::contextMenuEvent(QContextMenuEvent* event) {
  QMenu menu(this);
  menu.addAction(tr("Export as PNG…"), this, [this] { export_with_dialog(true); });
  menu.addAction(tr("Export as CSV…"), this, [this] { export_with_dialog(false); });
  menu.addSeparator();
  menu.addAction(tr("Reset zoom (follow the run)"), this, [this] { set_following(true); });
  menu.exec(event->globalPos());
}

void CurvePlot::export_with_dialog(bool png) {
  const QString path = QFileDialog::getSaveFileName(this, png ? tr("Export plot") : tr("Export data"), QString(),
                                                    png ? tr("PNG image (*.png)") : tr("CSV table (*.csv)"));
  if (path.isEmpty()) return;
  const QString error = png ? export_png(path) : export_csv(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
}

QString CurvePlot::export_png(const QString& path) {
  if (dirty_) redraw_now();  // the picture shows every point received, hidden or throttled
  // QCustomPlot writes straight to the path; a temporary sibling keeps a failed export from
  // leaving half a file under the name the learner chose.
  const QString temporary = path + QStringLiteral(".part");
  if (!savePng(temporary, 0, 0, 2.0)) {
    QFile::remove(temporary);
    return tr("Could not write the image %1.").arg(path);
  }
  QFile::remove(path);
  if (!QFile::rename(temporary, path)) {
    QFile::remove(temporary);
    return tr("Could not write the image %1.").arg(path);
  }
  return {};
}

QString CurvePlot::export_csv(const QString& path) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("Could not write %1: %2").arg(path, file.errorString());
  QTextStream out(&file);
  out << "series,step,value\n";
  for (const auto& [series_name, series] : series_) {
    QString name = series_name;
    if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
      name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    for (int i = 0; i < series.steps.size(); ++i)
      out << name << ',' << QString::number(series.steps[i], 'g', 10) << ',' << QString::number(series.values[i], 'g', 8)
          << '\n';
  }
  out.flush();
  if (!file.commit()) return tr("Could not write %1: %2").arg(path, file.errorString());
  return {};
}

}  // namespace lmlab::app
