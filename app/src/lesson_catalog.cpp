#include "lesson_catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lmlab::app {

LessonCatalog::LessonCatalog(QObject* parent) : QAbstractListModel(parent) {}

QString LessonCatalog::load(const QString& index_path) {
  QFile file(index_path);
  if (!file.open(QIODevice::ReadOnly)) return tr("Cannot open lesson index %1").arg(index_path);
  QJsonParseError error{};
  const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError)
    return tr("Lesson index %1 is not valid JSON: %2").arg(index_path, error.errorString());
  QVector<Lesson> lessons;
  for (const auto& value : doc.object().value(QStringLiteral("lessons")).toArray()) {
    const auto o = value.toObject();
    Lesson lesson{o.value(QStringLiteral("id")).toString(),
                  o.value(QStringLiteral("title_en")).toString(),
                  o.value(QStringLiteral("title_ko")).toString(),
                  o.value(QStringLiteral("experiment")).toObject()};
    if (lesson.id.isEmpty() || lesson.title_en.isEmpty())
      return tr("Lesson index %1 has a lesson without id or English title").arg(index_path);
    lessons.push_back(lesson);
  }
  beginResetModel();
  lessons_ = lessons;
  endResetModel();
  return {};
}

void LessonCatalog::set_language(const QString& language) {
  if (language == language_) return;
  language_ = language;
  if (!lessons_.isEmpty()) Q_EMIT dataChanged(index(0), index(lessons_.size() - 1));
}

int LessonCatalog::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : lessons_.size();
}

QVariant LessonCatalog::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= lessons_.size()) return {};
  const Lesson& lesson = lessons_[index.row()];
  switch (role) {
    case Qt::DisplayRole: {
      const QString title =
          (language_ == QLatin1String("ko") && !lesson.title_ko.isEmpty()) ? lesson.title_ko
                                                                             : lesson.title_en;
      return index.row() == 0 ? title : QStringLiteral("%1. %2").arg(index.row()).arg(title);
    }
    case IdRole:
      return lesson.id;
    default:
      return {};
  }
}

QJsonObject LessonCatalog::experiment(int row) const {
  return row < 0 || row >= lessons_.size() ? QJsonObject() : lessons_[row].experiment;
}

QString LessonCatalog::markdown(int row) const {
  if (row < 0 || row >= lessons_.size()) return {};
  const QString id = lessons_[row].id;
  for (const QString& language : {language_, QStringLiteral("en")}) {
    QFile file(QStringLiteral(":/lessons/%1/%2.md").arg(language, id));
    if (file.open(QIODevice::ReadOnly)) return QString::fromUtf8(file.readAll());
  }
  return tr("The text of lesson '%1' is missing from this build.").arg(id);
}

}  // namespace lmlab::app
