#pragma once

#include "lmlab/session/session_events.h"

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QLabel;

namespace lmlab::app {

// The embedding projector of a fine-tuning run: the test examples' pooled vectors (what the
// classifier reads) on their first two principal components, one colour per true label,
// redrawn as the model trains, so clusters are seen forming (news topics) or not (NLI); under
// it, how much each layer's representation of the same examples still resembles the start's.
class ProjectionView : public QWidget {
  Q_OBJECT
 public:
  explicit ProjectionView(QWidget* parent = nullptr);
  void set_labels(const std::vector<std::string>& labels);  // a new run
  void show_snapshot(const Snapshot& snapshot);
  int points_drawn() const;  // for tests
  QLabel* caption() const { return caption_; }
  QLabel* kept() const { return kept_; }

 private:
  QCustomPlot* plot_;
  QLabel* caption_;
  QLabel* kept_;  // per layer, how much of its starting representation it keeps (CKA)
  QStringList labels_;
};

}  // namespace lmlab::app
