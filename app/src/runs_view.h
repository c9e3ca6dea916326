#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;

namespace lmlab::app {

class CurvePlot;
class RunStore;
struct RunRecord;

// Every run the lab remembers; tick two or more to overlay one of their curves (full
// fine-tuning vs frozen vs gradual unfreezing, scratch vs pretrained, teacher vs student).
// A run can be renamed in place (double-click or F2), continued, loaded in the playground, or
// deleted with its checkpoint.
class RunsView : public QWidget {
  Q_OBJECT
 public:
  explicit RunsView(RunStore* runs, QWidget* parent = nullptr);

  CurvePlot* plot() const { return plot_; }
  QComboBox* metric() const { return metric_; }
  void redraw();
  void update_buttons();  // what the selected run allows: continue, load, delete
  // Ticks exactly these runs and shows their metric (lessons end on a comparison).
  void compare(const QStringList& ids, const QString& metric);
  QListView* list() const { return list_; }

  // Deletes the selected run and its checkpoint after asking (a run still training cannot be).
  void delete_selected();

 Q_SIGNALS:
  // The learner asked to continue the selected run (a pretraining, fine-tuning or distillation
  // run stopped before its end, with a checkpoint to continue from).
  void continueRequested(const QString& run_id);
  // The learner asked to question the selected run's model in the playground.
  void loadRequested(const QString& checkpoint_dir);

 private:
  const RunRecord* selected() const;

  RunStore* runs_;
  QListView* list_;
  QComboBox* metric_;
  QPushButton* continue_;
  QPushButton* load_;
  QPushButton* delete_;
  CurvePlot* plot_;
  QLabel* summary_;
};

}  // namespace lmlab::app
