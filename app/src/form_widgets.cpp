#include "form_widgets.h"

#include <QCoreApplication>

namespace lmlab::app {

FieldLook device_look() {
  FieldLook look{QCoreApplication::translate("lmlab", "Device")};
  look.choice_texts = {QCoreApplication::translate("lmlab", "auto device"), QStringLiteral("CPU"), QStringLiteral("CUDA")};
  look.tooltip = QCoreApplication::translate("lmlab", "auto: the GPU when this build has CUDA and one is present");
  return look;
}

}  // namespace lmlab::app
