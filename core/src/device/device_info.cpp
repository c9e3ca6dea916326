#include "lmlab/device.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <dlfcn.h>

#include <algorithm>
#include <thread>

namespace lmlab {
namespace {

// LibTorch's C++ API has no device-name query without CUDA headers, which a CPU build of
// LM Lab does not have; the driver library answers it on any machine where CUDA works.
std::string cuda_device_name() {
  void* driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!driver) return "CUDA device";
  using InitFn = int (*)(unsigned);
  using GetFn = int (*)(int*, int);
  using NameFn = int (*)(char*, int, int);
  auto init = reinterpret_cast<InitFn>(dlsym(driver, "cuInit"));
  auto get = reinterpret_cast<GetFn>(dlsym(driver, "cuDeviceGet"));
  auto name = reinterpret_cast<NameFn>(dlsym(driver, "cuDeviceGetName"));
  char buf[256] = {};
  int device = 0;
  std::string result = "CUDA device";
  if (init && get && name && init(0) == 0 && get(&device, 0) == 0 &&
      name(buf, sizeof buf, device) == 0)
    result = buf;
  dlclose(driver);
  return result;
}

}  // namespace

std::string DeviceInfo::summary() const {
  if (cuda_available) {
    std::string s = "CUDA: " + cuda_device_name;
    if (cuda_device_count > 1) s += " (+" + std::to_string(cuda_device_count - 1) + " more)";
    return s;
  }
  return "CPU: " + std::to_string(cpu_threads) + (cpu_threads == 1 ? " thread" : " threads");
}

DeviceInfo probe_devices() {
  DeviceInfo info;
  info.cuda_available = torch::cuda::is_available();
  info.cuda_device_count = info.cuda_available ? static_cast<int>(torch::cuda::device_count()) : 0;
  if (info.cuda_available) info.cuda_device_name = cuda_device_name();
  info.cpu_threads = at::get_num_threads();
  info.torch_version = std::to_string(TORCH_VERSION_MAJOR) + "." +
                       std::to_string(TORCH_VERSION_MINOR) + "." +
                       std::to_string(TORCH_VERSION_PATCH);
  return info;
}

}  // namespace lmlab

namespace lmlab {

void set_cpu_threads(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(threads);
}

}  // namespace lmlab
