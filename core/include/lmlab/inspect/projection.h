#pragma once

#include <ATen/core/Tensor.h>

#include <vector>

namespace lmlab {

// Rows of x (N, D) on their first principal components, for a 2-D picture of representations.
struct Projection {
  at::Tensor points;                     // (N, k) float: coordinates along each component
  std::vector<double> explained_share;   // per component: its share of the total variance
};

// PCA by SVD of the centred rows. Each component's sign is fixed so that its largest loading is
// positive, so the picture does not flip between two snapshots of the same representation.
// Throws lmlab::Error for fewer than two rows or k outside [1, min(N, D)].
Projection principal_components(const at::Tensor& x, int64_t k = 2);

}  // namespace lmlab
