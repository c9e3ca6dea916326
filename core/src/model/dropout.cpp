#include "lmlab/model/dropout.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <mutex>

namespace lmlab {

namespace {

inline uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

uint64_t next_seed() {
  auto gen = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return at::check_generator<at::CPUGeneratorImpl>(gen)->random64();
}

// noise[i] = 0 with probability p (16-bit resolution), else scale.
void fill_noise(float* noise, int64_t n, double p, uint64_t seed) {
  const auto threshold = static_cast<uint32_t>(std::lround(p * 65536.0));
  const float scale = static_cast<float>(1.0 / (1.0 - p));
  // Four 16-bit draws per 64-bit value; the counter makes the mask independent of threads.
  at::parallel_for(0, (n + 3) / 4, 2048, [&](int64_t begin, int64_t end) {
    for (int64_t block = begin; block < end; ++block) {
      const uint64_t bits = splitmix64(seed + static_cast<uint64_t>(block));
      const int64_t base = block * 4;
      for (int lane = 0; lane < 4 && base + lane < n; ++lane) {
        const uint32_t draw = static_cast<uint32_t>((bits >> (16 * lane)) & 0xFFFF);
        noise[base + lane] = draw < threshold ? 0.0f : scale;
      }
    }
  });
}

}  // namespace

at::Tensor dropout(const at::Tensor& x, double p, bool training) {
  if (!training || p <= 0) return x;
  if (!x.device().is_cpu() || x.scalar_type() != at::kFloat) return at::dropout(x, p, training);
  if (p >= 1) return x * 0;
  auto noise = at::empty(x.sizes(), x.options().requires_grad(false));
  fill_noise(noise.data_ptr<float>(), noise.numel(), p, next_seed());
  return x * noise;
}

}  // namespace lmlab
