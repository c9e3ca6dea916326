#pragma once

#include "lmlab/model_config.h"

#include <ATen/ATen.h>

namespace lmlab {

inline at::Tensor activate(const at::Tensor& x, Activation activation) {
  return at::gelu(x, activation == Activation::GeluTanh ? "tanh" : "none");
}

}  // namespace lmlab
