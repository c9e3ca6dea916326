#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace lmlab {

// Where this process sits in a data-parallel job, as torchrun describes it: MASTER_ADDR,
// MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK. LM Lab's own launcher (--nproc) sets the same
// variables, so a job runs the same under it, under torchrun-style launchers and across
// machines.
struct DistributedEnv {
  int rank = 0;
  int world_size = 1;
  int local_rank = 0;
  std::string master_addr = "127.0.0.1";
  int master_port = 29500;
  // How long a rank waits for the others (to arrive, or inside a collective) before failing.
  std::chrono::milliseconds timeout{60000};

  // The variables a worker process gets.
  std::map<std::string, std::string> variables() const;
};

// The job this process belongs to, or nothing when WORLD_SIZE is unset (a single process).
// Throws lmlab::Error naming the variable that is missing or malformed.
std::optional<DistributedEnv> distributed_env_from(const std::map<std::string, std::string>& variables);
std::optional<DistributedEnv> distributed_env_from_environment();

}  // namespace lmlab
