#include "lmlab/train/fused_adamw.h"
#include "lmlab/train/optimizer_state.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace {

// Two parameter groups (a decayed matrix at one rate, an undecayed vector at another) and a
// third parameter that is frozen (no gradient) for the first steps, as make_adamw builds them.
struct Parameters {
  torch::Tensor matrix = torch::randn({37, 19});
  torch::Tensor vector = torch::randn({19});
  torch::Tensor late = torch::randn({5, 3});
  std::vector<torch::optim::OptimizerParamGroup> groups() const {
    std::vector<torch::optim::OptimizerParamGroup> out;
    out.emplace_back(std::vector<torch::Tensor>{matrix, late},
                     std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(3e-3).weight_decay(0.1)));
    out.emplace_back(std::vector<torch::Tensor>{vector}, std::make_unique<torch::optim::AdamWOptions>(
                                                              torch::optim::AdamWOptions(1e-2).weight_decay(0.0).betas({0.8, 0.99})));
    return out;
  }
};

template <typename Optimizer>
void train(Parameters& params, Optimizer& optimizer, int steps) {
  torch::manual_seed(9);
  for (int step = 0; step < steps; ++step) {
    for (auto* p : {&params.matrix, &params.vector, &params.late}) p->mutable_grad() = torch::Tensor();
    params.matrix.mutable_grad() = torch::randn_like(params.matrix);
    params.vector.mutable_grad() = torch::randn_like(params.vector) * 1e-3;
    if (step >= 3) params.late.mutable_grad() = torch::randn_like(params.late);
    optimizer.step();
  }
}

TEST(FusedAdamW, MatchesLibTorchsAdamWStepForStep) {
  torch::manual_seed(4);
  Parameters reference, fused;
  for (auto [from, to] : {std::pair{&reference.matrix, &fused.matrix}, {&reference.vector, &fused.vector},
                          {&reference.late, &fused.late}})
    *to = from->clone();
  torch::optim::AdamW libtorch(reference.groups(), torch::optim::AdamWOptions());
  lmlab::FusedAdamW ours(fused.groups(), torch::optim::AdamWOptions());
  train(reference, libtorch, 8);
  train(fused, ours, 8);

  for (auto [a, b] : {std::pair{&reference.matrix, &fused.matrix}, {&reference.vector, &fused.vector},
                      {&reference.late, &fused.late}}) {
    EXPECT_TRUE(torch::allclose(*b, *a, 1e-5, 1e-6)) << "max difference " << (*b - *a).abs().max().item<float>();
    const auto* expected = lmlab::adamw_param_state(libtorch, *a);
    const auto* actual = lmlab::adamw_param_state(ours, *b);
    ASSERT_NE(expected, nullptr);
    ASSERT_NE(actual, nullptr);
    EXPECT_EQ(actual->step(), expected->step());
    EXPECT_TRUE(torch::allclose(actual->exp_avg(), expected->exp_avg(), 1e-5, 1e-6))
        << "max difference " << (actual->exp_avg() - expected->exp_avg()).abs().max().item<float>() << " of "
        << expected->exp_avg().abs().max().item<float>();
    EXPECT_TRUE(torch::allclose(actual->exp_avg_sq(), expected->exp_avg_sq(), 1e-5, 1e-7));
  }
  EXPECT_EQ(lmlab::adamw_param_state(ours, fused.late)->step(), 5);  // frozen for three steps
}

TEST(FusedAdamW, TakesLibTorchsStepForWhatItDoesNotFuse) {
  // Double parameters are not fused; the result must still be AdamW's.
  torch::manual_seed(2);
  auto a = torch::randn({6, 4}, torch::kDouble), b = a.clone();
  torch::optim::AdamW libtorch(std::vector<torch::Tensor>{a}, torch::optim::AdamWOptions(1e-2));
  lmlab::FusedAdamW ours(std::vector<torch::Tensor>{b}, torch::optim::AdamWOptions(1e-2));
  for (int step = 0; step < 3; ++step) {
    const auto grad = torch::randn_like(a);
    a.mutable_grad() = grad.clone();
    b.mutable_grad() = grad.clone();
    libtorch.step();
    ours.step();
  }
  EXPECT_TRUE(torch::equal(a, b));
}

}  // namespace
