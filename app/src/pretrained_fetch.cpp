#include "pretrained_fetch.h"

#include "background_task.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <unistd.h>

namespace lmlab::app {

namespace {

const QString kModelName = QStringLiteral("all-MiniLM-L6-v2");

QString pretrained_dir() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/pretrained");
}

}  // namespace

QString fetch_script_path() {
  const QDir bin(QCoreApplication::applicationDirPath());
  for (const QString& candidate : {QStringLiteral("../../scripts/fetch-pretrained.sh"),
                                   QStringLiteral("../share/lmlab/scripts/fetch-pretrained.sh")})
    if (QFileInfo(bin.filePath(candidate)).isFile()) return QDir::cleanPath(bin.filePath(candidate));
  return {};
}

QString fetched_model_folder() { return pretrained_dir() + QLatin1Char('/') + kModelName; }

QString run_fetch_script(const QString& script, const TaskControl& control,
                         const std::function<void(const QString&)>& progress) {
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  auto environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("LMLAB_CLI"), QCoreApplication::applicationDirPath() + QStringLiteral("/lmlab-cli"));
  process.setProcessEnvironment(environment);
  // Its own process group, so cancelling stops the download (curl) with the script.
  process.setChildProcessModifier([] { ::setsid(); });
  process.start(QStringLiteral("bash"), {script, pretrained_dir()});
  if (!process.waitForStarted(10000))
    return QCoreApplication::translate("PretrainedFetch", "could not run %1 with bash: %2").arg(script, process.errorString());
  QString output, pending;
  const auto take_output = [&] {
    pending += QString::fromUtf8(process.readAll());
    for (qsizetype end; (end = pending.indexOf(QLatin1Char('\n'))) >= 0; pending.remove(0, end + 1)) {
      const QString line = pending.left(end).trimmed();
      if (line.isEmpty()) continue;
      output += line + QLatin1Char('\n');
      progress(line);
    }
  };
  while (process.state() != QProcess::NotRunning) {
    process.waitForFinished(200);
    take_output();
    if (control.cancelled()) {
      ::kill(-static_cast<pid_t>(process.processId()), SIGTERM);
      if (!process.waitForFinished(5000)) ::kill(-static_cast<pid_t>(process.processId()), SIGKILL);
      process.waitForFinished(5000);
      return QCoreApplication::translate("PretrainedFetch", "cancelled");
    }
  }
  take_output();
  if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
    // The script's last lines say what failed (the download, the checksum, the import).
    const QStringList lines = output.trimmed().split(QLatin1Char('\n'));
    return QCoreApplication::translate("PretrainedFetch", "%1 stopped (exit code %2): %3")
        .arg(QFileInfo(script).fileName())
        .arg(process.exitCode())
        .arg(lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(QLatin1Char(' ')));
  }
  if (!QFileInfo(fetched_model_folder() + QStringLiteral("/config.json")).isFile())
    return QCoreApplication::translate("PretrainedFetch", "%1 ended without writing %2")
        .arg(QFileInfo(script).fileName(), fetched_model_folder());
  return {};
}

}  // namespace lmlab::app
