#pragma once

#include <gtest/gtest.h>
#include <torch/cuda.h>

// The CUDA tests (suite Cuda, ctest label `cuda`) skip, saying why, where there is no GPU.
#define LMLAB_SKIP_WITHOUT_CUDA()                                                                    \
  if (!torch::cuda::is_available())                                                                  \
  GTEST_SKIP() << "no CUDA device here (torch::cuda::is_available() is false; Debian's LibTorch is " \
                  "CPU-only): these run in scripts/gpu-check.sh"
