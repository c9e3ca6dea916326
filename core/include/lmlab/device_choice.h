#pragma once

#include <c10/core/Device.h>

#include <string>

namespace lmlab {

// "auto" (CUDA when this LibTorch build and the machine have it, else CPU), "cpu", "cuda"
// or "cuda:N". Throws lmlab::Error when CUDA is asked for but not available.
c10::Device resolve_device(const std::string& choice);

}  // namespace lmlab
