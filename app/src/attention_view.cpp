#include "attention_view.h"

#include "attention_colours.h"
#include "attention_grid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include "qcustomplot_include.h"

#include <cmath>

namespace lmlab::app {

AttentionView::AttentionView(QWidget* parent) : QWidget(parent), grid_(new AttentionGrid) {
  grid_->setObjectName(QStringLiteral("attentionGrid"));
  plot_ = new QCustomPlot;
  plot_->setObjectName(QStringLiteral("attentionPlot"));
  map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
  map_->setInterpolate(false);  // one cell per (query, key), no smearing
  map_->setVisible(false);      // an empty map draws as a dark block until the first snapshot
  auto* scale = new QCPColorScale(plot_);
  plot_->plotLayout()->addElement(0, 1, scale);
  scale->axis()->setLabel(tr("attention weight"));
  map_->setColorScale(scale);
  map_->setGradient(attention_gradient());
  // Shared 0..1 by default: attention weights are probabilities, and nearly uniform attention
  // (1/T everywhere, early in training) must look uniform. Per map, the colours stretch over
  // the map's own range: faint patterns show, and the visible range says how faint.
  scale_ = new QComboBox;
  scale_->setObjectName(QStringLiteral("attentionScale"));
  scale_->addItem(tr("Colours: shared 0–1"));
  scale_->addItem(tr("Colours: each map's own range (contrast)"));
  scale_->setToolTip(tr("Shared: the same colour means the same weight in every map. Own range: each map uses all "
                        "colours, which shows faint patterns but makes weak attention look strong."));
  plot_->xAxis->setLabel(tr("attends to (key)"));
  plot_->yAxis->setLabel(tr("token (query)"));
  plot_->yAxis->setRangeReversed(true);
  plot_->setMinimumSize(280, 260);
  plot_->setMouseTracking(true);
  plot_->installEventFilter(this);

  hold_ = new QCheckBox(tr("Hold this step"));
  hold_->setObjectName(QStringLiteral("holdAttention"));
  hold_->setToolTip(tr("Keep the maps of the current step on screen while training goes on."));
  caption_ = new QLabel(tr("Attention of the probe sentence, per layer and head. The probe is the sentence the "
                           "model is asked about as it trains; it never trains on it."));
  caption_->setWordWrap(true);

  auto* top = new QHBoxLayout;
  top->addWidget(caption_, 1);
  top->addWidget(scale_);
  top->addWidget(hold_);
  auto* split = new QSplitter;
  split->addWidget(grid_);
  split->addWidget(plot_);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(split, 1);

  connect(grid_, &AttentionGrid::selected, this, &AttentionView::draw_large);
  connect(scale_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    grid_->set_per_map_contrast(per_map_contrast());
    draw_large(layer_, head_);
  });
}

bool AttentionView::per_map_contrast() const { return scale_->currentIndex() == 1; }

void AttentionView::set_live(bool live) {
  live_ = live;
  hold_->setVisible(live);
  if (!live) hold_->setChecked(false);
}

void AttentionView::show_snapshot(const Snapshot& snapshot) {
  if (hold_->isChecked() && attention_) return;
  if (snapshot.attention.layers == 0 || snapshot.attention.tokens.empty()) return;
  attention_ = snapshot.attention;
  shown_step_ = static_cast<int>(snapshot.step);
  grid_->set_attention(*attention_);
  draw_large(std::min(layer_, attention_->layers - 1), std::min(head_, attention_->heads - 1));
}

void AttentionView::draw_large(int layer, int head) {
  if (!attention_) return;
  layer_ = layer, head_ = head;
  const auto& a = *attention_;
  const int t = static_cast<int>(a.tokens.size());
  map_->data()->setSize(t, t);
  map_->data()->setRange(QCPRange(0, t - 1), QCPRange(0, t - 1));
  for (int q = 0; q < t; ++q)
    for (int k = 0; k < t; ++k) map_->data()->setCell(k, q, a.at(layer, head, q, k));
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int i = 0; i < t; ++i) ticker->addTick(i, QString::fromStdString(a.tokens[static_cast<size_t>(i)]));
  const QCPRange range = per_map_contrast() ? attention_range(a, layer, head) : QCPRange(0, 1);
  map_->setDataRange(range);
  map_->setVisible(true);
  plot_->xAxis->setTicker(ticker);
  plot_->yAxis->setTicker(ticker);
  plot_->xAxis->setTickLabelRotation(60);
  plot_->xAxis->setRange(-0.5, t - 0.5);
  plot_->yAxis->setRange(-0.5, t - 0.5);
  // What a layer and a head are, said where the learner looks at them.
  const QString step = live_ ? tr("Step %1 · ").arg(shown_step_) : QString();
  caption_->setText(step + tr("layer %1 (block %2 of %3, 0 nearest the words), head %4 (one of its %5 parallel "
                              "attention patterns) · each row: where that token looks (rows sum to 1) · colours %6 "
                              "to %7")
                        .arg(layer)
                        .arg(layer + 1)
                        .arg(a.layers)
                        .arg(head)
                        .arg(a.heads)
                        .arg(range.lower, 0, 'f', 3)
                        .arg(range.upper, 0, 'f', 3));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString AttentionView::read_out(const QPoint& pixel) const {
  if (!attention_) return {};
  const auto& a = *attention_;
  const int t = static_cast<int>(a.tokens.size());
  const int key = static_cast<int>(std::lround(plot_->xAxis->pixelToCoord(pixel.x())));
  const int query = static_cast<int>(std::lround(plot_->yAxis->pixelToCoord(pixel.y())));
  if (key < 0 || query < 0 || key >= t || query >= t) return {};
  return tr("%1 → %2: %3")
      .arg(QString::fromStdString(a.tokens[static_cast<size_t>(query)]),
           QString::fromStdString(a.tokens[static_cast<size_t>(key)]))
      .arg(a.at(layer_, head_, query, key), 0, 'f', 3);
}

bool AttentionView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == plot_ && event->type() == QEvent::MouseMove) {
    auto* move = static_cast<QMouseEvent*>(event);
    const QString text = read_out(move->position().toPoint());
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(move->globalPosition().toPoint(), text, plot_);
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace lmlab::app
