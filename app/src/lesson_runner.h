#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

class QTabWidget;

namespace lmlab::app {

class FineTuneView;
class PlaygroundView;
class RunStore;
class RunsView;
class SessionBridge;
class TrainView;

// Runs a lesson's experiment: steps in the labs, one after another, each shown in its tab as
// it runs. A step's "from": "tag:NAME" names the checkpoint of the newest finished run with
// that tag, and a pretraining step with "reuse": true is skipped when such a run exists, so
// the base models later lessons need are trained once, on first use, by the app itself.
//
//   {"lab": "pretrain", <TrainView preset>, "reuse": true}
//   {"lab": "finetune", <FineTuneView preset>}
//   {"lab": "fewshot", "from": ..., "task": "news", "k": [0, 1, 2, 4, 8], "examples": 100}
//   {"lab": "playground", "from": ..., "prompt": "..."}
//   {"lab": "runs", "metric": "validation_accuracy", "include_tags": [...]}   (compare this lesson's runs)
class LessonRunner : public QObject {
  Q_OBJECT
 public:
  struct Labs {
    QTabWidget* tabs = nullptr;
    TrainView* pretrain = nullptr;
    FineTuneView* finetune = nullptr;
    PlaygroundView* playground = nullptr;
    RunsView* runs_view = nullptr;
    RunStore* runs = nullptr;
  };

  explicit LessonRunner(Labs labs, QObject* parent = nullptr);

  // Checks every step's settings (applying them to the idle labs' forms); empty when valid.
  QString validate(const QJsonObject& experiment);
  void start(const QJsonObject& experiment);
  void cancel();
  bool running() const { return running_; }
  // Tests: at most this many training steps per run and questions per few-shot k (0: as written).
  void set_step_cap(int cap) { cap_ = cap; }

 Q_SIGNALS:
  void runningChanged(bool running);  // an experiment started, or ended (done, failed, cancelled)
  void progress(const QString& text);
  void finished();
  void failed(const QString& message);

 private:
  void set_running(bool running);
  // While the current step's run trains: "Step 1 of 5: pretraining BERT · step 300 of 1500,
  // about 1 min 30 s left" as progress.
  void watch(SessionBridge* bridge, const QString& what);
  void next();
  void step_done(const QString& run_id, const QString& error);
  QString run_step(const QJsonObject& step);
  QString resolve_from(QJsonObject& step) const;
  QString name_of_checkpoint(const QString& dir) const;  // the run that wrote it, for run names
  void fail(const QString& message);

  Labs labs_;
  QList<QJsonObject> queue_;
  QStringList started_runs_;
  QString skipped_;  // a step that needs an imported model, said again when the lesson ends
  int total_ = 0, cap_ = 0;
  bool running_ = false;
  QList<QMetaObject::Connection> waits_;
};

}  // namespace lmlab::app
