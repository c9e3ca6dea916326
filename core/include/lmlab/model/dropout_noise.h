#pragma once

#include <cstdint>

namespace lmlab {

// The counter-based noise behind lmlab::dropout, for kernels that apply dropout themselves
// (cpu_attention.h): element i of a tensor gets 0 with probability p (16-bit resolution)
// and 1 / (1 - p) otherwise, a pure function of (seed, i). So a backward pass regenerates
// the forward's mask instead of storing it, and any split across threads gives the same mask.

// A fresh seed from torch's default CPU generator (torch::manual_seed makes it reproducible).
uint64_t dropout_seed();

// noise[j] = the noise of element first + j, for j in [0, n).
void fill_dropout_noise(float* noise, int64_t first, int64_t n, double p, uint64_t seed);

}  // namespace lmlab
