#include "recorded_run.h"

#include <QJsonDocument>

namespace lmlab::app {

RecordedRun::RecordedRun(SessionBridge* bridge, RunStore* runs, QObject* parent)
    : QObject(parent), bridge_(bridge), runs_(runs) {
  if (!runs_) return;
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    started_ = true;
    runs_->set_info(id_, info);
  });
  connect(bridge_, &SessionBridge::stepsArrived, this,
          [this](const std::vector<SessionStep>& steps) { runs_->add_steps(id_, steps); });
  connect(bridge_, &SessionBridge::finished, this,
          [this](qint64, bool stopped) { end(stopped ? QStringLiteral("stopped") : QStringLiteral("done"), {}); });
  connect(bridge_, &SessionBridge::failed, this, [this](const QString& message) { end(QStringLiteral("failed"), message); });
}

void RecordedRun::start(const QString& kind, const QString& name, const QJsonObject& config,
                        SessionBridge::JobFactory make_job) {
  SessionOptions options;
  std::optional<SessionBridge::LogFile> log;
  id_.clear();
  started_ = false;
  if (runs_) {
    id_ = runs_->begin(kind, name, config);
    options.checkpoint_dir = runs_->checkpoint_dir(id_).toStdString();
    log = SessionBridge::LogFile{runs_->log_path(id_).toStdString(),
                                 QJsonDocument(config).toJson(QJsonDocument::Compact).toStdString()};
  }
  bridge_->start(std::move(make_job), options, log);
}

void RecordedRun::end(const QString& status, const QString& error) {
  if (id_.isEmpty()) return;
  if (!started_) {
    // It never trained (a missing file, a wrong setting, stopped while preparing): nothing to
    // keep or compare, so the store forgets it; the error is the lab's to show.
    const QString id = id_;
    id_.clear();
    runs_->remove(id);
    Q_EMIT ended({}, error.isEmpty() ? tr("The run was stopped before it started.") : error);
    return;
  }
  const QString problem = runs_->finish(id_, status, error);
  Q_EMIT ended(id_, status == QLatin1String("failed") ? error : problem);
}

QString why_not_continuable(const RunRecord& run) {
  if (run.status != QLatin1String("stopped") && run.status != QLatin1String("interrupted"))
    return RecordedRun::tr("This run was not stopped before its end: there is nothing to continue.");
  if (run.checkpoint.isEmpty()) return RecordedRun::tr("This run left no checkpoint to continue from.");
  return {};
}

}  // namespace lmlab::app
