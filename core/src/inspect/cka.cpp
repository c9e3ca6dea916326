#include "lmlab/inspect/cka.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>

#include <string>

namespace lmlab {

double linear_cka(const at::Tensor& x, const at::Tensor& y) {
  if (x.dim() != 2 || y.dim() != 2 || x.size(0) != y.size(0))
    throw Error("CKA compares two (examples, features) matrices of the same examples");
  if (x.size(0) < 2) throw Error("CKA needs at least two examples, got " + std::to_string(x.size(0)));
  // Double precision: the Gram-free form below squares values, and float32 loses the 1 of CKA(x, x).
  const auto cx = x.to(at::kDouble) - x.to(at::kDouble).mean(0, true);  // (N, D1)
  const auto cy = y.to(at::kDouble) - y.to(at::kDouble).mean(0, true);  // (N, D2)
  const double cross = cy.t().mm(cx).square().sum().item<double>();
  const double self_x = cx.t().mm(cx).norm().item<double>();
  const double self_y = cy.t().mm(cy).norm().item<double>();
  return self_x > 0 && self_y > 0 ? cross / (self_x * self_y) : 0.0;
}

}  // namespace lmlab
