#include "session_bridge.h"

#include "lmlab/train/freeze_state.h"

#include <QCoreApplication>
#include <QPointer>

#include <thread>

namespace lmlab::app {

void SessionBridge::Mailbox::on_step(const SessionStep& s) {
  std::lock_guard<std::mutex> lock(mutex);
  steps.push_back(s);
}

void SessionBridge::Mailbox::on_snapshot(const Snapshot& s) {
  std::lock_guard<std::mutex> lock(mutex);
  snapshot = s;  // only the latest matters
}

void SessionBridge::Mailbox::on_error(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex);
  error = message;
}

void SessionBridge::Mailbox::on_finished(int64_t count, bool stopped) {
  std::lock_guard<std::mutex> lock(mutex);
  done = std::make_pair(count, stopped);
}

SessionBridge::SessionBridge(QObject* parent) : QObject(parent) {
  drain_timer_.setInterval(50);
  connect(&drain_timer_, &QTimer::timeout, this, &SessionBridge::drain);
}

SessionBridge::~SessionBridge() { end_session(); }

void SessionBridge::start(JobFactory make_job, SessionOptions options) {
  if (busy()) return;
  end_session();  // the previous run's model, kept open for inspection
  preparing_ = true;
  QPointer<SessionBridge> self(this);
  std::thread([self, make_job = std::move(make_job), options] {
    std::unique_ptr<TrainingJob> job;
    QString error;
    try {
      job = make_job();
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    auto* raw = job.release();
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [self, raw, error, options] {
          std::unique_ptr<TrainingJob> owned(raw);
          if (!self) return;
          self->preparing_ = false;
          if (!error.isEmpty()) {
            Q_EMIT self->failed(error);
            return;
          }
          self->launch(std::move(owned), options);
        },
        Qt::QueuedConnection);
  }).detach();
}

void SessionBridge::launch(std::unique_ptr<TrainingJob> job, SessionOptions options) {
  {
    std::lock_guard<std::mutex> lock(mailbox_.mutex);
    mailbox_.steps.clear();
    mailbox_.snapshot.reset();
    mailbox_.error.reset();
    mailbox_.done.reset();
  }
  options.stay_open = true;
  info_ = job->info();
  session_ = std::make_unique<TrainingSession>(std::move(job), mailbox_, options);
  training_ = true;
  session_->start();
  drain_timer_.start();
  Q_EMIT started(*info_);
}

void SessionBridge::pause() {
  if (session_) session_->pause();
}

void SessionBridge::resume() {
  if (session_) session_->resume();
}

void SessionBridge::stop() {
  if (session_) session_->stop();
}

void SessionBridge::set_freeze(const QString& spec) {
  if (!session_ || !info_) return;
  const auto state = FreezeState::parse(spec.toStdString(), info_->layers);
  session_->post([state](TrainingJob& job) { job.set_freeze(state); });
}

void SessionBridge::set_learning_rate(double peak) {
  if (session_ && training_) session_->post([peak](TrainingJob& job) { job.set_learning_rate(peak); });
}

void SessionBridge::set_probe(const QString& probe) {
  if (session_) session_->set_probe(probe.toStdString());
}

bool SessionBridge::inspect(std::function<void(TrainingJob&)> command) {
  if (!session_) return false;
  session_->post(std::move(command));
  return true;
}

void SessionBridge::drain() {
  std::vector<SessionStep> steps;
  std::optional<Snapshot> snapshot;
  std::optional<std::string> error;
  std::optional<std::pair<int64_t, bool>> done;
  {
    std::lock_guard<std::mutex> lock(mailbox_.mutex);
    steps.swap(mailbox_.steps);
    snapshot.swap(mailbox_.snapshot);
    error.swap(mailbox_.error);
    done.swap(mailbox_.done);
  }
  if (!steps.empty()) Q_EMIT stepsArrived(steps);
  if (snapshot) Q_EMIT snapshotArrived(*snapshot);
  if (error) {
    end_session();
    Q_EMIT failed(QString::fromStdString(*error));
  } else if (done) {
    training_ = false;  // the session stays open for probes; the timer keeps delivering them
    Q_EMIT finished(done->first, done->second);
  }
}

void SessionBridge::end_session() {
  drain_timer_.stop();
  training_ = false;
  if (session_) {
    session_->close();
    session_->wait();
    session_.reset();
  }
}

}  // namespace lmlab::app
