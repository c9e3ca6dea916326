#include "run_controls.h"

#include "session_bridge.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>

namespace lmlab::app {

RunControls::RunControls(SessionBridge* bridge, QWidget* parent) : QWidget(parent), bridge_(bridge) {
  start_ = new QPushButton(tr("Start"));
  start_->setObjectName(QStringLiteral("start"));
  pause_ = new QPushButton(tr("Pause"));
  stop_ = new QPushButton(tr("Stop"));
  busy_ = new QProgressBar;
  busy_->setObjectName(QStringLiteral("busyBar"));
  busy_->setRange(0, 0);  // indeterminate: reading data and training a tokenizer report no fraction
  busy_->setMaximumWidth(120);
  busy_->setTextVisible(false);
  busy_->hide();
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QWidget* w : std::initializer_list<QWidget*>{start_, pause_, stop_, busy_}) layout->addWidget(w);

  connect(start_, &QPushButton::clicked, this, &RunControls::startClicked);
  connect(pause_, &QPushButton::clicked, this, [this] {
    paused_ = !paused_;
    paused_ ? bridge_->pause() : bridge_->resume();
    pause_->setText(paused_ ? tr("Resume") : tr("Pause"));
  });
  connect(stop_, &QPushButton::clicked, bridge_, &SessionBridge::stop);
  connect(bridge_, &SessionBridge::started, this, [this] { busy_->hide(); });
  connect(bridge_, &SessionBridge::failed, this, [this] { set_running(false); });
  connect(bridge_, &SessionBridge::finished, this, [this] { set_running(false); });
  set_running(false);
}

void RunControls::set_preparing() {
  set_running(true);
  busy_->show();
}

void RunControls::set_running(bool running) {
  start_->setEnabled(!running);
  pause_->setEnabled(running);
  stop_->setEnabled(running);
  paused_ = false;
  pause_->setText(tr("Pause"));
  if (!running) busy_->hide();
}

}  // namespace lmlab::app
