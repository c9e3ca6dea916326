#include "lmlab/session/training_session.h"

#include "lmlab/error.h"

#include <chrono>

namespace lmlab {

TrainingSession::TrainingSession(std::unique_ptr<TrainingJob> job, SessionSink& sink, SessionOptions options)
    : job_(std::move(job)), sink_(sink), options_(options) {
  if (!job_) throw Error("a training session needs a job");
}

TrainingSession::~TrainingSession() {
  stop();
  wait();
}

void TrainingSession::start() {
  if (thread_.joinable()) throw Error("the training session has already started");
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void TrainingSession::pause() { paused_ = true; }

void TrainingSession::resume() {
  paused_ = false;
  wake_.notify_all();
}

void TrainingSession::stop() {
  stop_ = true;
  wake_.notify_all();
}

void TrainingSession::wait() {
  if (thread_.joinable()) thread_.join();
}

void TrainingSession::post(std::function<void(TrainingJob&)> command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands_.push_back(std::move(command));
  }
  wake_.notify_all();
}

void TrainingSession::save(const std::string& dir) {
  post([dir](TrainingJob& job) { job.save(dir); });
}

void TrainingSession::drain_commands() {
  std::deque<std::function<void(TrainingJob&)>> pending;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending.swap(commands_);
  }
  for (auto& command : pending) command(*job_);
}

void TrainingSession::run() {
  using Clock = std::chrono::steady_clock;
  auto last_snapshot = Clock::now() - std::chrono::hours(1);
  int64_t steps = 0;
  try {
    while (!stop_) {
      drain_commands();
      if (paused_) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [this] { return !paused_ || stop_ || !commands_.empty(); });
        continue;
      }
      if (job_->done()) break;
      const auto step = job_->step();
      steps = step.step;
      sink_.on_step(step);
      const auto now = Clock::now();
      if (now - last_snapshot >= std::chrono::milliseconds(options_.snapshot_interval_ms) || job_->done()) {
        sink_.on_snapshot(job_->snapshot());
        last_snapshot = now;
      }
    }
    drain_commands();  // a save asked for just before the end still happens
  } catch (const std::exception& e) {
    running_ = false;
    sink_.on_error(e.what());
    return;
  }
  running_ = false;
  sink_.on_finished(steps, stop_);
}

}  // namespace lmlab
