#include "session_bridge.h"

#include "background_task.h"
#include "error_text.h"

#include "lmlab/train/freeze_state.h"


namespace lmlab::app {

void SessionBridge::Mailbox::on_started(const SessionInfo& info) {
  if (log) log->on_started(info);
}

void SessionBridge::Mailbox::on_step(const SessionStep& s) {
  if (log) log->on_step(s);
  std::lock_guard<std::mutex> lock(mutex);
  steps.push_back(s);
}

void SessionBridge::Mailbox::on_snapshot(const Snapshot& s) {
  std::lock_guard<std::mutex> lock(mutex);
  snapshot = s;  // only the latest matters
}

void SessionBridge::Mailbox::on_error(const std::string& message) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    error = message;
  }
  if (log) log->on_error(message);
}

void SessionBridge::Mailbox::on_finished(int64_t count, bool stopped) {
  if (log) log->on_finished(count, stopped);
  std::lock_guard<std::mutex> lock(mutex);
  done = std::make_pair(count, stopped);
}

SessionBridge::SessionBridge(QObject* parent) : QObject(parent), preparation_(new BackgroundTask(this)) {
  drain_timer_.setInterval(50);
  connect(&drain_timer_, &QTimer::timeout, this, &SessionBridge::drain);
  connect(preparation_, &BackgroundTask::ended, this, [this](bool replied) {
    if (replied || !preparing_) return;
    preparing_ = false;
    Q_EMIT finished(0, true);
  });
}

SessionBridge::~SessionBridge() { end_session(); }

void SessionBridge::start(JobFactory make_job, SessionOptions options, std::optional<LogFile> log) {
  if (busy()) return;
  end_session();  // the previous run's model, kept open for inspection
  preparing_ = true;
  preparation_->start([this, make_job = std::move(make_job), options, log](const TaskControl&) -> BackgroundTask::Reply {
    // A copyable holder: the reply is a std::function.
    auto job = std::shared_ptr<std::unique_ptr<TrainingJob>>(new std::unique_ptr<TrainingJob>());
    QString error;
    try {
      *job = make_job();
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, job, error, options, log] {
      preparing_ = false;
      if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return;
      }
      launch(std::move(*job), options, log);
    };
  });
}

void SessionBridge::launch(std::unique_ptr<TrainingJob> job, SessionOptions options, const std::optional<LogFile>& log) {
  {
    std::lock_guard<std::mutex> lock(mailbox_.mutex);
    mailbox_.steps.clear();
    mailbox_.snapshot.reset();
    mailbox_.error.reset();
    mailbox_.done.reset();
  }
  mailbox_.log.reset();
  if (log) {
    try {
      mailbox_.log = std::make_unique<RunLogSink>(log->config_json, options.checkpoint_dir,
                                                  log_file_output(log->path, /*append=*/false));
    } catch (const std::exception& e) {
      Q_EMIT failed(error_text(e));
      return;
    }
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
  // Stopped while the job is still being prepared: the preparation ends as stopped, after
  // nothing trained.
  if (preparing_) preparation_->cancel();
}

void SessionBridge::set_freeze(const QString& spec) {
  if (!session_ || !info_) return;
  const auto state = FreezeState::parse(spec.toStdString(), info_->layers);
  session_->post([state](TrainingJob& job) { freeze_control(job).set_freeze(state); });
}

void SessionBridge::set_learning_rate(double peak) {
  if (session_ && training_) session_->post([peak](TrainingJob& job) { learning_rate_control(job).set_learning_rate(peak); });
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
