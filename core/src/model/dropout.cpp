#include "lmlab/model/dropout.h"

#include "lmlab/model/dropout_noise.h"

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

}  // namespace

uint64_t dropout_seed() {
  auto gen = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return at::check_generator<at::CPUGeneratorImpl>(gen)->random64();
}

void fill_dropout_noise(float* noise, int64_t first, int64_t n, double p, uint64_t seed) {
  const auto threshold = static_cast<uint32_t>(std::lround(p * 65536.0));
  const float scale = static_cast<float>(1.0 / (1.0 - p));
  // Four 16-bit draws per 64-bit value: element i takes lane i % 4 of block i / 4.
  const auto block_bits = [&](int64_t i) { return splitmix64(seed + static_cast<uint64_t>(i / 4)); };
  const auto lane_noise = [&](uint64_t bits, int64_t lane) {
    return static_cast<uint32_t>((bits >> (16 * lane)) & 0xFFFF) < threshold ? 0.0f : scale;
  };
  const int64_t end = first + n;
  int64_t i = first;
  for (; i < end && i % 4 != 0; ++i) noise[i - first] = lane_noise(block_bits(i), i % 4);
  for (; i + 4 <= end; i += 4) {  // whole blocks: one hash for four elements
    const uint64_t bits = block_bits(i);
    for (int64_t lane = 0; lane < 4; ++lane) noise[i - first + lane] = lane_noise(bits, lane);
  }
  for (; i < end; ++i) noise[i - first] = lane_noise(block_bits(i), i % 4);
}

namespace {

// The noise of a whole tensor shaped like x, filled in parallel.
at::Tensor noise_like(const at::Tensor& x, double p) {
  auto noise = at::empty(x.sizes(), x.options().requires_grad(false));
  float* data = noise.data_ptr<float>();
  const uint64_t seed = dropout_seed();
  at::parallel_for(0, noise.numel(), 8192, [&](int64_t begin, int64_t end) {
    fill_dropout_noise(data + begin, begin, end - begin, p, seed);
  });
  return noise;
}

bool uses_own_noise(const at::Tensor& x) { return x.device().is_cpu() && x.scalar_type() == at::kFloat; }

}  // namespace

at::Tensor dropout(const at::Tensor& x, double p, bool training) {
  if (!training || p <= 0) return x;
  if (!uses_own_noise(x)) return at::dropout(x, p, training);
  if (p >= 1) return x * 0;
  return x * noise_like(x, p);
}

at::Tensor add_dropout(const at::Tensor& residual, const at::Tensor& x, double p, bool training) {
  if (!training || p <= 0) return residual + x;
  if (!uses_own_noise(x) || p >= 1) return residual + lmlab::dropout(x, p, training);
  return at::addcmul(residual, x, noise_like(x, p));
}

}  // namespace lmlab
