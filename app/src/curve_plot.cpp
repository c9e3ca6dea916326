#include "curve_plot.h"

#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QTextStream>
#include <QToolTip>

#include <cmath>
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
  for (int i = 0; i < graphCount(); ++i)
    if (graph(i)->name() == name) return graph(i);
  return nullptr;
}

QCPGraph* CurvePlot::graph_for(const QString& name, Axis axis) {
  if (QCPGraph* existing = series(name)) return existing;
  QCPGraph* g = addGraph(xAxis, axis == Axis::Right ? yAxis2 : yAxis);
  place_legend(true);
  g->setName(name);
  QPen pen(series_colour(graphCount() - 1), 1.8);
  // Held-out measurements are dashed, so "train vs test" reads at a glance.
  if (name.contains(QStringLiteral("test"))) pen.setStyle(Qt::DashLine);
  g->setPen(pen);
  if (axis == Axis::Right) yAxis2->setVisible(true);
  return g;
}

void CurvePlot::add_point(const QString& name, double step, double value, Axis axis) {
  if (!std::isfinite(value)) return;
  graph_for(name, axis)->addData(step, value);
}

void CurvePlot::set_series(const QString& name, const QVector<QPointF>& points, Axis axis) {
  QCPGraph* g = graph_for(name, axis);
  QVector<double> x, y;
  for (const QPointF& p : points) x << p.x(), y << p.y();
  g->setData(x, y, true);
}

void CurvePlot::clear_series() {
  clearGraphs();
  place_legend(false);
  set_following(true);
  replot();
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
    const double step = g->keyAxis()->pixelToCoord(pos.x());
    auto it = g->data()->findBegin(step, true);
    for (int k = 0; k < 2 && it != g->data()->constEnd(); ++k, ++it) {
      const QPointF p = g->coordsToPixels(it->key, it->value);
      const double d = (p.x() - pos.x()) * (p.x() - pos.x()) + (p.y() - pos.y()) * (p.y() - pos.y());
      if (d < best) {
        best = d;
        text = QStringLiteral("%1\nstep %2: %3").arg(g->name()).arg(it->key).arg(it->value, 0, 'g', 4);
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
  for (int i = 0; i < graphCount(); ++i) {
    QString name = graph(i)->name();
    if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
      name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    for (auto it = graph(i)->data()->constBegin(); it != graph(i)->data()->constEnd(); ++it)
      out << name << ',' << QString::number(it->key, 'g', 10) << ',' << QString::number(it->value, 'g', 8) << '\n';
  }
  out.flush();
  if (!file.commit()) return tr("Could not write %1: %2").arg(path, file.errorString());
  return {};
}

}  // namespace lmlab::app
