#pragma once

#include "options.h"

#include "lmlab/dist/data_parallel.h"
#include "lmlab/io/output_folder.h"
#include "lmlab/session/training_job.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lmlab::cli {

// How lmlab-cli runs a job: on a TrainingSession like the app's, its events written as the run
// log (run_log.h) to stdout and, with --log, to a file, with a progress bar on a terminal.
struct SessionRun {
  std::string config_json;     // the run's settings, for the log's start line
  std::string log_path;        // empty: no log file
  bool append_log = false;     // a resumed run's log goes on
  int64_t print_every = 1;     // step lines on stdout every N steps (evaluations and the end always)
  std::string checkpoint_dir;  // empty: nothing is saved
  int64_t stop_after_step = 0; // > 0: stop after this step (the checkpoint can be resumed)
  // Data-parallel: the ranks agree when to stop, and the leader alone prints, logs and saves.
  DataParallel* parallel = nullptr;
};

struct SessionOutcome {
  int64_t steps = 0;         // the last step taken (of the whole run, a resumed one's included)
  bool stopped = false;      // ended before the job's end (asked to, or Ctrl-C)
  bool interrupted = false;  // by Ctrl-C
};

// What the training commands' own options ask for (--out, --log, --log-every, --stop-at, checked
// against the run's total_steps), with the run's settings for the log's start line; a resumed
// run's log goes on rather than starting over.
SessionRun session_run_from(const Options& o, std::string config_json, int64_t total_steps, bool resumed,
                            DataParallel* parallel);

// Before any work: --out can take a folder of kind (never one of inputs, nor another kind of
// folder) and --log can be written. Throws lmlab::Error naming the option's path and the cause.
void check_run_outputs(const Options& o, const FolderKind& kind, const std::vector<std::string>& inputs);

// Runs job until it ends, stops at run.stop_after_step or is interrupted (Ctrl-C stops it at a
// step boundary, and the checkpoint is still saved). Throws lmlab::Error with the job's error
// (a non-finite loss, an unreadable batch), after the log has recorded it.
SessionOutcome run_session(std::unique_ptr<TrainingJob> job, const SessionRun& run);

}  // namespace lmlab::cli
