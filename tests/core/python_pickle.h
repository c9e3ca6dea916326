#pragma once

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace lmlab::test {

// A state dict as Python's torch.save writes it (the zip format of PyTorch >= 1.6):
// archive/data.pkl, a protocol-2 pickle of a dict of tensors rebuilt by
// torch._utils._rebuild_tensor_v2 from persistent storages ('storage', torch.FloatStorage,
// key, 'cpu', numel), the storages' bytes in archive/data/<key>, and archive/version.
// A plain dict is what transformers' save_pretrained writes since 4.19; before, it saved
// nn.Module.state_dict() itself, a collections.OrderedDict carrying a _metadata attribute.
// float32 CPU tensors only.
enum class PickledDict { Plain, OrderedWithMetadata };
std::string python_torch_save(const std::vector<std::pair<std::string, at::Tensor>>& state, PickledDict kind);

}  // namespace lmlab::test
