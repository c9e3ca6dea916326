#pragma once

#include "lmlab/session/run_log.h"
#include "lmlab/session/training_session.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace lmlab::app {

class BackgroundTask;

// The one adapter between a core TrainingSession and the views. Building the job (reading
// data, training a tokenizer, loading a checkpoint: a BackgroundTask) and training happen on
// background threads; the session's sink only fills a mailbox (steps appended, the latest snapshot
// replacing the previous one), and the GUI thread drains it on a timer at 20 Hz, so a fast
// trainer can never flood the event loop. After training the session stays open, so the
// trained model still answers new probes and inspection commands until the next start.
class SessionBridge : public QObject {
  Q_OBJECT
 public:
  using JobFactory = std::function<std::unique_ptr<TrainingJob>()>;

  explicit SessionBridge(QObject* parent = nullptr);
  ~SessionBridge() override;

  // Where a run's log goes (run_log.h: the format lmlab-cli writes), with the run's settings
  // as a JSON object text for its start line.
  struct LogFile {
    std::string path, config_json;
  };

  // make_job runs on a worker thread; its lmlab::Error becomes failed(). With log, the
  // session's events are also written there as they happen.
  void start(JobFactory make_job, SessionOptions options = {}, std::optional<LogFile> log = {});
  void pause();
  void resume();
  void stop();
  bool busy() const { return preparing_ || training_; }
  bool has_model() const { return session_ != nullptr; }
  const std::optional<SessionInfo>& info() const { return info_; }

  // Applied at the next step boundary (or at once when paused or finished).
  void set_freeze(const QString& spec);
  void set_probe(const QString& probe);
  void set_learning_rate(double peak);
  // Runs command on the session thread with the job; false when no model is there.
  bool inspect(std::function<void(TrainingJob&)> command);

 Q_SIGNALS:
  void started(const lmlab::SessionInfo& info);
  void stepsArrived(const std::vector<lmlab::SessionStep>& steps);
  void snapshotArrived(const lmlab::Snapshot& snapshot);
  void failed(const QString& message);
  void finished(qint64 steps, bool stopped);

 private:
  struct Mailbox : SessionSink {
    std::mutex mutex;
    std::vector<SessionStep> steps;
    std::optional<Snapshot> snapshot;
    std::optional<std::string> error;
    std::optional<std::pair<int64_t, bool>> done;
    std::unique_ptr<RunLogSink> log;  // set before the session starts, used on its thread only
    void on_started(const SessionInfo& info) override;
    void on_step(const SessionStep& s) override;
    void on_snapshot(const Snapshot& s) override;
    void on_error(const std::string& message) override;
    void on_finished(int64_t steps, bool stopped) override;
  };

  void launch(std::unique_ptr<TrainingJob> job, SessionOptions options, const std::optional<LogFile>& log);
  void drain();
  void end_session();

  BackgroundTask* preparation_;  // builds the job off the GUI thread
  Mailbox mailbox_;
  std::unique_ptr<TrainingSession> session_;
  std::optional<SessionInfo> info_;
  QTimer drain_timer_;
  bool preparing_ = false, training_ = false;
};

}  // namespace lmlab::app
