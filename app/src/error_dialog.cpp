#include "error_dialog.h"

#include <QMessageBox>

namespace lmlab::app {

void open_error_dialog(QWidget* parent, const QString& title, const QString& message, const QString& object_name) {
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
  box->setObjectName(object_name);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

}  // namespace lmlab::app
