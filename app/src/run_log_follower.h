#pragma once

#include <QObject>
#include <QTimer>
#include <QVector>

namespace lmlab {
struct RunLogChunk;
}

namespace lmlab::app {

class RunStore;

// File → Open run log: a JSON-lines log written by lmlab-cli (pretrain/finetune --log) or kept
// beside an app run (run_log.h), with its settings, curves and how it ended, on
// this machine or copied or mounted from another, becomes a run in the store with all its
// curves, and is followed while it grows (checked every second), so a learner can watch a
// run that trains elsewhere. Lines that cannot be read are counted and the first one named.
class RunLogFollower : public QObject {
  Q_OBJECT
 public:
  explicit RunLogFollower(RunStore* runs, QObject* parent = nullptr);

  // The new run's id, or empty with error set: the file cannot be read, or nothing in it is
  // an LM Lab log line. warning gets what was skipped, if anything.
  QString open(const QString& path, QString* error, QString* warning);
  void set_poll_interval(int ms) { timer_.setInterval(ms); }

 Q_SIGNALS:
  void grew(const QString& run_id);

 private:
  struct Followed {
    QString path, id;
    qint64 offset = 0;     // bytes read so far (complete lines only)
    qint64 next_line = 1;  // number of the next unread line
  };
  // Reads f's new complete lines into its run; false when following it ends (the run
  // finished, or the file is gone or was cut, which stops the run).
  bool read_new(Followed& f);
  // Ends the run as the log's final line says (done, stopped, or failed with its error).
  void finish(const QString& id, const RunLogChunk& chunk);
  void poll();

  RunStore* runs_;
  QVector<Followed> followed_;
  QTimer timer_;
};

}  // namespace lmlab::app
