#include "lmlab/error.h"
#include "lmlab/train/distillation.h"

#include <gtest/gtest.h>

using namespace lmlab;

namespace {

LanguageModel teacher_model(int layers) {
  auto config = ModelConfig::preset("tiny", Architecture::Bert);
  config.vocab_size = 60;
  config.n_layers = layers;
  config.max_seq_len = 16;
  config.num_labels = 3;
  torch::manual_seed(8);
  return LanguageModel(config);
}

TEST(Distillation, StudentTakesEveryOtherTeacherLayerAndTheRestAsIs) {
  auto teacher = teacher_model(4);
  auto student = make_student(*teacher, 2);
  EXPECT_EQ(student->config().n_layers, 2);
  EXPECT_TRUE(torch::equal(student->body().block(0)->ff_in->weight, teacher->body().block(0)->ff_in->weight));
  EXPECT_TRUE(torch::equal(student->body().block(1)->ff_in->weight, teacher->body().block(2)->ff_in->weight));
  EXPECT_TRUE(torch::equal(student->body().embeddings->token->weight, teacher->body().embeddings->token->weight));
  EXPECT_TRUE(torch::equal(student->classifier->out->weight, teacher->classifier->out->weight));
  EXPECT_THROW(make_student(*teacher, 5), Error);
}

TEST(Distillation, LossIsZeroForAStudentThatMatchesAndFlowsOnlyToTheStudent) {
  const auto teacher_logits = torch::randn({4, 3});
  const auto labels = torch::tensor(std::vector<int64_t>{0, 1, 2, 0});
  const auto hidden = torch::randn({4, 5, 8});
  DistillationSettings s;
  s.cosine_weight = 1.0;
  auto same = teacher_logits.clone().requires_grad_(true);
  const auto matched = distillation_loss(same, teacher_logits, labels, hidden, hidden, {}, s);
  EXPECT_NEAR(matched.soft.item<double>(), 0.0, 1e-6);
  EXPECT_NEAR(matched.cosine.item<double>(), 0.0, 1e-6);

  auto student = torch::zeros({4, 3}, torch::requires_grad());
  auto teacher = teacher_logits.clone().requires_grad_(true);
  const auto d = distillation_loss(student, teacher, labels, hidden, hidden, {}, s);
  d.total.backward();
  EXPECT_TRUE(student.grad().defined());
  EXPECT_FALSE(teacher.grad().defined());
  EXPECT_GT(d.soft.item<double>(), 0.0);
  s.temperature = 0;
  EXPECT_THROW(s.validate(), Error);
}

}  // namespace
