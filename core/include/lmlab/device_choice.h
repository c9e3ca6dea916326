#pragma once

#include <c10/core/Device.h>

#include <string>

namespace lmlab {

// "auto" (CUDA when this LibTorch build and the machine have it, else CPU), "cpu", "cuda"
// or "cuda:N". Throws lmlab::Error when CUDA is asked for but not available.
c10::Device resolve_device(const std::string& choice);

// The choice for one rank of a data-parallel job: "auto" (where CUDA is available) and
// "cuda" become "cuda:<local_rank>", each of a machine's ranks on its own GPU as NCCL needs
// (and as torchrun jobs do); "cpu" and an explicit "cuda:N" stay. Throws lmlab::Error when
// the machine has fewer GPUs than that local rank needs.
std::string rank_device_choice(const std::string& choice, int local_rank);

}  // namespace lmlab
