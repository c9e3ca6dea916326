#include "device_probe.h"

#include "background_task.h"

#include "lmlab/device.h"

namespace lmlab::app {

DeviceProbe::DeviceProbe(QObject* parent) : QObject(parent), task_(new BackgroundTask(this)) {}

void DeviceProbe::start() {
  task_->start([this](const TaskControl&) -> BackgroundTask::Reply {
    const DeviceInfo info = probe_devices();
    const QString summary = QString::fromStdString(info.summary());
    const QString torch = QString::fromStdString(info.torch_version);
    return [this, summary, torch] { Q_EMIT finished(summary, torch); };
  });
}

}  // namespace lmlab::app
