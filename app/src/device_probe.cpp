#include "device_probe.h"

#include "lmlab/device.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace lmlab::app {

void DeviceProbe::start() {
  QPointer<DeviceProbe> self(this);
  QThreadPool::globalInstance()->start([self] {
    const DeviceInfo info = probe_devices();
    const QString summary = QString::fromStdString(info.summary());
    const QString torch = QString::fromStdString(info.torch_version);
    // The doorbell hop back to the GUI thread; the probe may be gone by then.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [self, summary, torch] {
          if (self) Q_EMIT self->finished(summary, torch);
        },
        Qt::QueuedConnection);
  });
}

}  // namespace lmlab::app
