#include "session_run.h"

#include "parallel_job.h"
#include "progress_bar.h"

#include "lmlab/error.h"
#include "lmlab/session/run_log.h"
#include "lmlab/session/training_session.h"

#include <atomic>
#include <csignal>
#include <iostream>
#include <optional>
#include <sstream>

namespace lmlab::cli {

namespace {

std::atomic<bool> interrupted{false};

// The run log to stdout (steps thinned out) and the log file, the progress bar on stderr; only
// the data-parallel leader speaks. Events arrive on the session thread.
class CliSink : public SessionSink {
 public:
  CliSink(const SessionRun& run, bool leader)
      : run_(run), leader_(leader),
        log_(run.config_json, run.checkpoint_dir,
             [this](const std::string& line, RunLogLine kind) { write(line, kind); }) {
    if (leader_ && !run.log_path.empty()) file_ = log_file_output(run.log_path, run.append_log);
  }

  void on_started(const SessionInfo& info) override {
    bar_.emplace(info.total_steps);
    log_.on_started(info);
  }
  void on_step(const SessionStep& step) override {
    step_ = step.step;
    log_.on_step(step);
    if (!leader_) return;
    std::ostringstream loss;
    loss << "loss " << step.loss;
    bar_->update(step.step, loss.str());
  }
  void on_error(const std::string& message) override {
    if (bar_) bar_->clear();
    error_ = message;
    if (run_.parallel) run_.parallel->report_failure(message);
    log_.on_error(message);
  }
  void on_finished(int64_t steps, bool stopped) override {
    if (bar_) bar_->clear();
    outcome_.steps = steps;
    outcome_.stopped = stopped;
    log_.on_finished(steps, stopped);
  }

  const std::optional<std::string>& error() const { return error_; }
  const SessionOutcome& outcome() const { return outcome_; }

 private:
  void write(const std::string& line, RunLogLine kind) {
    if (!leader_) return;
    if (file_) file_(line, kind);
    if (kind == RunLogLine::Start || (kind == RunLogLine::Step && step_ % run_.print_every != 0)) return;
    if (bar_) bar_->clear();
    std::cout << line << "\n" << std::flush;
  }

  const SessionRun& run_;
  bool leader_;
  RunLogSink log_;
  RunLogSink::Output file_;
  std::optional<ProgressBar> bar_;
  int64_t step_ = 0;
  std::optional<std::string> error_;
  SessionOutcome outcome_;
};

}  // namespace

SessionRun session_run_from(const Options& o, std::string config_json, int64_t total_steps, bool resumed,
                            DataParallel* parallel) {
  SessionRun run;
  run.config_json = std::move(config_json);
  run.log_path = o.has("log") ? o.text("log") : "";
  run.append_log = resumed;
  run.print_every = o.integer("log-every", 1, 1'000'000);
  run.checkpoint_dir = o.text("out");
  // --stop-at N: save a checkpoint --resume continues exactly, after step N (split a long run).
  if (o.given("stop-at")) run.stop_after_step = o.integer("stop-at", 1, total_steps);
  run.parallel = parallel;
  return run;
}

void check_run_outputs(const Options& o, const FolderKind& kind, const std::vector<std::string>& inputs) {
  check_output_folder(o.text("out"), kind, inputs);
  if (o.has("log")) check_output_file(o.text("log"), "run log");
}

SessionOutcome run_session(std::unique_ptr<TrainingJob> job, const SessionRun& run) {
  const bool leader = !run.parallel || run.parallel->leader();
  CliSink sink(run, leader);
  SessionOptions options;
  options.snapshots = false;
  options.checkpoint_dir = leader ? run.checkpoint_dir : std::string();
  options.stop_after_step = run.stop_after_step;
  options.agree_to_stop = [&run](bool told) { return stop_requested(run.parallel, interrupted) || told; };
  interrupted = false;
  const auto previous_handler = std::signal(SIGINT, [](int) { interrupted = true; });
  {
    TrainingSession session(std::move(job), sink, options);
    session.start();
    session.wait();
  }
  std::signal(SIGINT, previous_handler);
  if (sink.error()) throw Error(*sink.error());
  auto outcome = sink.outcome();
  outcome.interrupted = interrupted;
  return outcome;
}

}  // namespace lmlab::cli
