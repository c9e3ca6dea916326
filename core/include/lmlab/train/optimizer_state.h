#pragma once

#include "lmlab/io/safetensors.h"

#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <string>

namespace lmlab {

// AdamW's moments and step counts by parameter name ("<name>.exp_avg", "<name>.exp_avg_sq",
// "<name>.step"), for checkpoints that resume training exactly. Parameters the optimizer has
// not stepped yet (frozen so far) have none.
NamedTensors adamw_state(torch::nn::Module& module, torch::optim::AdamW& optimizer);

// The AdamW state of one parameter, or null when the optimizer has none for it (not stepped yet).
const torch::optim::AdamWParamState* adamw_param_state(torch::optim::Optimizer& optimizer, const at::Tensor& parameter);

// Puts saved moments back. Throws lmlab::Error naming origin and the tensor that is missing or
// of the wrong shape.
void restore_adamw_state(torch::nn::Module& module, torch::optim::AdamW& optimizer, const NamedTensors& tensors,
                         const std::string& origin);

// torch's shared CPU generator (dropout masks, new heads' initialisation) as the tensor
// "lmlab.cpu_generator", added to a trainer's resume tensors and put back from them.
void add_cpu_generator_state(NamedTensors& tensors);
void restore_cpu_generator_state(const NamedTensors& tensors, const std::string& origin);

}  // namespace lmlab
