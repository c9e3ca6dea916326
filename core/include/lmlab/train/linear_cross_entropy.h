#pragma once

#include <ATen/core/Tensor.h>

namespace lmlab {

struct LinearCrossEntropy {
  at::Tensor loss;     // mean over rows whose target is not kIgnoreLabel; differentiable
  at::Tensor correct;  // how many of those rows have the target as their top logit
};

// Cross-entropy of the logits hidden @ weight^T (+ bias) against targets, without ever
// holding all (N, V) logits: rows go through in chunks, and each chunk's softmax becomes
// its gradient right away (softmax - one_hot, scaled by 1/N), so the gradients for hidden,
// weight and bias are ready when the forward ends and backward only scales them. This
// skips the separate log-softmax, NLL and their backward passes over the full logits
// (bench/RESULTS.md: the vocabulary projection is a third of a GPT step).
// hidden: (N, C); weight: (V, C); bias: (V) or undefined; targets: (N) int64. 512 rows per
// chunk measured fastest on a 2-core EPYC at V 8192 and 16000 (a 16-32 MB block; at 1024
// rows the logits product falls from ~150 to ~110 GFLOP/s).
// Not for autocast: callers use the plain path there.
LinearCrossEntropy linear_cross_entropy(const at::Tensor& hidden, const at::Tensor& weight, const at::Tensor& bias,
                                        const at::Tensor& targets, int64_t chunk_rows = 512);

}  // namespace lmlab
