#pragma once

#include <ATen/core/Tensor.h>

namespace lmlab {

// Multi-head scaled dot-product attention for float32 on the CPU, computed one (sequence,
// head) pair at a time across threads, for LibTorch versions without a fused CPU kernel
// (1.13). Against the unfused matmul / mask / softmax / dropout / matmul chain it saves:
// the copies that make q, k, v and the output contiguous (it reads and writes the fused
// projection's (B, T, 3, H, D) layout and the (B, T, H, D) output in place), three passes
// over the (B, H, T, T) scores, and OpenBLAS's per-call threading on 128 x 64 products
// (each product runs single-threaded inside the parallel loop). Backward recomputes the
// dropout mask from its seed (dropout_noise.h) instead of storing it.
//
// qkv: (B, T, 3C) float32, contiguous, the fused projection's output; C = heads * D.
// key_padding: (B, T) bool, true for keys that are real tokens, or undefined.
// causal: query t sees keys <= t. dropout_p: on the probabilities (0 when evaluating).
// Returns (B, T, C), heads side by side as the output projection expects.
at::Tensor cpu_attention(const at::Tensor& qkv, int64_t heads, const at::Tensor& key_padding, bool causal,
                         double dropout_p);

}  // namespace lmlab
