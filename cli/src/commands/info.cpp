#include "../command.h"

#include "lmlab/blas_kernels.h"
#include "lmlab/device.h"
#include "lmlab/version.h"

#include <iostream>

namespace lmlab::cli {

Command info_command() {
  return {"info",
          "Show the LM Lab and LibTorch versions and the device training would use",
          {{"json", "", "print one JSON object instead of text", ""}},
          [](const Options& options) {
            const DeviceInfo device = probe_devices();
            if (options.flag("json")) {
              std::cout << "{\"lmlab\":\"" << LMLAB_VERSION << "\",\"torch\":\""
                        << device.torch_version << "\",\"cuda\":"
                        << (device.cuda_available ? "true" : "false")
                        << ",\"cuda_devices\":" << device.cuda_device_count
                        << ",\"cpu_threads\":" << device.cpu_threads << ",\"blas\":\"" << blas_summary()
                        << "\"}\n";
            } else {
              std::cout << "LM Lab " << LMLAB_VERSION << "\nLibTorch " << device.torch_version
                        << "\nDevice: " << device.summary() << "\nBLAS: " << blas_summary() << "\n";
            }
            return 0;
          }};
}

}  // namespace lmlab::cli
