#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace lmlab::app {

struct Lesson {
  QString id;
  QString title_en;
  QString title_ko;
  QJsonObject experiment;  // {"steps": [...]} for LessonRunner; empty when the lesson has none
};

// The course's lessons in order, read from resources/lessons/index.json (in the qrc).
class LessonCatalog : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role { IdRole = Qt::UserRole + 1 };

  explicit LessonCatalog(QObject* parent = nullptr);

  // Loads the index; returns an error message, empty on success.
  QString load(const QString& index_path = QStringLiteral(":/lessons/index.json"));
  void set_language(const QString& language);  // "en" or "ko"
  QString language() const { return language_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

  // The lesson's Markdown in the current language, falling back to English.
  QString markdown(int row) const;
  QJsonObject experiment(int row) const;

 private:
  QVector<Lesson> lessons_;
  QString language_ = QStringLiteral("en");
};

}  // namespace lmlab::app
