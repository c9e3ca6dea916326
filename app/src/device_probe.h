#pragma once

#include <QObject>
#include <QString>

namespace lmlab::app {

class BackgroundTask;

// Asks the core which device training would use, off the GUI thread: on a CUDA build the
// first query initialises the driver, which can take a second.
class DeviceProbe : public QObject {
  Q_OBJECT
 public:
  explicit DeviceProbe(QObject* parent = nullptr);
  void start();

 Q_SIGNALS:
  void finished(const QString& device_summary, const QString& torch_version);

 private:
  BackgroundTask* task_;
};

}  // namespace lmlab::app
