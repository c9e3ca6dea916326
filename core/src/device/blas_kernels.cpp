#include "lmlab/blas_kernels.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace lmlab {

namespace {

constexpr const char* kMarker = "LMLAB_BLAS_DETECTED";  // what OpenBLAS chose before the re-exec

const char* openblas_core() {
  using CoreNameFn = char* (*)();
  auto fn = reinterpret_cast<CoreNameFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  return fn ? fn() : nullptr;
}

// 3: AVX-512 kernels, 2: AVX2/FMA, 1: AVX, 0: older or unknown.
int core_rank(std::string core) {
  std::transform(core.begin(), core.end(), core.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* k : {"skylakex", "cooperlake", "sapphirerapids"})
    if (core == k) return 3;
  for (const char* k : {"haswell", "skylake", "zen", "excavator"})
    if (core == k) return 2;
  for (const char* k : {"sandybridge", "bulldozer", "piledriver", "steamroller"})
    if (core == k) return 1;
  return 0;
}

// The best kernel family this CPU can run, from its instruction-set flags.
std::pair<int, const char*> best_core_for_cpu() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512cd"))
    return {3, "SkylakeX"};
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return {2, "Haswell"};
  return {0, nullptr};
}

}  // namespace

void select_blas_kernels(char** argv) {
  if (std::getenv(kMarker) || std::getenv("OPENBLAS_CORETYPE") || std::getenv("LMLAB_NO_BLAS_TUNING")) return;
  const char* detected = openblas_core();
  if (!detected) return;
  const auto [best_rank, best] = best_core_for_cpu();
  if (!best || core_rank(detected) >= best_rank) return;
  setenv("OPENBLAS_CORETYPE", best, 1);
  setenv(kMarker, detected, 1);
  execv("/proc/self/exe", argv);
  // execv failed (no /proc?): run on with the slower kernels.
  unsetenv("OPENBLAS_CORETYPE");
  unsetenv(kMarker);
}

std::string blas_summary() {
  const char* core = openblas_core();
  if (!core) return "not OpenBLAS";
  std::string s = std::string("OpenBLAS ") + core + " kernels";
  if (const char* detected = std::getenv(kMarker))
    s += std::string(" (LM Lab chose them; OpenBLAS detected ") + detected + ")";
  return s;
}

}  // namespace lmlab
