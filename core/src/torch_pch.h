// Precompiled for every core translation unit: LibTorch's headers dominate build time.
// Keep this to the parts of torch the core really uses.
#pragma once

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/types.h>
