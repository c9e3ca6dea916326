#pragma once

#include "lmlab/session/pretrain_request.h"
#include "lmlab/session/session_events.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;

namespace lmlab::app {

class AttentionView;
class CurvePlot;
class MaskedLmPanel;
class RecordedRun;
class RunControls;
class RunStore;
class SessionBridge;
class SettingFields;

// The pretraining lab: pick BERT or GPT, train on the lessons' corpus (or any file or folder), and watch the loss of
// each objective fall, the attention of every layer and head on a probe sentence, and the
// model's guesses for the probe's [MASK] (or its continuation) change as it learns. Each
// run is recorded in the run store with its checkpoint, ready for fine-tuning.
class TrainView : public QWidget {
  Q_OBJECT
 public:
  explicit TrainView(RunStore* runs = nullptr, QWidget* parent = nullptr);

  SessionBridge* bridge() const { return bridge_; }
  CurvePlot* loss_plot() const { return loss_plot_; }
  AttentionView* attention() const { return attention_; }
  MaskedLmPanel* probe_panel() const { return probe_; }
  const std::optional<Snapshot>& last_snapshot() const { return snapshot_; }
  const QString& run_id() const;
  SettingFields* fields() const { return fields_; }
  void set_corpus(const QString& path);  // a file or folder; empty: the lessons' corpus
  void set_steps(int steps);
  void set_architecture(const QString& arch);  // bert | gpt
  // Lesson presets: a tag (marks the run so lessons can find it again) and any key of
  // pretrain_description(), e.g. {"arch": "bert", "objective": "mlm", "preset": "tiny", "steps":
  // 600, "tag": "base-bert"}. The form is reset to the request's defaults first. Returns what
  // is wrong, or empty.
  QString apply_preset(const QJsonObject& preset);
  void start();
  // Runs tab → Continue: a pretraining run stopped before its end goes on exactly where it
  // stopped, with the settings its run.json recorded. Returns what prevents it, or empty.
  QString continue_run(const QString& run_id);

 Q_SIGNALS:
  // A run ended: its record's id (empty when it never started) and what went wrong, if anything.
  void runFinished(const QString& run_id, const QString& error);

 private:
  void start_request(const PretrainRequest& request, const QString& name);
  void add_steps(const std::vector<SessionStep>& steps);
  void show_snapshot(const Snapshot& snapshot);
  void set_running(bool running);

  SessionBridge* bridge_;
  RecordedRun* record_;
  QString corpus_, tag_;
  PretrainRequest preset_request_;  // what a lesson preset set beyond the form
  QComboBox* arch_;    // architecture and objective together, as "bert:mlm+nsp"
  QComboBox* preset_;  // model size: tiny | small
  SettingFields* fields_;
  RunControls* controls_;
  QLabel* status_;
  CurvePlot* loss_plot_;
  CurvePlot* rate_plot_;
  CurvePlot* speed_plot_;
  AttentionView* attention_;
  MaskedLmPanel* probe_;
  std::optional<Snapshot> snapshot_;
  double trained_ms_ = 0;  // the steps' own time so far: the curves' time axis
};

}  // namespace lmlab::app
