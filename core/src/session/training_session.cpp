#include "lmlab/session/training_session.h"

#include "lmlab/error.h"

#include <chrono>

namespace lmlab {

TrainingSession::TrainingSession(std::unique_ptr<TrainingJob> job, SessionSink& sink, SessionOptions options)
    : job_(std::move(job)), sink_(sink), options_(options) {
  if (!job_) throw Error("a training session needs a job");
}

TrainingSession::~TrainingSession() {
  close();
  wait();
}

void TrainingSession::start() {
  if (thread_.joinable()) throw Error("the training session has already started");
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void TrainingSession::pause() { paused_ = true; }

// The flags are atomics read by wait predicates under mutex_: taking the mutex before notifying
// means a waiter is either before its check (and sees the flag) or already waiting (and wakes).
void TrainingSession::wake() {
  { std::lock_guard<std::mutex> lock(mutex_); }
  wake_.notify_all();
}

void TrainingSession::resume() {
  paused_ = false;
  wake();
}

void TrainingSession::stop() {
  stop_ = true;
  wake();
}

void TrainingSession::close() {
  closed_ = true;
  stop();
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

void TrainingSession::set_probe(const std::string& probe) {
  post([this, probe](TrainingJob& job) {
    job.set_probe(probe);
    sink_.on_snapshot(job.snapshot());
  });
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
  try {
    sink_.on_started(job_->info());
    train();
  } catch (const std::exception& e) {
    running_ = false;
    try {
      sink_.on_error(e.what());
    } catch (const std::exception&) {
      // A sink that cannot take the error (its log is unwritable) has nowhere left to report it.
    }
    return;
  }
  if (options_.stay_open) serve_until_closed();
}

void TrainingSession::train() {
  using Clock = std::chrono::steady_clock;
  auto last_snapshot = Clock::now() - std::chrono::hours(1);
  const auto should_stop = [this] { return options_.agree_to_stop ? options_.agree_to_stop(stop_) : stop_.load(); };
  int64_t steps = job_->info().first_step;
  for (;;) {
    drain_commands();
    if (paused_ && !stop_) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return !paused_ || stop_ || !commands_.empty(); });
      continue;
    }
    if (job_->done() || should_stop()) break;
    const auto step = job_->step();
    steps = step.step;
    if (step.measured) sink_.on_step(step);
    const auto now = Clock::now();
    if (options_.snapshots &&
        (now - last_snapshot >= std::chrono::milliseconds(options_.snapshot_interval_ms) || job_->done())) {
      sink_.on_snapshot(job_->snapshot());
      last_snapshot = now;
    }
    if (options_.stop_after_step > 0 && steps >= options_.stop_after_step) break;
  }
  // Stopped between metric reads (on a GPU): the steps since the last read still count.
  if (!job_->done())
    if (auto unread = job_->read_unread_metrics()) sink_.on_step(*unread);
  drain_commands();  // a save asked for just before the end still happens
  // A non-finite loss threw before this point, so a diverged model never overwrites the
  // checkpoint of the last good run.
  if (!options_.checkpoint_dir.empty()) job_->save(options_.checkpoint_dir);
  running_ = false;
  sink_.on_finished(steps, !job_->done());  // ended before the job's end: stopped
}

void TrainingSession::serve_until_closed() {
  while (!closed_) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return closed_ || !commands_.empty(); });
    }
    try {
      drain_commands();
    } catch (const std::exception& e) {
      sink_.on_error(e.what());
    }
  }
}

}  // namespace lmlab
