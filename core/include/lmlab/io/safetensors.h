#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lmlab {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON
// header mapping names to dtype, shape and byte offsets, then the raw little-endian data.
// PyTorch (safetensors.torch.load_file) and Hugging Face tools read what this writes.
std::string encode_safetensors(const NamedTensors& tensors,
                               const std::map<std::string, std::string>& metadata = {});
// Writes atomically.
void write_safetensors(const std::string& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata = {});

// CPU tensors in file order. Throws lmlab::Error naming the file and, where there is one,
// the tensor at fault: truncated data, a header that is not JSON, unknown dtypes,
// offsets that overlap, leave holes or run past the end.
NamedTensors decode_safetensors(const std::string& bytes, const std::string& origin);
NamedTensors read_safetensors(const std::string& path);

}  // namespace lmlab
