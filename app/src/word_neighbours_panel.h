#pragma once

#include "lmlab/inspect/embedding_neighbours_result.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QTimer;

namespace lmlab::app {

class SessionBridge;

// What the loaded model's token embedding table learned about a word: every token of the
// table on its two main directions (PCA) as faint dots, the word and its nearest tokens (by
// cosine) marked and named, and the list of neighbours with their cosines. Asked on the
// session thread.
class WordNeighboursPanel : public QWidget {
  Q_OBJECT
 public:
  explicit WordNeighboursPanel(SessionBridge* bridge, QWidget* parent = nullptr);
  void set_model(bool loaded);
  void look_up(const QString& word);
  const WordNeighbours& neighbours() const { return neighbours_; }
  QLabel* list() const { return list_; }
  int points_drawn() const;  // for tests: the table's dots and the marked ones

 Q_SIGNALS:
  void answered();

 private:
  void show_neighbours(const WordNeighbours& found);

  SessionBridge* bridge_;
  QLineEdit* word_;
  QCustomPlot* map_;
  QLabel* list_;
  QLabel* caption_;
  QTimer* relook_;
  WordNeighbours neighbours_;
};

}  // namespace lmlab::app
