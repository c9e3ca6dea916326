#include "lmlab/device_choice.h"

#include "lmlab/error.h"

#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/cuda.h>

namespace lmlab {

c10::Device resolve_device(const std::string& choice) {
  if (choice == "auto") return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  if (choice == "cpu") return c10::Device(c10::kCPU);
  if (choice.rfind("cuda", 0) == 0) {
    c10::Device device(c10::kCPU);
    try {
      device = c10::Device(choice);
    } catch (const c10::Error&) {
      throw Error("device '" + choice + "' is not auto, cpu, cuda or cuda:N");
    }
    // hasCUDART: LibTorch was built with the CUDA runtime (at::hasCUDA() also needs a GPU).
    if (!at::detail::getCUDAHooks().hasCUDART())
      throw Error("device '" + choice + "' was asked for, but this LibTorch is CPU-only (Debian's is; "
                  "scripts/cuda-build.sh builds LM Lab against one with CUDA, see README, CUDA)");
    if (!torch::cuda::is_available())
      throw Error("device '" + choice + "' was asked for: this LibTorch has CUDA, but it finds no GPU here "
                  "(no NVIDIA driver, or no device visible to this process)");
    const auto index = device.has_index() ? device.index() : 0;
    if (index >= static_cast<int>(torch::cuda::device_count()))
      throw Error("device '" + choice + "': there are only " + std::to_string(torch::cuda::device_count()) +
                  " CUDA devices");
    return c10::Device(c10::kCUDA, index);
  }
  throw Error("device '" + choice + "' is not auto, cpu, cuda or cuda:N");
}

std::string rank_device_choice(const std::string& choice, int local_rank) {
  const bool cuda_here = at::detail::getCUDAHooks().hasCUDART() && torch::cuda::is_available();
  // Without CUDA, resolve_device resolves "auto" to the CPU and says why "cuda" cannot be had.
  if ((choice != "cuda" && choice != "auto") || !cuda_here) return choice;
  const auto gpus = static_cast<int>(torch::cuda::device_count());
  if (local_rank >= gpus)
    throw Error("device '" + choice + "': local rank " + std::to_string(local_rank) + " needs a GPU of its own, and " +
                "this machine has " + std::to_string(gpus) + "; run at most " + std::to_string(gpus) +
                " processes per machine on CUDA, give each rank its GPU with --device cuda:N, or use --device cpu");
  return "cuda:" + std::to_string(local_rank);
}

}  // namespace lmlab
