#include "device_probe.h"

#include "background_task.h"

#include "lmlab/device.h"

namespace lmlab::app {

DeviceProbe::DeviceProbe(QObject* parent) : QObject(parent), task_(new BackgroundTask(this)) {}

void DeviceProbe::start() {
  task_->start([this](const TaskControl&) -> BackgroundTask::Reply {
    const DeviceInfo info = probe_devices();
    return [this, info] {
      // Said in the UI language (the core's summary() is the CLI's English).
      const QString summary = info.cuda_available
                                  ? tr("CUDA: %1").arg(QString::fromStdString(info.cuda_device_name))
                                  : info.cpu_threads == 1 ? tr("CPU: 1 thread")
                                                          : tr("CPU: %1 threads").arg(info.cpu_threads);
      Q_EMIT finished(summary, QString::fromStdString(info.torch_version));
    };
  });
}

}  // namespace lmlab::app
