#pragma once

#include "lmlab/session/session_events.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QMap>
#include <QPointF>
#include <QSet>
#include <QVector>

namespace lmlab::app {

// One training run as the lab remembers it: what was asked, every curve, how it ended, and
// where its checkpoint is.
struct RunRecord {
  QString id;    // folder name under the store: yyyyMMdd-hhmmss-kind
  QString name;  // shown in lists, e.g. "BERT pretraining, 2000 steps"
  QString kind;  // pretrain | finetune | distill
  QString arch;  // bert | gpt
  QString status = QStringLiteral("running");  // running | done | stopped | failed | interrupted
  QJsonObject config;
  QMap<QString, QVector<QPointF>> curves;  // series -> (step, value)
  QJsonObject final;                       // last value of every series, and the error if any
  QString checkpoint;                      // directory, empty when none was written
};

// Every run, kept on disk (one folder per run with run.json and its checkpoint) under the
// user's data folder, listed as a checkable model: the checked runs are overlaid in the
// comparison view.
class RunStore : public QAbstractListModel {
  Q_OBJECT
 public:
  explicit RunStore(QString dir, QObject* parent = nullptr);
  static QString default_dir();  // QStandardPaths::AppDataLocation + "/runs"

  // Reads every run.json; folders whose file is unreadable are skipped and named in the result.
  QStringList load();
  QString begin(const QString& kind, const QString& name, const QJsonObject& config);
  QString checkpoint_dir(const QString& id) const;
  // The run's log (run_log.h, the format lmlab-cli writes): its session writes it as it trains.
  QString log_path(const QString& id) const;
  void add_steps(const QString& id, const std::vector<SessionStep>& steps);
  void set_info(const QString& id, const SessionInfo& info);
  // Writes run.json (atomically). Returns an error message, or empty.
  QString finish(const QString& id, const QString& status, const QString& error = {});
  // A new name (unique among the runs: a clash gets " (#2)"), written to run.json. Returns an
  // error message, or empty.
  QString rename(const QString& id, const QString& name);
  // Forgets the run and deletes its folder (run.json, log, checkpoint). Returns an error
  // message, or empty.
  QString remove(const QString& id);

  // A run's status (run.json keeps the English word) as the learner reads it.
  static QString status_label(const QString& status);
  const RunRecord* find(const QString& id) const;
  const QVector<RunRecord>& runs() const { return runs_; }
  QVector<const RunRecord*> checked() const;
  void set_checked(const QString& id, bool checked);
  // Runs that can seed fine-tuning: finished with a checkpoint, of the given kinds.
  QVector<const RunRecord*> with_checkpoint(const QStringList& kinds) const;
  // The newest finished run whose config carries this tag (lesson presets mark their runs).
  const RunRecord* tagged(const QString& tag, bool need_checkpoint) const;
  // The newest run with this tag, however it ended (or while it runs); null when none.
  const RunRecord* latest_tagged(const QString& tag) const;
  // The newest model imported with File → Import of this architecture ("bert", "gpt").
  const RunRecord* latest_import(const QString& arch) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 Q_SIGNALS:
  void runChanged(const QString& id);

 private:
  int row_of(const QString& id) const;
  // name, or name with " (#N)" when another run (not except_id) has it: the comparison plot and
  // its legend tell runs apart by name.
  QString distinct_name(const QString& name, const QString& except_id = {}) const;
  QString save(const RunRecord& run) const;

  QString dir_;
  QVector<RunRecord> runs_;
  QSet<QString> checked_;
};

}  // namespace lmlab::app
