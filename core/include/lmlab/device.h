#pragma once

#include <string>

namespace lmlab {

// What the machine offers for training, in plain types so the GUI can show it without
// including torch.
struct DeviceInfo {
  bool cuda_available = false;
  int cuda_device_count = 0;
  std::string cuda_device_name;  // of device 0; empty without CUDA
  int cpu_threads = 1;           // torch's intra-op thread count
  std::string torch_version;     // e.g. "1.13.0"

  // "CUDA: NVIDIA H200" or "CPU: 2 threads"
  std::string summary() const;
};

DeviceInfo probe_devices();

// Sets torch's intra-op CPU threads; 0 means one per hardware thread. Call it once at start:
// LibTorch's OpenMP default can be a single thread even on a multi-core machine.
void set_cpu_threads(int threads);

}  // namespace lmlab
