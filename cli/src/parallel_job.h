#pragma once

#include "options.h"

#include "lmlab/dist/data_parallel.h"

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace lmlab::cli {

// What pretrain, finetune and distill share to run data-parallel: --nproc N starts N local
// ranks (launcher.h); a process started by a launcher (torchrun's variables set) joins the
// job, with its share of the machine's cores.

// The options: --nproc, --master-port, --dist-timeout.
std::vector<OptionSpec> parallel_options();

// With --nproc N > 1 (and not already a rank): runs the N ranks and returns their exit code.
std::optional<int> run_ranks_if_asked(const Options& o);

// As a rank: joins the job (and sets this rank's CPU threads unless --threads says), and
// turns device (a request's --device) into this rank's own (rank_device_choice); otherwise
// applies --threads and returns null.
std::shared_ptr<DataParallel> join_job_if_rank(const Options& o, std::string& device);

// The line a leader prints when the job has started: processes, backend, batch sharing.
std::string parallel_summary(const DataParallel& parallel, int64_t batch);

// Ctrl-C reaches the ranks at different steps; they agree to stop at the same one.
bool stop_requested(DataParallel* parallel, std::atomic<bool>& interrupted);

}  // namespace lmlab::cli
