#include "lmlab/device.h"

#include <gtest/gtest.h>

#include <thread>

TEST(Device, ProbeReportsTorchVersionAndThreads) {
  lmlab::set_cpu_threads(0);
  const auto info = lmlab::probe_devices();
  EXPECT_EQ(info.cpu_threads, static_cast<int>(std::thread::hardware_concurrency()));
  EXPECT_FALSE(info.torch_version.empty());
  if (info.cuda_available) {
    EXPECT_EQ(info.summary().rfind("CUDA: ", 0), 0u) << info.summary();
  } else {
    EXPECT_EQ(info.summary(), "CPU: " + std::to_string(info.cpu_threads) +
                                  (info.cpu_threads == 1 ? " thread" : " threads"));
  }
}

TEST(Device, SetCpuThreadsTakesEffect) {
  lmlab::set_cpu_threads(1);
  EXPECT_EQ(lmlab::probe_devices().cpu_threads, 1);
  lmlab::set_cpu_threads(0);
}
