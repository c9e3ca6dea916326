#include "part_changes_view.h"

#include "metric_names.h"
#include "qcustomplot_include.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lmlab::app {

namespace {

// A long run keeps its whole history at this many columns: halving the resolution of the older
// half when full costs nothing to draw and still shows when each part began to move.
constexpr size_t kMaxColumns = 240;

// Update ratios span decades (1e-6 for a nearly still part to 1e-2 for a fresh head): the map
// colours log10 of the ratio over this range; a frozen part (exactly 0) takes the bottom colour.
constexpr double kLowestLog = -7, kHighestLog = -1;

QSharedPointer<QCPAxisTickerText> part_ticker(const std::vector<ModelPart>& parts) {
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (size_t i = 0; i < parts.size(); ++i) ticker->addTick(static_cast<double>(i), short_part_label(parts[i]));
  return ticker;
}

void style_small_plot(QCustomPlot* plot) {
  plot->setBackground(plot->palette().window());
  plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
  plot->axisRect()->setMargins(QMargins(0, 4, 8, 0));
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) axis->setTickLabelFont(QFont(plot->font().family(), 8));
}

}  // namespace

PartChangesView::PartChangesView(QWidget* parent)
    : QWidget(parent), bars_plot_(new QCustomPlot), map_plot_(new QCustomPlot), reading_(new QLabel) {
  bars_plot_->setObjectName(QStringLiteral("partChangeBars"));
  style_small_plot(bars_plot_);
  bars_ = new QCPBars(bars_plot_->yAxis, bars_plot_->xAxis);  // horizontal: parts up the stack
  bars_->setBrush(QColor(0x3b, 0x6e, 0xb4));
  bars_->setPen(Qt::NoPen);
  bars_->setWidth(0.7);
  bars_plot_->xAxis->setLabel(tr("moved since the start, % of the weights"));
  bars_plot_->setMinimumHeight(80);

  map_plot_->setObjectName(QStringLiteral("partUpdateMap"));
  style_small_plot(map_plot_);
  map_ = new QCPColorMap(map_plot_->xAxis, map_plot_->yAxis);
  QCPColorGradient gradient(QCPColorGradient::gpThermal);
  map_->setGradient(gradient);
  map_->setDataRange(QCPRange(kLowestLog, kHighestLog));
  map_->setInterpolate(false);
  map_plot_->xAxis->setLabel(tr("step"));
  map_plot_->setMinimumHeight(80);

  reading_->setObjectName(QStringLiteral("partChangesReading"));
  reading_->setWordWrap(true);
  auto* caption = new QLabel(tr("<b>What changes</b><br><small>Bars: how far each part moved from the checkpoint the "
                                "run started from. Map: how big each step's update was per part (‖ΔW‖/‖W‖, from "
                                "10⁻⁷ dark to 10⁻¹ bright); frozen parts stay dark.</small>"));
  caption->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(caption);
  layout->addWidget(bars_plot_, 1);
  layout->addWidget(map_plot_, 1);
  layout->addWidget(reading_);
  clear();
}

void PartChangesView::clear() {
  changes_.clear();
  columns_.clear();
  parts_.clear();
  reading_->setText(tr("Start a run to see which parts of the model move."));
  draw();
}

void PartChangesView::show_snapshot(const Snapshot& snapshot) {
  if (snapshot.changes.empty()) return;
  changes_ = snapshot.changes;
  parts_.clear();
  for (const auto& c : changes_) parts_.push_back(c.part);
  if (snapshot.activity && (columns_.empty() || columns_.back().step < snapshot.activity->step)) {
    Column column{snapshot.activity->step, {}};
    for (const auto& p : snapshot.activity->parts) column.update_ratios.push_back(p.update_ratio);
    columns_.push_back(std::move(column));
    if (columns_.size() > kMaxColumns) {
      // Thin the older half: every other of its columns goes.
      std::vector<Column> kept;
      for (size_t i = 0; i < columns_.size(); ++i)
        if (i >= columns_.size() / 2 || i % 2 == 0) kept.push_back(std::move(columns_[i]));
      columns_ = std::move(kept);
    }
  }
  QStringList moved;
  for (const auto& c : changes_)
    moved << QStringLiteral("%1 %2%").arg(part_label(c.part)).arg(100 * c.relative_change, 0, 'g', 2);
  QString text = tr("Moved so far: %1.").arg(moved.join(QStringLiteral(", ")));
  if (snapshot.activity) {
    QStringList gradients;
    for (const auto& p : snapshot.activity->parts)
      gradients << QStringLiteral("%1 %2").arg(part_label(p.part)).arg(p.gradient_norm, 0, 'g', 2);
    text += QLatin1Char(' ') + tr("Gradient norms at step %1: %2.").arg(snapshot.activity->step).arg(gradients.join(QStringLiteral(", ")));
  }
  reading_->setText(text);
  draw();
}

void PartChangesView::draw() {
  QVector<double> keys, values;
  for (size_t i = 0; i < changes_.size(); ++i) {
    keys << static_cast<double>(i);
    values << 100 * changes_[i].relative_change;
  }
  bars_->setData(keys, values, true);
  const auto ticker = part_ticker(parts_);
  bars_plot_->yAxis->setTicker(ticker);
  bars_plot_->yAxis->setRange(-0.6, std::max<double>(1, static_cast<double>(parts_.size())) - 0.4);
  const double highest = values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
  bars_plot_->xAxis->setRange(0, std::max(1e-3, highest * 1.1));
  bars_plot_->replot(QCustomPlot::rpQueuedReplot);

  const int parts = static_cast<int>(parts_.size()), steps = static_cast<int>(columns_.size());
  map_->data()->setSize(std::max(1, steps), std::max(1, parts));
  map_->data()->setRange(QCPRange(0, std::max(1, steps - 1)), QCPRange(0, std::max(1, parts - 1)));
  map_->data()->fill(kLowestLog);
  for (int x = 0; x < steps; ++x)
    for (int y = 0; y < parts && y < static_cast<int>(columns_[static_cast<size_t>(x)].update_ratios.size()); ++y) {
      const double ratio = columns_[static_cast<size_t>(x)].update_ratios[static_cast<size_t>(y)];
      map_->data()->setCell(x, y, ratio > 0 ? std::clamp(std::log10(ratio), kLowestLog, kHighestLog) : kLowestLog);
    }
  map_plot_->yAxis->setTicker(ticker);
  map_plot_->yAxis->setRange(-0.5, std::max(1, parts) - 0.5);
  // Columns are snapshots, not evenly spaced steps: the ticks name the steps they measured.
  auto steps_ticker = QSharedPointer<QCPAxisTickerText>::create();
  const int every = std::max(1, steps / 4);
  for (int x = 0; x < steps; x += every)
    steps_ticker->addTick(x, QString::number(columns_[static_cast<size_t>(x)].step));
  map_plot_->xAxis->setTicker(steps_ticker);
  map_plot_->xAxis->setRange(-0.5, std::max(1, steps) - 0.5);
  map_plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lmlab::app
