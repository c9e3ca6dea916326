#pragma once

#include "lmlab/session/training_job.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace lmlab {

struct SessionOptions {
  bool snapshots = true;           // probe snapshots for live views (the CLI has none to show)
  int snapshot_interval_ms = 100;  // at most one probe snapshot per interval
  std::string checkpoint_dir;      // non-empty: saved there when training ends (done or stopped)
  // After training ends the thread keeps serving commands (a new probe, generation) on the
  // trained model until close(), so a learner can go on questioning it.
  bool stay_open = false;
  int64_t stop_after_step = 0;     // > 0: training stops after this step, as if stop() came then
  // Asked before every step with whether this session was told to stop; training stops when it
  // says so. Data-parallel ranks agree here, so that all of them stop at the same step.
  std::function<bool(bool told_to_stop)> agree_to_stop;
};

// Runs a TrainingJob on its own thread. Commands from other threads are queued and applied
// at the next step boundary; stop() is an atomic flag checked between steps, so it takes
// effect within one step. Events go to the sink on the session thread.
class TrainingSession {
 public:
  TrainingSession(std::unique_ptr<TrainingJob> job, SessionSink& sink, SessionOptions options = {});
  ~TrainingSession();  // stops and joins
  TrainingSession(const TrainingSession&) = delete;
  TrainingSession& operator=(const TrainingSession&) = delete;

  void start();
  void pause();
  void resume();
  void stop();   // training ends within one step
  void close();  // stop, and end the thread even when it stays open
  void wait();   // until the thread has finished
  // Runs command on the session thread between two steps, with the job (freeze a layer,
  // change a learning rate, ...).
  void post(std::function<void(TrainingJob&)> command);
  void save(const std::string& dir);  // a checkpoint at the next step boundary
  // Later snapshots use this probe; one is sent at the next step boundary (or at once when
  // paused or finished).
  void set_probe(const std::string& probe);

  bool running() const { return running_; }

 private:
  void run();
  void train();
  void serve_until_closed();
  void drain_commands();
  void wake();

  std::unique_ptr<TrainingJob> job_;
  SessionSink& sink_;
  SessionOptions options_;
  std::thread thread_;
  std::atomic<bool> stop_{false}, closed_{false}, paused_{false}, running_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(TrainingJob&)>> commands_;
};

}  // namespace lmlab
