#include "lmlab/inspect/projection.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <string>

namespace lmlab {

Projection principal_components(const at::Tensor& x, int64_t k) {
  if (x.dim() != 2 || x.size(0) < 2) throw Error("a projection needs at least two rows of features");
  if (k < 1 || k > std::min(x.size(0), x.size(1)))
    throw Error("a projection onto " + std::to_string(k) + " components needs at least as many rows and features");
  const auto centred = x.to(at::kDouble) - x.to(at::kDouble).mean(0, true);  // (N, D)
  const auto [u, s, vh] = at::linalg_svd(centred, false);  // u (N, r), s (r), vh (r, D)
  auto components = vh.slice(0, 0, k);                     // (k, D)
  // Fix each component's sign by its largest loading.
  const auto largest = components.abs().argmax(1, true);                 // (k, 1)
  const auto signs = components.gather(1, largest).sign().clamp_min(0) * 2 - 1;  // (k, 1): +1 or -1
  components = components * signs;
  Projection out;
  out.points = centred.mm(components.t()).to(at::kFloat);  // (N, k)
  const auto variance = s.square();
  const double total = variance.sum().item<double>();
  for (int64_t i = 0; i < k; ++i) out.explained_share.push_back(total > 0 ? variance[i].item<double>() / total : 0.0);
  return out;
}

}  // namespace lmlab
