#pragma once

#include "dataset_picker.h"
#include "lmlab/baseline/bag_of_words.h"
#include "lmlab/session/finetune_request.h"
#include "lmlab/session/session_events.h"

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace lmlab::app {

class BackgroundTask;
class CheckpointPicker;
class CurvePlot;
class FreezePanel;
class PartChangesView;
class ProjectionView;
class RecordedRun;
class ReportView;
class RunControls;
class RunStore;
class SessionBridge;
class SettingFields;

// The fine-tuning lab: a pretrained checkpoint (or the same model from scratch) learns news
// topics or NLI from the bundled sets, the Data menu's sets or the learner's own files, beside
// a bag-of-words baseline. Train and test accuracy share one plot, so
// over-fitting shows; the freeze panel beside it changes what trains while it runs. With
// "student layers" set, a fine-tuned classifier is distilled into a smaller student.
class FineTuneView : public QWidget {
  Q_OBJECT
 public:
  explicit FineTuneView(RunStore* runs = nullptr, QWidget* parent = nullptr);

  SessionBridge* bridge() const { return bridge_; }
  CurvePlot* plot() const { return plot_; }
  FreezePanel* freeze_panel() const { return freeze_; }
  ReportView* report() const { return report_; }
  PartChangesView* changes() const { return changes_; }
  ProjectionView* projection() const { return projection_; }
  QLabel* result() const { return result_; }
  const QString& run_id() const;
  // A checkpoint folder to start from (added to the list and chosen).
  void set_from(const QString& dir);
  bool set_task(const QString& task);  // a DatasetPicker id: news | nli | built:...; false if not listed
  DatasetPicker* dataset() const { return data_; }
  // Bag-of-words naive Bayes and logistic regression on the chosen data, on a worker thread;
  // each becomes a run (kind "baseline") the Runs tab compares with the transformers.
  void run_baseline();
  void set_from_scratch(bool scratch);
  void set_max_steps(int steps);
  void set_gradual(int every);
  void set_student_layers(int layers);
  SettingFields* fields() const { return fields_; }
  // Lesson presets: the dataset (a DatasetPicker id), from, student_layers, name and tag, and
  // any key of finetune_description() or distill_description(), e.g. {"dataset": "news",
  // "from": DIR, "freeze": "all-but-head", "max_steps": 200, "train_limit": 300, "name": "head
  // only"}. The form is reset to the request's defaults first. Returns what is wrong, or empty.
  QString apply_preset(const QJsonObject& preset);
  void start();
  // Continues a fine-tuning or distillation run that was stopped before its end, exactly
  // where it stopped, with the settings its run.json recorded (a new run in the store).
  // Returns what is wrong (not such a run, no resumable checkpoint), or empty.
  QString continue_run(const QString& run_id);

 Q_SIGNALS:
  // A run ended: its record's id (empty when it never started) and what went wrong, if anything.
  void runFinished(const QString& run_id, const QString& error);

 private:
  void add_steps(const std::vector<SessionStep>& steps);
  void set_running(bool running);
  FinetuneRequest data_request(const DatasetPicker::Choice& data) const;
  // Starts a run of the request: a run record named name (with the dataset's id), the
  // curves cleared, the job built on the bridge's worker.
  void start_request(const FinetuneRequest& request, const QString& name, const QString& dataset_id);
  void show_baseline(const DatasetPicker::Choice& data, const std::vector<BaselineResult>& results, const QString& error);

  SessionBridge* bridge_;
  RunStore* runs_;  // the baseline's runs, and the runs to continue
  RecordedRun* record_;
  QString run_name_, tag_;
  // What a lesson preset set beyond the form (e.g. distillation weights); the form's fields
  // and the learner's choices are written over it at start.
  FinetuneRequest preset_;
  DatasetPicker* data_;
  QPushButton* baseline_;
  BackgroundTask* baseline_task_;  // counting words, off the GUI thread
  CheckpointPicker* from_;
  SettingFields* fields_;  // the request's settings the form shows (finetune_description keys)
  QSpinBox* student_;      // 0: fine-tune; N: distil into N layers (distill_description)
  RunControls* controls_;
  QLabel* status_;
  QLabel* result_;
  CurvePlot* plot_;
  FreezePanel* freeze_;
  ReportView* report_;
  PartChangesView* changes_;
  ProjectionView* projection_;
  QTabWidget* inside_;  // what changes while it trains; the test report at the end
  std::vector<std::string> labels_;
  double trained_ms_ = 0;  // the steps' own time so far: the curve's time axis
};

}  // namespace lmlab::app
