#pragma once

#include <QObject>
#include <QString>

namespace lmlab::app {

// Asks the core which device training would use, off the GUI thread: on a CUDA build the
// first query initialises the driver, which can take a second.
class DeviceProbe : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  void start();

 Q_SIGNALS:
  void finished(const QString& device_summary, const QString& torch_version);
};

}  // namespace lmlab::app
