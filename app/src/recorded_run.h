#pragma once

#include "run_store.h"
#include "session_bridge.h"
#include "setting_fields.h"

#include <QJsonObject>
#include <QObject>

namespace lmlab::app {

// What every lab does with a run, once: begins its record in the run store (run.json's config,
// the checkpoint folder, the log the session writes), feeds it the session's description and
// steps, and closes it when the session finishes, stops or fails. The pretraining and
// fine-tuning labs and the lesson runner's few-shot step share it; the views only draw.
class RecordedRun : public QObject {
  Q_OBJECT
 public:
  // runs may be null: the lab then trains without keeping records (a view in a test).
  RecordedRun(SessionBridge* bridge, RunStore* runs, QObject* parent = nullptr);

  // Begins a record of kind and name with config (run.json's, and the log's start line) and
  // starts make_job on the bridge, saving into the record's checkpoint folder.
  void start(const QString& kind, const QString& name, const QJsonObject& config, SessionBridge::JobFactory make_job);
  const QString& id() const { return id_; }
  RunStore* runs() const { return runs_; }

 Q_SIGNALS:
  // The run ended. run_id: its record (empty when it never started: the store then forgot it);
  // error: why it failed or never started, or why run.json could not be written; empty when all
  // went well.
  void ended(const QString& run_id, const QString& error);

 private:
  void end(const QString& status, const QString& error);

  SessionBridge* bridge_;
  RunStore* runs_;
  QString id_;
  bool started_ = false;  // the session began training (its job was prepared)
};

// Why run cannot be continued (not stopped before its end, no checkpoint), or empty.
QString why_not_continuable(const RunRecord& run);

// The run's settings back into a request, with resume set to its checkpoint: the keys of its
// config that description knows (run.json also holds a dataset, a tag, model facts). Returns
// what is wrong, or empty.
template <class Request>
QString continuing_request(const RunRecord& run, const Description<Request>& description, Request& request) {
  if (const QString problem = why_not_continuable(run); !problem.isEmpty()) return problem;
  for (auto it = run.config.begin(); it != run.config.end(); ++it)
    if (description.find(it.key().toStdString()))
      if (const QString problem = set_setting(description, request, it.key(), it.value()); !problem.isEmpty())
        return problem;
  request.resume = run.checkpoint.toStdString();
  return {};
}

}  // namespace lmlab::app
