#include "lmlab/model/attention.h"

#include <gtest/gtest.h>

#include <cmath>

using lmlab::MultiHeadAttention;
using lmlab::MultiHeadAttentionOptions;

namespace {

// d(loss)/d(x) by central differences, loss = sum(attention(x) * weights).
torch::Tensor numeric_gradient(MultiHeadAttention& attention, torch::Tensor x, const torch::Tensor& weights,
                               const torch::Tensor& padding) {
  torch::NoGradGuard no_grad;
  auto grad = torch::zeros_like(x);
  auto flat_x = x.view({-1});
  auto flat_grad = grad.view({-1});
  const double eps = 1e-6;
  for (int64_t i = 0; i < flat_x.numel(); ++i) {
    const double original = flat_x[i].item<double>();
    flat_x[i] = original + eps;
    const double up = (attention(x, padding) * weights).sum().item<double>();
    flat_x[i] = original - eps;
    const double down = (attention(x, padding) * weights).sum().item<double>();
    flat_x[i] = original;
    flat_grad[i] = (up - down) / (2 * eps);
  }
  return grad;
}

class AttentionGradient : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(AttentionGradient, MatchesFiniteDifferencesInDouble) {
  const auto [causal, capture] = GetParam();
  torch::manual_seed(3);
  MultiHeadAttention attention(MultiHeadAttentionOptions(8, 2).causal(causal));
  attention->to(torch::kDouble);
  attention->eval();
  attention->set_capture(capture);
  auto x = torch::randn({2, 5, 8}, torch::kDouble).requires_grad_(true);
  auto weights = torch::randn({2, 5, 8}, torch::kDouble);
  auto padding = torch::ones({2, 5}, torch::kBool);
  padding[1][4] = false;
  padding[1][3] = false;

  (attention(x, padding) * weights).sum().backward();
  const auto analytic = x.grad().clone();
  const auto numeric = numeric_gradient(attention, x.detach().clone(), weights, padding);
  EXPECT_TRUE(torch::allclose(analytic, numeric, 1e-5, 1e-7))
      << "max difference " << (analytic - numeric).abs().max().item<double>();

  // Parameter gradients too: the fused qkv weight.
  auto& w = attention->qkv->weight;
  const auto analytic_w = w.grad().clone();
  torch::NoGradGuard no_grad;
  const double eps = 1e-6;
  for (int64_t i : {0L, 17L, 100L, 150L}) {
    auto flat = w.view({-1});
    const double original = flat[i].item<double>();
    flat[i] = original + eps;
    const double up = (attention(x, padding) * weights).sum().item<double>();
    flat[i] = original - eps;
    const double down = (attention(x, padding) * weights).sum().item<double>();
    flat[i] = original;
    EXPECT_NEAR(analytic_w.view({-1})[i].item<double>(), (up - down) / (2 * eps), 1e-6);
  }
}

INSTANTIATE_TEST_SUITE_P(CausalAndCapture, AttentionGradient,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(Attention, FastPathAndCapturingPathAgree) {
  torch::manual_seed(5);
  for (bool causal : {false, true}) {
    MultiHeadAttention attention(MultiHeadAttentionOptions(32, 4).causal(causal));
    attention->eval();
    auto x = torch::randn({3, 11, 32});
    for (bool with_padding : {false, true}) {
      torch::Tensor padding;
      if (with_padding) {
        padding = torch::ones({3, 11}, torch::kBool);
        padding[2].slice(0, 7).fill_(false);
      }
      attention->set_capture(false);
      const auto fast = attention(x, padding);
      EXPECT_FALSE(attention->captured().defined());
      attention->set_capture(true);
      const auto captured = attention(x, padding);
      EXPECT_TRUE(torch::allclose(fast, captured, 1e-5, 1e-6)) << "causal " << causal << " padding " << with_padding;
      const auto& probs = attention->captured();
      ASSERT_EQ(probs.sizes(), (std::vector<int64_t>{3, 4, 11, 11}));
      EXPECT_TRUE(torch::allclose(probs.sum(-1), torch::ones({3, 4, 11}), 1e-5, 1e-6));
      if (causal) {
        EXPECT_EQ(probs.triu(1).abs().max().item<float>(), 0.0f);
      }
      if (with_padding) {
        EXPECT_EQ(probs[2].slice(-1, 7).abs().max().item<float>(), 0.0f);
      }
    }
  }
}

}  // namespace

namespace {

// Rotary embeddings written from the RoFormer equations, one number at a time: the pair
// (x[i], x[i + D/2]) as the complex number x[i] + j x[i + D/2], multiplied by e^(j t theta_i)
// with theta_i = 10000^(-2i/D).
torch::Tensor rotary_reference(const torch::Tensor& x) {
  auto out = x.clone();
  const auto B = x.size(0), H = x.size(1), T = x.size(2), D = x.size(3);
  auto a = x.accessor<double, 4>();
  auto o = out.accessor<double, 4>();
  for (int64_t b = 0; b < B; ++b)
    for (int64_t h = 0; h < H; ++h)
      for (int64_t t = 0; t < T; ++t)
        for (int64_t i = 0; i < D / 2; ++i) {
          const double theta = static_cast<double>(t) * std::pow(10000.0, -2.0 * static_cast<double>(i) / static_cast<double>(D));
          const double re = a[b][h][t][i], im = a[b][h][t][i + D / 2];
          o[b][h][t][i] = re * std::cos(theta) - im * std::sin(theta);
          o[b][h][t][i + D / 2] = re * std::sin(theta) + im * std::cos(theta);
        }
  return out;
}

}  // namespace

TEST(Attention, RotaryPositionsMatchTheEquations) {
  torch::manual_seed(3);
  const auto x = torch::randn({2, 3, 7, 8}, torch::kDouble);  // (B, H, T, D)
  EXPECT_TRUE(torch::allclose(lmlab::rotate_positions(x), rotary_reference(x), 1e-12, 1e-12));
}

TEST(Attention, RotaryScoresDependOnRelativePositionOnly) {
  // The same query and key vectors at every position: after rotation, q_t . k_s is a
  // function of t - s alone (what makes rotary embeddings relative).
  torch::manual_seed(4);
  const auto q = torch::randn({1, 1, 1, 16}, torch::kDouble).expand({1, 1, 9, 16});
  const auto k = torch::randn({1, 1, 1, 16}, torch::kDouble).expand({1, 1, 9, 16});
  const auto scores = torch::matmul(lmlab::rotate_positions(q), lmlab::rotate_positions(k).transpose(-2, -1))[0][0];
  for (int64_t shift = 1; shift < 9; ++shift)
    EXPECT_TRUE(torch::allclose(scores.diagonal(shift), scores.diagonal(shift).select(0, 0).expand({9 - shift}), 1e-10))
        << "scores at distance " << shift << " differ";
  EXPECT_FALSE(torch::allclose(scores.diagonal(0).select(0, 0), scores.diagonal(1).select(0, 0)));
}

TEST(Attention, RotaryAttentionAgreesOnBothPaths) {
  torch::manual_seed(5);
  MultiHeadAttention attention(MultiHeadAttentionOptions(16, 2).causal(true).rotary(true));
  attention->eval();
  const auto x = torch::randn({2, 6, 16});
  const auto fast = attention(x);
  attention->set_capture(true);
  EXPECT_TRUE(torch::allclose(fast, attention(x), 1e-5, 1e-5));
}
