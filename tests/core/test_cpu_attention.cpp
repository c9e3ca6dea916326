#include "lmlab/model/cpu_attention.h"
#include "lmlab/model/dropout_noise.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace {

// Attention written from the equations in double, head by head: softmax(q k^T / sqrt(D))
// over the allowed keys, times the dropout noise of element (b * H + h) T^2 + i T + j, times v.
torch::Tensor reference_attention(const torch::Tensor& qkv, int64_t H, const torch::Tensor& real_keys, bool causal,
                                  double p, uint64_t seed) {
  const auto B = qkv.size(0), T = qkv.size(1), C = qkv.size(2) / 3, D = C / H;
  std::vector<torch::Tensor> sequences;
  for (int64_t b = 0; b < B; ++b) {
    std::vector<torch::Tensor> heads;
    for (int64_t h = 0; h < H; ++h) {
      const auto q = qkv[b].narrow(1, h * D, D), k = qkv[b].narrow(1, C + h * D, D), v = qkv[b].narrow(1, 2 * C + h * D, D);
      auto scores = torch::mm(q, k.t()) / std::sqrt(static_cast<double>(D));  // (T, T)
      auto allowed = torch::ones({T, T}, torch::kBool);
      if (real_keys.defined()) allowed = allowed.logical_and(real_keys[b].view({1, T}));
      if (causal) allowed = allowed.logical_and(torch::ones({T, T}, torch::kBool).tril());
      auto weights = torch::softmax(scores.masked_fill(allowed.logical_not(), -1e9), 1);
      if (p > 0) {
        std::vector<float> noise(static_cast<size_t>(T * T));
        lmlab::fill_dropout_noise(noise.data(), (b * H + h) * T * T, T * T, p, seed);
        weights = weights * torch::from_blob(noise.data(), {T, T}).to(torch::kDouble);
      }
      heads.push_back(torch::mm(weights, v));  // (T, D)
    }
    sequences.push_back(torch::cat(heads, 1));
  }
  return torch::stack(sequences);  // (B, T, C)
}

struct Case {
  bool causal, padded;
  double dropout;
  int64_t T = 9;  // 1100: each (sequence, head) item is a group of its own (kGroupFloats)
};

class CpuAttention : public ::testing::TestWithParam<Case> {};

TEST_P(CpuAttention, MatchesTheEquationsInValueAndGradient) {
  const auto [causal, padded, dropout, T] = GetParam();
  const int64_t B = 3, H = 2, D = 4;
  torch::manual_seed(11);
  const auto qkv = torch::randn({B, T, 3 * H * D});
  const auto weights = torch::randn({B, T, H * D});  // loss = sum(out * weights)
  torch::Tensor real_keys;
  if (padded) {
    real_keys = torch::ones({B, T}, torch::kBool);
    real_keys[1].slice(0, 6).fill_(false);
    real_keys[2].slice(0, 2).fill_(false);  // keys missing at the start: causal rows 0 and 1 see none
  }

  torch::manual_seed(21);
  const uint64_t seed = lmlab::dropout_seed();  // what the kernel will draw after the same reseed
  auto expected_input = qkv.to(torch::kDouble).requires_grad_(true);
  const auto expected = reference_attention(expected_input, H, real_keys, causal, dropout, seed);
  (expected * weights.to(torch::kDouble)).sum().backward();

  torch::manual_seed(21);
  auto input = qkv.clone().requires_grad_(true);
  const auto actual = lmlab::cpu_attention(input, H, real_keys, causal, dropout);
  (actual * weights).sum().backward();

  EXPECT_TRUE(torch::allclose(actual.to(torch::kDouble), expected, 1e-5, 1e-5))
      << "max difference " << (actual.to(torch::kDouble) - expected).abs().max().item<double>();
  EXPECT_TRUE(torch::allclose(input.grad().to(torch::kDouble), expected_input.grad(), 1e-4, 1e-5))
      << "max difference " << (input.grad().to(torch::kDouble) - expected_input.grad()).abs().max().item<double>();
}

INSTANTIATE_TEST_SUITE_P(MasksAndDropout, CpuAttention,
                         ::testing::Values(Case{false, false, 0.0}, Case{true, false, 0.0}, Case{false, true, 0.0},
                                           Case{true, true, 0.0}, Case{true, false, 0.3}, Case{false, true, 0.5},
                                           Case{true, true, 0.2, 1100}));

TEST(CpuAttentionDropout, ZeroesAboutPOfTheWeightsAndKeepsTheMeanOutput) {
  // All values 1 and all scores equal: each output is the sum of the row's kept weights, so
  // its mean over many rows is 1 and its spread says the noise is really there.
  const int64_t B = 4, T = 64, H = 2, D = 8;
  auto qkv = torch::zeros({B, T, 3 * H * D});
  qkv.narrow(2, 2 * H * D, H * D).fill_(1.0);
  const auto out = lmlab::cpu_attention(qkv, H, {}, false, 0.25);
  EXPECT_NEAR(out.mean().item<double>(), 1.0, 0.02);
  EXPECT_GT(out.std().item<double>(), 0.02);
}

}  // namespace
