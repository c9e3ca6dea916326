#pragma once

#include <string>

namespace lmlab {

// OpenBLAS picks its matrix kernels from the CPU model it recognises. In virtual machines
// the model is often unknown and it falls back to "Prescott" (SSE3) kernels, ~4x slower
// than the AVX-512 ones the CPU can run (measured: 60 vs 230 GFLOP/s, bench/RESULTS.md).
// The choice is made when OpenBLAS loads, so the only fix is its OPENBLAS_CORETYPE
// variable before the process starts: this function sets it from the CPU's instruction
// set flags and re-executes the program once. It does nothing when the user set
// OPENBLAS_CORETYPE, when LMLAB_NO_BLAS_TUNING is set, when the BLAS is not OpenBLAS, or
// when OpenBLAS already chose well. Call it first in main(), before any threads exist.
void select_blas_kernels(char** argv);

// "OpenBLAS SkylakeX kernels (LM Lab chose them; OpenBLAS detected Prescott)",
// "OpenBLAS Haswell kernels", or "not OpenBLAS".
std::string blas_summary();

}  // namespace lmlab
