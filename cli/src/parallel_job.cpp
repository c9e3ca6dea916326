#include "parallel_job.h"

#include "launcher.h"

#include "lmlab/device.h"
#include "lmlab/device_choice.h"

#include <cstdlib>

namespace lmlab::cli {

std::vector<OptionSpec> parallel_options() {
  return {{"nproc", "N", "data-parallel: run N worker processes on this machine (Gloo; NCCL on CUDA)", ""},
          {"master-port", "P", "data-parallel: rank 0's port with --nproc", "29500"},
          {"dist-timeout", "S", "data-parallel: seconds to wait for the other ranks", "60"}};
}

std::optional<int> run_ranks_if_asked(const Options& o) {
  if (distributed_env_from_environment() || !o.has("nproc")) return std::nullopt;
  const int nproc = static_cast<int>(o.integer("nproc", 1, 256));
  if (nproc < 2) return std::nullopt;
  return run_local_ranks(nproc, static_cast<int>(o.integer("master-port", 1, 65535)),
                         static_cast<int>(o.integer("dist-timeout", 1, 86400)));
}

std::shared_ptr<DataParallel> join_job_if_rank(const Options& o, std::string& device) {
  auto job = distributed_env_from_environment();
  if (job && !std::getenv("LMLAB_DIST_TIMEOUT_S"))
    job->timeout = std::chrono::seconds(o.integer("dist-timeout", 1, 86400));
  if (o.has("threads"))
    set_cpu_threads(static_cast<int>(o.integer("threads", 0, 1024)));
  else if (job)
    set_cpu_threads(threads_per_rank(*job));
  if (!job) return nullptr;
  device = rank_device_choice(device, job->local_rank);
  return std::make_shared<DataParallel>(*job);
}

std::string parallel_summary(const DataParallel& parallel, int64_t batch) {
  return "data-parallel over " + std::to_string(parallel.world_size()) + " processes (" + parallel.backend() +
         "); each trains its share of every batch of " + std::to_string(batch);
}

bool stop_requested(DataParallel* parallel, std::atomic<bool>& interrupted) {
  if (!parallel) return interrupted;
  std::vector<double> votes{interrupted ? 1.0 : 0.0};
  parallel->sum(votes);
  if (votes[0] > 0) interrupted = true;
  return interrupted;
}

}  // namespace lmlab::cli
