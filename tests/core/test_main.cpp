// The tests run with the same BLAS kernels as the programs (see lmlab/blas_kernels.h), so
// training tests take seconds, not tens of seconds, on VMs whose CPU OpenBLAS does not know.
#include "lmlab/blas_kernels.h"

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  lmlab::select_blas_kernels(argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
