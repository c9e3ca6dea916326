#include "process_groups.h"

#include "lmlab/error.h"

// USE_C10D_NCCL comes from LibTorch's own CMake targets (a CUDA build with NCCL);
// LMLAB_NCCL_HEADERS from core/CMakeLists.txt, which found the nccl.h its headers include.
#if defined(USE_C10D_NCCL) && LMLAB_NCCL_HEADERS
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#define LMLAB_HAS_NCCL 1
#else
#define LMLAB_HAS_NCCL 0
#endif

namespace lmlab::dist {

c10::intrusive_ptr<compat::CollectiveGroup> connect_nccl(const c10::intrusive_ptr<c10d::Store>& store,
                                                         const DistributedEnv& env, c10::Device device) {
  const std::string rank = "rank " + std::to_string(env.rank);
#if LMLAB_HAS_NCCL
  auto options = c10d::ProcessGroupNCCL::Options::create();
  options->timeout = env.timeout;
  try {
    // Its own key space in the store: the Gloo group already rendezvoused there.
    auto nccl_store = c10::make_intrusive<c10d::PrefixStore>("lmlab/nccl", store);
    return c10::make_intrusive<c10d::ProcessGroupNCCL>(nccl_store, env.rank, env.world_size, options);
  } catch (const std::exception& e) {
    const std::string what = e.what();
    throw Error("could not connect the NCCL process group (" + rank + ", " + device.str() +
                "): " + what.substr(0, what.find('\n')));
  }
#else
  (void)store;
  throw Error(rank + "'s model is on " + device.str() +
              ", but this LibTorch build gives LM Lab no NCCL process group for CUDA tensors (Debian's LibTorch "
              "is CPU-only; scripts/cuda-build.sh builds against PyTorch's CUDA LibTorch); use --device cpu");
#endif
}

void shut_down_nccl(const c10::intrusive_ptr<compat::CollectiveGroup>& group) noexcept {
#if LMLAB_HAS_NCCL
  try {
    group->shutdown();
  } catch (...) {
    // A failed shutdown at the end of a job leaves nothing for the caller to do.
  }
#else
  (void)group;  // connect_nccl never made one
#endif
}

}  // namespace lmlab::dist
