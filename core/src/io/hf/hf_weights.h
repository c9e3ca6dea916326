#pragma once

#include "lmlab/io/safetensors.h"

#include <string>

namespace lmlab::hf {

// Every tensor of a Hugging Face model folder, floating point ones as float32, read from
// model.safetensors, a sharded model.safetensors.index.json, or pytorch_model.bin (PyTorch's
// zip format through LibTorch's unpickler; the legacy pre-1.6 format is refused). Throws
// lmlab::Error naming the folder or file.
NamedTensors read_weights(const std::string& folder);

}  // namespace lmlab::hf
