#include "train_view.h"

#include "bundled_data.h"
#include "session_bridge.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include "qcustomplot_include.h"

namespace lmlab::app {

TrainView::TrainView(QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), corpus_(bundled_datasets_dir() + "/pretrain/world.txt") {
  arch_ = new QComboBox;
  arch_->addItem(tr("BERT: masked words + next sentence"), static_cast<int>(Architecture::Bert));
  arch_->addItem(tr("GPT: next word"), static_cast<int>(Architecture::Gpt));
  steps_ = new QSpinBox;
  steps_->setRange(10, 1'000'000);
  steps_->setValue(2000);
  steps_->setSuffix(tr(" steps"));
  start_ = new QPushButton(tr("Start"));
  pause_ = new QPushButton(tr("Pause"));
  stop_ = new QPushButton(tr("Stop"));
  status_ = new QLabel(tr("Tiny model, bundled corpus. Press Start."));
  auto* controls = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{arch_, steps_, start_, pause_, stop_}) controls->addWidget(w);
  controls->addWidget(status_, 1);

  loss_plot_ = new QCustomPlot;
  loss_plot_->setObjectName(QStringLiteral("lossPlot"));
  loss_plot_->addGraph();
  loss_plot_->graph(0)->setName(tr("loss"));
  loss_plot_->xAxis->setLabel(tr("step"));
  loss_plot_->yAxis->setLabel(tr("training loss"));
  loss_plot_->setMinimumHeight(220);

  attention_plot_ = new QCustomPlot;
  attention_plot_->setObjectName(QStringLiteral("attentionPlot"));
  attention_map_ = new QCPColorMap(attention_plot_->xAxis, attention_plot_->yAxis);
  attention_map_->setInterpolate(false);  // one cell per (query, key), no smearing
  // A colour scale beside the map, fitted to each map: early in training attention is nearly
  // uniform (1/T everywhere), and a fixed 0..1 scale would show one flat colour.
  auto* scale = new QCPColorScale(attention_plot_);
  attention_plot_->plotLayout()->addElement(0, 1, scale);
  scale->axis()->setLabel(tr("attention weight"));
  attention_map_->setColorScale(scale);
  attention_map_->setGradient(QCPColorGradient::gpThermal);
  attention_plot_->xAxis->setLabel(tr("attends to (key)"));
  attention_plot_->yAxis->setLabel(tr("token (query)"));
  attention_plot_->yAxis->setRangeReversed(true);
  attention_plot_->setMinimumHeight(320);
  layer_ = new QSpinBox;
  head_ = new QSpinBox;
  layer_->setPrefix(tr("layer "));
  head_->setPrefix(tr("head "));
  prediction_ = new QLabel;
  prediction_->setWordWrap(true);
  prediction_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* pick = new QHBoxLayout;
  pick->addWidget(new QLabel(tr("Attention on the probe sentence:")));
  pick->addWidget(layer_);
  pick->addWidget(head_);
  pick->addStretch(1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(loss_plot_, 1);
  layout->addLayout(pick);
  layout->addWidget(attention_plot_, 2);
  layout->addWidget(prediction_);

  connect(start_, &QPushButton::clicked, this, &TrainView::start);
  connect(pause_, &QPushButton::clicked, this, [this] {
    paused_ = !paused_;
    paused_ ? bridge_->pause() : bridge_->resume();
    pause_->setText(paused_ ? tr("Resume") : tr("Pause"));
  });
  connect(stop_, &QPushButton::clicked, bridge_, &SessionBridge::stop);
  connect(layer_, qOverload<int>(&QSpinBox::valueChanged), this, &TrainView::draw_attention);
  connect(head_, qOverload<int>(&QSpinBox::valueChanged), this, &TrainView::draw_attention);
  connect(bridge_, &SessionBridge::started, this, [this] { status_->setText(tr("Training…")); });
  connect(bridge_, &SessionBridge::stepsArrived, this, &TrainView::add_steps);
  connect(bridge_, &SessionBridge::snapshotArrived, this, &TrainView::show_snapshot);
  connect(bridge_, &SessionBridge::failed, this, [this](const QString& message) {
    set_running(false);
    status_->setText(tr("Stopped by an error."));
    // Window-modal but not blocking: the event loop (and any test driving it) keeps running.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Training failed"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("trainingError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  });
  connect(bridge_, &SessionBridge::finished, this, [this](qint64 steps, bool stopped) {
    set_running(false);
    status_->setText(stopped ? tr("Stopped after %1 steps.").arg(steps) : tr("Done: %1 steps.").arg(steps));
  });
  set_running(false);
}

void TrainView::set_steps(int steps) { steps_->setValue(steps); }

void TrainView::set_running(bool running) {
  start_->setEnabled(!running);
  arch_->setEnabled(!running);
  steps_->setEnabled(!running);
  pause_->setEnabled(running);
  stop_->setEnabled(running);
  paused_ = false;
  pause_->setText(tr("Pause"));
}

void TrainView::start() {
  if (bridge_->busy()) return;
  PretrainRequest request;
  request.arch = static_cast<Architecture>(arch_->currentData().toInt());
  request.corpus = corpus_.toStdString();
  request.steps = steps_->value();
  loss_plot_->graph(0)->data()->clear();
  loss_plot_->replot();
  snapshot_.reset();
  prediction_->clear();
  set_running(true);
  status_->setText(tr("Preparing the tokenizer and the model…"));
  bridge_->start(request);
}

void TrainView::add_steps(const std::vector<SessionStep>& steps) {
  for (const auto& s : steps) loss_plot_->graph(0)->addData(static_cast<double>(s.step), s.loss);
  loss_plot_->rescaleAxes();
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
  const auto& last = steps.back();
  QString text = tr("step %1 · loss %2").arg(last.step).arg(last.loss, 0, 'f', 3);
  for (const char* key : {"mlm_accuracy", "nsp_accuracy", "clm_accuracy"})
    if (last.metrics.count(key)) text += QStringLiteral(" · %1 %2").arg(QString::fromLatin1(key)).arg(last.metrics.at(key), 0, 'f', 2);
  status_->setText(text);
}

void TrainView::show_snapshot(const Snapshot& snapshot) {
  snapshot_ = snapshot;
  layer_->setRange(0, std::max(0, snapshot.attention.layers - 1));
  head_->setRange(0, std::max(0, snapshot.attention.heads - 1));
  draw_attention();
  if (snapshot.masked && !snapshot.masked->masks.empty()) {
    QStringList guesses;
    for (const auto& g : snapshot.masked->masks.front().top)
      guesses << QStringLiteral("%1 %2%").arg(QString::fromStdString(g.piece)).arg(100 * g.probability, 0, 'f', 1);
    prediction_->setText(tr("[MASK] guesses at step %1: %2").arg(snapshot.step).arg(guesses.join(QStringLiteral(", "))));
  } else if (snapshot.sample) {
    prediction_->setText(tr("Continuation at step %1: %2").arg(snapshot.step).arg(QString::fromStdString(*snapshot.sample)));
  }
}

void TrainView::draw_attention() {
  if (!snapshot_) return;
  const auto& a = snapshot_->attention;
  const int t = static_cast<int>(a.tokens.size());
  if (t == 0 || a.layers == 0) return;
  const int layer = std::min(layer_->value(), a.layers - 1), head = std::min(head_->value(), a.heads - 1);
  attention_map_->data()->setSize(t, t);
  attention_map_->data()->setRange(QCPRange(0, t - 1), QCPRange(0, t - 1));
  for (int q = 0; q < t; ++q)
    for (int k = 0; k < t; ++k) attention_map_->data()->setCell(k, q, a.at(layer, head, q, k));
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int i = 0; i < t; ++i) ticker->addTick(i, QString::fromStdString(a.tokens[static_cast<size_t>(i)]));
  attention_map_->rescaleDataRange(true);
  attention_plot_->xAxis->setTicker(ticker);
  attention_plot_->yAxis->setTicker(ticker);
  attention_plot_->xAxis->setTickLabelRotation(60);
  attention_plot_->xAxis->setRange(-0.5, t - 0.5);
  attention_plot_->yAxis->setRange(-0.5, t - 0.5);
  attention_plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lmlab::app
