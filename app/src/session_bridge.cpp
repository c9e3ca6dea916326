#include "session_bridge.h"

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

void SessionBridge::start(const PretrainRequest& request) {
  if (busy()) return;
  preparing_ = true;
  QPointer<SessionBridge> self(this);
  // Reading the corpus and training its tokenizer take seconds: not on the GUI thread.
  std::thread([self, request] {
    std::unique_ptr<TrainingJob> job;
    QString error;
    try {
      job = make_pretrain_job(request);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    auto* raw = job.release();
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [self, raw, error] {
          std::unique_ptr<TrainingJob> owned(raw);
          if (!self) return;
          self->preparing_ = false;
          if (!error.isEmpty()) {
            Q_EMIT self->failed(error);
            return;
          }
          self->launch(std::move(owned));
        },
        Qt::QueuedConnection);
  }).detach();
}

void SessionBridge::launch(std::unique_ptr<TrainingJob> job) {
  {
    std::lock_guard<std::mutex> lock(mailbox_.mutex);
    mailbox_.steps.clear();
    mailbox_.snapshot.reset();
    mailbox_.error.reset();
    mailbox_.done.reset();
  }
  session_ = std::make_unique<TrainingSession>(std::move(job), mailbox_);
  session_->start();
  drain_timer_.start();
  Q_EMIT started();
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
    end_session();
    Q_EMIT finished(done->first, done->second);
  }
}

void SessionBridge::end_session() {
  drain_timer_.stop();
  if (session_) {
    session_->stop();
    session_->wait();
    session_.reset();
  }
}

}  // namespace lmlab::app
