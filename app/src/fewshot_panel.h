#pragma once

#include "dataset_picker.h"

#include "lmlab/session/fewshot_request.h"

#include <QWidget>

class QLabel;

namespace lmlab::app {

class CurvePlot;
class RecordedRun;
class RunControls;
class RunStore;
class SessionBridge;
class SettingFields;

// Few-shot prompting, the playground's third section: the loaded GPT answers a labelled set's
// questions with k solved examples in its prompt (k = 0, 1, 2, 4, 8 by default), nothing
// trained. The accuracy for each k is drawn against chance as it comes in, and the run is kept
// in the Runs tab beside fine-tuned models of the same data.
class FewShotPanel : public QWidget {
  Q_OBJECT
 public:
  explicit FewShotPanel(RunStore* runs = nullptr, QWidget* parent = nullptr);

  // The playground's model; few-shot needs a GPT (a BERT cannot continue a prompt).
  void set_model(const QString& checkpoint, const QString& arch);
  void start();  // the form's settings, the chosen data, the loaded model
  // A request made elsewhere (a lesson's step) on data, shown in the form while it runs.
  void start_request(const FewShotRequest& request, const DatasetPicker::Choice& data);

  SessionBridge* bridge() const { return bridge_; }
  CurvePlot* plot() const { return plot_; }
  DatasetPicker* dataset() const { return data_; }
  SettingFields* fields() const { return fields_; }
  QLabel* result() const { return result_; }
  const QString& run_id() const;

 Q_SIGNALS:
  // A run ended: its record's id (empty when it never started) and what went wrong, if anything.
  void runFinished(const QString& run_id, const QString& error);

 private:
  void update_enabled();
  void explain();  // what Start does with the loaded model, or what is missing

  SessionBridge* bridge_;
  RecordedRun* record_;
  QString checkpoint_, arch_;
  DatasetPicker* data_;
  SettingFields* fields_;
  RunControls* controls_;
  QLabel* status_;
  QLabel* result_;
  CurvePlot* plot_;
  bool running_ = false;
};

}  // namespace lmlab::app
