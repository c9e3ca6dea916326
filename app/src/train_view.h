#pragma once

#include "lmlab/session/session_events.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QLabel;
class QPushButton;
class QSpinBox;

namespace lmlab::app {

class SessionBridge;

// The pretraining lab: pick BERT or GPT, train on the bundled corpus, and watch the loss
// fall, the attention of every layer and head on a probe sentence, and the model's guesses
// for the probe's [MASK] (or its continuation) change as it learns.
class TrainView : public QWidget {
  Q_OBJECT
 public:
  explicit TrainView(QWidget* parent = nullptr);

  SessionBridge* bridge() const { return bridge_; }
  QCustomPlot* loss_plot() const { return loss_plot_; }
  QCustomPlot* attention_plot() const { return attention_plot_; }
  const std::optional<Snapshot>& last_snapshot() const { return snapshot_; }
  void set_corpus(const QString& path) { corpus_ = path; }
  void set_steps(int steps);
  void start();

 private:
  void add_steps(const std::vector<SessionStep>& steps);
  void show_snapshot(const Snapshot& snapshot);
  void draw_attention();
  void set_running(bool running);

  SessionBridge* bridge_;
  QString corpus_;
  QComboBox* arch_;
  QSpinBox* steps_;
  QPushButton* start_;
  QPushButton* pause_;
  QPushButton* stop_;
  QLabel* status_;
  QCustomPlot* loss_plot_;
  QCustomPlot* attention_plot_;
  QCPColorMap* attention_map_;
  QSpinBox* layer_;
  QSpinBox* head_;
  QLabel* prediction_;
  std::optional<Snapshot> snapshot_;
  bool paused_ = false;
};

}  // namespace lmlab::app
