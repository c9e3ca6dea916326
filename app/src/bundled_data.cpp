#include "bundled_data.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace lmlab::app {

QString bundled_datasets_dir() {
  QStringList candidates;
  const QString env = qEnvironmentVariable("LMLAB_DATASETS");
  if (!env.isEmpty()) return QFileInfo(env).isDir() ? QDir(env).absolutePath() : QString();
  const QString bin = QCoreApplication::applicationDirPath();
  candidates << bin + QStringLiteral("/../../datasets") << bin + QStringLiteral("/../share/lmlab/datasets");
  for (const auto& c : candidates)
    if (QFileInfo(c + QStringLiteral("/pretrain/world.txt")).isFile()) return QDir(c).absolutePath();
  return {};
}

}  // namespace lmlab::app
