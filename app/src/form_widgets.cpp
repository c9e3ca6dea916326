#include "form_widgets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QProgressBar>

namespace lmlab::app {

QComboBox* make_device_combo() {
  auto* combo = new QComboBox;
  combo->setObjectName(QStringLiteral("device"));
  combo->addItem(QCoreApplication::translate("lmlab", "auto device"), QStringLiteral("auto"));
  combo->addItem(QStringLiteral("CPU"), QStringLiteral("cpu"));
  combo->addItem(QStringLiteral("CUDA"), QStringLiteral("cuda"));
  combo->setToolTip(QCoreApplication::translate("lmlab", "auto: the GPU when this build has CUDA and one is present"));
  return combo;
}

QProgressBar* make_busy_bar() {
  auto* bar = new QProgressBar;
  bar->setObjectName(QStringLiteral("busyBar"));
  bar->setRange(0, 0);  // indeterminate: reading data and training a tokenizer report no fraction
  bar->setMaximumWidth(140);
  bar->setTextVisible(false);
  bar->hide();
  return bar;
}

}  // namespace lmlab::app
