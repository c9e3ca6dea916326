#include "form_widgets.h"

#include <QComboBox>
#include <QCoreApplication>

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

}  // namespace lmlab::app
