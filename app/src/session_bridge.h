#pragma once

#include "lmlab/session/pretrain_request.h"
#include "lmlab/session/training_session.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace lmlab::app {

// The one adapter between a core TrainingSession and the views. Building the job (tokenizer,
// model) and training happen on background threads; the session's sink only fills a
// mailbox (steps appended, the latest snapshot replacing the previous one), and the GUI
// thread drains it on a timer at 20 Hz, so a fast trainer can never flood the event loop.
class SessionBridge : public QObject {
  Q_OBJECT
 public:
  explicit SessionBridge(QObject* parent = nullptr);
  ~SessionBridge() override;

  void start(const PretrainRequest& request);
  void pause();
  void resume();
  void stop();
  bool busy() const { return preparing_ || session_ != nullptr; }

 Q_SIGNALS:
  void started();
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
    void on_step(const SessionStep& s) override;
    void on_snapshot(const Snapshot& s) override;
    void on_error(const std::string& message) override;
    void on_finished(int64_t steps, bool stopped) override;
  };

  void launch(std::unique_ptr<TrainingJob> job);
  void drain();
  void end_session();

  Mailbox mailbox_;
  std::unique_ptr<TrainingSession> session_;
  QTimer drain_timer_;
  bool preparing_ = false;
};

}  // namespace lmlab::app
