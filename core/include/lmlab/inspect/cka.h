#pragma once

#include <ATen/core/Tensor.h>

namespace lmlab {

// Linear centered kernel alignment (Kornblith et al., 2019) between two representations of the
// same N examples, x (N, D1) and y (N, D2): ||yᵀx||²_F / (||xᵀx||_F ||yᵀy||_F) after centering
// each column. 1 for the same representation up to rotation and scale, near 0 for unrelated
// ones. Throws lmlab::Error when the row counts differ or there are fewer than two rows.
double linear_cka(const at::Tensor& x, const at::Tensor& y);

}  // namespace lmlab
