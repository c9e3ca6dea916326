#pragma once

#include "lmlab/dist/distributed_env.h"

#include "torch_compat.h"

#include <c10/core/Device.h>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>  // in 2.x it includes Backend.hpp
#include <torch/csrc/distributed/c10d/Store.hpp>

#include <string>

namespace lmlab::dist {

// The c10d process groups a data-parallel job connects, over the job's rendezvous store.
// Both throw lmlab::Error naming the rank and what failed.

// Gloo: collectives on host tensors (every job has one, for metrics and stop votes) and the
// gradients of a model on the CPU.
c10::intrusive_ptr<compat::CollectiveGroup> connect_gloo(const c10::intrusive_ptr<c10d::Store>& store,
                                                         const DistributedEnv& env);

// NCCL: the gradients of a model on a CUDA device. Throws when this LibTorch build or its
// headers give LM Lab no NCCL process group (Debian's CPU-only LibTorch 1.13).
c10::intrusive_ptr<compat::CollectiveGroup> connect_nccl(const c10::intrusive_ptr<c10d::Store>& store,
                                                         const DistributedEnv& env, c10::Device device);

// Ends an NCCL group from connect_nccl cleanly (its communicators and watchdog), as
// destroy_process_group does in Python; without it LibTorch warns of a leak at exit.
void shut_down_nccl(const c10::intrusive_ptr<compat::CollectiveGroup>& group) noexcept;

}  // namespace lmlab::dist
