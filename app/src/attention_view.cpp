#include "attention_view.h"

#include "attention_colours.h"
#include "attention_grid.h"
#include "head_lines_view.h"

#include "lmlab/inspect/attention_maps.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include "qcustomplot_include.h"

#include <algorithm>
#include <functional>
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
  reading_ = new QComboBox;
  reading_->setObjectName(QStringLiteral("attentionReading"));
  reading_->addItem(tr("The chosen head"));
  reading_->addItem(tr("Without [CLS] and [SEP]"));
  reading_->addItem(tr("Rollout through all layers"));
  reading_->addItem(tr("The chosen head as lines"));
  reading_->setToolTip(tr("Without [CLS] and [SEP]: many heads park most of their weight on the special tokens; hiding "
                          "them and rescaling each row shows how the words attend to each other. Rollout: how much each "
                          "position draws on each input token through every layer, heads averaged and the residual "
                          "path counted (Abnar and Zuidema, 2020)."));
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
  caption_->setObjectName(QStringLiteral("attentionCaption"));
  caption_->setWordWrap(true);

  auto* top = new QHBoxLayout;
  top->addWidget(caption_, 1);
  top->addWidget(reading_);
  top->addWidget(scale_);
  top->addWidget(hold_);
  auto* split = new QSplitter;
  split->addWidget(grid_);
  split->addWidget(plot_);
  lines_ = new HeadLinesView;
  lines_->setObjectName(QStringLiteral("headLines"));
  lines_->hide();
  split->addWidget(lines_);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(split, 1);

  connect(grid_, &AttentionGrid::selected, this, [this](int layer, int head) {
    layer_ = layer, head_ = head;
    if (reading() == Reading::Rollout) reading_->setCurrentIndex(0);  // a click on a head asks for that head
    else draw_large(layer, head);
  });
  connect(reading_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    apply_reading();
    if (reading() == Reading::Rollout) draw_rollout();
    else draw_large(layer_, head_);
  });
  connect(scale_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    grid_->set_per_map_contrast(per_map_contrast());
    if (reading() == Reading::Rollout) draw_rollout();
    else draw_large(layer_, head_);
  });
}

bool AttentionView::per_map_contrast() const { return scale_->currentIndex() == 1; }

void AttentionView::set_live(bool live) {
  live_ = live;
  hold_->setVisible(live);
  if (!live) hold_->setChecked(false);
}

AttentionView::Reading AttentionView::reading() const { return static_cast<Reading>(reading_->currentIndex()); }
void AttentionView::set_reading(Reading reading) { reading_->setCurrentIndex(static_cast<int>(reading)); }

void AttentionView::apply_reading() {
  const bool as_lines = reading() == Reading::HeadLines;
  plot_->setVisible(!as_lines);
  lines_->setVisible(as_lines);
  if (!attention_) return;
  shown_ = reading() == Reading::HeadWithoutSpecials ? without_special_tokens(*attention_) : *attention_;
  grid_->set_attention(*shown_);
}

void AttentionView::show_snapshot(const Snapshot& snapshot) {
  if (hold_->isChecked() && attention_) return;
  if (snapshot.attention.layers == 0 || snapshot.attention.tokens.empty()) return;
  attention_ = snapshot.attention;
  shown_step_ = static_cast<int>(snapshot.step);
  apply_reading();
  if (reading() == Reading::Rollout) return draw_rollout();
  draw_large(std::min(layer_, attention_->layers - 1), std::min(head_, attention_->heads - 1));
}

void AttentionView::draw_map(const std::vector<std::string>& tokens, const std::function<double(int, int)>& weight,
                             const QCPRange& range) {
  const int t = static_cast<int>(tokens.size());
  map_->data()->setSize(t, t);
  map_->data()->setRange(QCPRange(0, t - 1), QCPRange(0, t - 1));
  for (int q = 0; q < t; ++q)
    for (int k = 0; k < t; ++k) map_->data()->setCell(k, q, weight(q, k));
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int i = 0; i < t; ++i) ticker->addTick(i, QString::fromStdString(tokens[static_cast<size_t>(i)]));
  map_->setDataRange(range);
  map_->setVisible(true);
  plot_->xAxis->setTicker(ticker);
  plot_->yAxis->setTicker(ticker);
  plot_->xAxis->setTickLabelRotation(60);
  plot_->xAxis->setRange(-0.5, t - 0.5);
  plot_->yAxis->setRange(-0.5, t - 0.5);
}

void AttentionView::draw_rollout() {
  if (!attention_) return;
  const auto& a = *attention_;
  const int t = static_cast<int>(a.tokens.size());
  const auto rollout = attention_rollout(a);  // (T, T)
  const auto [lowest, highest] = std::minmax_element(rollout.begin(), rollout.end());
  const QCPRange range = per_map_contrast() ? QCPRange(*lowest, std::max<double>(*highest, *lowest + 1e-6)) : QCPRange(0, 1);
  draw_map(a.tokens, [&](int q, int k) { return rollout[static_cast<size_t>(q * t + k)]; }, range);
  const QString step = live_ ? tr("Step %1 · ").arg(shown_step_) : QString();
  caption_->setText(step + tr("rollout through all %1 layers: how much each position's output draws on each input "
                              "token, heads averaged and the residual path counted (rows sum to 1) · colours %2 to %3")
                               .arg(a.layers)
                               .arg(range.lower, 0, 'f', 3)
                               .arg(range.upper, 0, 'f', 3));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionView::draw_large(int layer, int head) {
  if (!shown_) return;
  layer_ = layer, head_ = head;
  const auto& a = *shown_;
  lines_->show_head(a, layer, head);
  const QCPRange range = per_map_contrast() ? attention_range(a, layer, head) : QCPRange(0, 1);
  draw_map(a.tokens, [&](int q, int k) { return a.at(layer, head, q, k); }, range);
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
  if (!shown_ || reading() == Reading::Rollout) return {};
  const auto& a = *shown_;
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
