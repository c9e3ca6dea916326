#include "lmlab/data/token_batch.h"
#include "lmlab/train/linear_cross_entropy.h"

#include <gtest/gtest.h>
#include <torch/nn/functional/loss.h>

namespace {

struct Grads {
  torch::Tensor loss, hidden, weight, bias;
};

Grads run(bool fused, bool with_bias, int64_t chunk) {
  torch::manual_seed(4);
  auto hidden = torch::randn({37, 8}, torch::kDouble).requires_grad_(true);
  auto weight = torch::randn({19, 8}, torch::kDouble).requires_grad_(true);
  auto bias = with_bias ? torch::randn({19}, torch::kDouble).requires_grad_(true) : torch::Tensor();
  auto targets = torch::randint(0, 19, {37}, torch::kLong);
  targets.slice(0, 5, 9).fill_(lmlab::kIgnoreLabel);
  torch::Tensor loss;
  if (fused) {
    loss = lmlab::linear_cross_entropy(hidden, weight, bias, targets, chunk).loss;
  } else {
    namespace F = torch::nn::functional;
    auto logits = with_bias ? torch::addmm(bias, hidden, weight.t()) : torch::mm(hidden, weight.t());
    loss = F::cross_entropy(logits, targets, F::CrossEntropyFuncOptions().ignore_index(lmlab::kIgnoreLabel));
  }
  (loss * 3.0).backward();  // a non-unit upstream gradient
  return {loss.detach(), hidden.grad(), weight.grad(), with_bias ? bias.grad() : torch::Tensor()};
}

TEST(LinearCrossEntropy, MatchesLogitsThenCrossEntropyInValueAndGradients) {
  for (bool with_bias : {false, true})
    for (int64_t chunk : {5, 16, 1000}) {
      const auto expected = run(false, with_bias, chunk), actual = run(true, with_bias, chunk);
      EXPECT_TRUE(torch::allclose(actual.loss, expected.loss, 1e-10, 1e-12)) << chunk;
      EXPECT_TRUE(torch::allclose(actual.hidden, expected.hidden, 1e-10, 1e-12)) << chunk;
      EXPECT_TRUE(torch::allclose(actual.weight, expected.weight, 1e-10, 1e-12)) << chunk;
      if (with_bias) {
        EXPECT_TRUE(torch::allclose(actual.bias, expected.bias, 1e-10, 1e-12)) << chunk;
      }
    }
}

TEST(LinearCrossEntropy, CountsTopOneHitsOnScoredRowsOnly) {
  auto hidden = torch::eye(4);
  auto weight = torch::eye(4);  // row i's top logit is class i
  auto targets = torch::tensor(std::vector<int64_t>{0, 1, 3, lmlab::kIgnoreLabel});
  const auto result = lmlab::linear_cross_entropy(hidden, weight, {}, targets, 2);
  EXPECT_EQ(result.correct.item<int64_t>(), 2);
}

}  // namespace
