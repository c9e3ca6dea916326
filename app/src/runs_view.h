#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;

namespace lmlab::app {

class CurvePlot;
class RunStore;

// Every run the lab remembers; tick two or more to overlay one of their curves (full
// fine-tuning vs frozen vs gradual unfreezing, scratch vs pretrained, teacher vs student).
class RunsView : public QWidget {
  Q_OBJECT
 public:
  explicit RunsView(RunStore* runs, QWidget* parent = nullptr);

  CurvePlot* plot() const { return plot_; }
  QComboBox* metric() const { return metric_; }
  void redraw();
  void update_continue();
  // Ticks exactly these runs and shows their metric (lessons end on a comparison).
  void compare(const QStringList& ids, const QString& metric);
  QListView* list() const { return list_; }

 Q_SIGNALS:
  // The learner asked to continue the selected run (a fine-tuning or distillation run stopped
  // before its end, with a checkpoint to continue from).
  void continueRequested(const QString& run_id);

 private:
  RunStore* runs_;
  QListView* list_;
  QComboBox* metric_;
  QPushButton* continue_;
  CurvePlot* plot_;
  QLabel* summary_;
};

}  // namespace lmlab::app
