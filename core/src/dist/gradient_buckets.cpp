#include "gradient_buckets.h"

#include <ATen/ATen.h>

namespace lmlab::dist {

GradientBuckets::GradientBuckets(const std::vector<at::Tensor>& params, int64_t bucket_bytes) {
  slots.resize(params.size());
  trainable.resize(params.size());
  std::vector<std::vector<size_t>> members;
  int64_t bytes = bucket_bytes;  // start a bucket at the first trainable parameter
  for (size_t i = params.size(); i-- > 0;) {
    trainable[i] = params[i].requires_grad();
    if (!trainable[i]) continue;
    if (bytes >= bucket_bytes) {
      members.emplace_back();
      bytes = 0;
    }
    members.back().push_back(i);
    bytes += params[i].numel() * static_cast<int64_t>(params[i].element_size());
  }
  for (size_t b = 0; b < members.size(); ++b) {
    int64_t offset = 0;
    for (size_t i : members[b]) {
      slots[i] = {static_cast<int64_t>(b), offset, params[i].numel()};
      offset += params[i].numel();
    }
    // On the parameters' device: the all-reduce runs where the gradients are.
    const auto& first = params[members[b].front()];
    buckets.push_back({at::zeros({offset}, first.options().requires_grad(false)), static_cast<int64_t>(members[b].size())});
  }
}

}  // namespace lmlab::dist
