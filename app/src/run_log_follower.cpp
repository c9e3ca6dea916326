#include "run_log_follower.h"

#include "run_store.h"

#include "lmlab/session/run_log.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace lmlab::app {

RunLogFollower::RunLogFollower(RunStore* runs, QObject* parent) : QObject(parent), runs_(runs) {
  timer_.setInterval(1000);
  connect(&timer_, &QTimer::timeout, this, &RunLogFollower::poll);
}

QString RunLogFollower::open(const QString& path, QString* error, QString* warning) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = tr("Cannot read %1: %2").arg(path, file.errorString());
    return {};
  }
  const QByteArray bytes = file.readAll();
  const qsizetype end = bytes.lastIndexOf('\n') + 1;  // complete lines only; the rest may still be written
  const auto chunk = parse_run_log(std::string_view(bytes.constData(), static_cast<size_t>(end)), 1);
  if (chunk.steps.empty()) {
    *error = chunk.bad_lines > 0 ? tr("%1 is not an LM Lab run log (%2)").arg(path, QString::fromStdString(chunk.first_problem))
                                 : tr("%1 has no training steps yet").arg(path);
    return {};
  }
  const QString kind = chunk.kind.empty() ? QStringLiteral("pretrain") : QString::fromStdString(chunk.kind);
  // The run's settings as its start line gave them (a log from before start lines has none).
  QJsonObject config = QJsonDocument::fromJson(QByteArray::fromStdString(chunk.config_json)).object();
  config.insert(QStringLiteral("log"), QFileInfo(path).absoluteFilePath());
  const QString id = runs_->begin(kind, tr("log %1").arg(QFileInfo(path).fileName()), config);
  if (chunk.info) runs_->set_info(id, *chunk.info);
  runs_->add_steps(id, chunk.steps);
  if (chunk.bad_lines > 0)
    *warning = tr("%n line(s) of %1 could not be read; the first: %2", nullptr, chunk.bad_lines)
                   .arg(path, QString::fromStdString(chunk.first_problem));
  if (chunk.finished) {
    finish(id, chunk);
    return id;
  }
  Followed f{QFileInfo(path).absoluteFilePath(), id, end,
             static_cast<qint64>(std::count(bytes.begin(), bytes.begin() + end, '\n')) + 1};
  followed_.append(f);
  timer_.start();
  return id;
}

void RunLogFollower::finish(const QString& id, const RunLogChunk& chunk) {
  const auto final = QJsonDocument::fromJson(QByteArray::fromStdString(chunk.final_json)).object();
  runs_->finish(id, QString::fromStdString(chunk.status), final.value(QStringLiteral("error")).toString());
}

bool RunLogFollower::read_new(Followed& f) {
  QFile file(f.path);
  if (!file.open(QIODevice::ReadOnly) || file.size() < f.offset) {
    runs_->finish(f.id, QStringLiteral("stopped"), tr("%1 was removed or cut short while it was followed").arg(f.path));
    return false;
  }
  if (file.size() == f.offset) return true;
  file.seek(f.offset);
  const QByteArray bytes = file.readAll();
  const qsizetype end = bytes.lastIndexOf('\n') + 1;
  if (end == 0) return true;
  const auto chunk = parse_run_log(std::string_view(bytes.constData(), static_cast<size_t>(end)), f.next_line);
  f.offset += end;
  f.next_line += std::count(bytes.begin(), bytes.begin() + end, '\n');
  if (chunk.info) runs_->set_info(f.id, *chunk.info);
  runs_->add_steps(f.id, chunk.steps);
  if (chunk.finished) {
    finish(f.id, chunk);
    return false;
  }
  if (!chunk.steps.empty()) Q_EMIT grew(f.id);
  return true;
}

void RunLogFollower::poll() {
  for (qsizetype i = followed_.size(); i-- > 0;) {
    auto& f = followed_[i];
    const QString id = f.id;
    if (!read_new(f)) {
      followed_.removeAt(i);
      Q_EMIT grew(id);
    }
  }
  if (followed_.isEmpty()) timer_.stop();
}

}  // namespace lmlab::app
