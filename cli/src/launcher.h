#pragma once

#include "lmlab/dist/distributed_env.h"

#include <string>
#include <vector>

namespace lmlab::cli {

// lmlab-cli's arguments as given, for re-running the program as worker processes.
void remember_command_line(int argc, char** argv);

// --nproc N: runs this command as N worker processes on this machine, the ranks of one
// data-parallel job (the torchrun variables MASTER_ADDR=127.0.0.1, MASTER_PORT, RANK,
// WORLD_SIZE, LOCAL_RANK set for each). Waits for all; when one fails, names its rank and
// exit, stops the others and returns 1. Throws lmlab::Error when the port is in use.
int run_local_ranks(int nproc, int port, int timeout_s);

// CPU threads for one rank: the machine's cores shared by the ranks on it (LOCAL_WORLD_SIZE,
// else WORLD_SIZE), so N local ranks do not each start one thread per core.
int threads_per_rank(const DistributedEnv& job);

}  // namespace lmlab::cli
