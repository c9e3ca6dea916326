// Exact resume: a pretraining run saved mid-way with its resume state and continued in a
// fresh trainer ends with the weights of the run that never stopped, dropout included.
#include "error_text.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/train/pretrainer.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

using namespace lmlab;
using lmlab::test::error_of;

namespace {

constexpr int64_t kSteps = 8;

class Resume : public ::testing::Test {
 protected:
  void SetUp() override {
    toy_ = test::toy_model_setup(dir_, 40, 3, 300, 32);
  }

  // As the CLI builds a run: the seed first, then the model and the batches.
  std::unique_ptr<Pretrainer> fresh_trainer() {
    const auto& config = toy_.config;  // dropout 0.1: the generator matters
    torch::manual_seed(21);
    LanguageModel model(config);
    PretrainSettings settings;
    settings.objectives = Objectives::parse("mlm+nsp");
    settings.steps = kSteps;
    settings.adamw.lr = 2e-3;
    PretrainingBatcher batcher(tokenize(TextCorpus::read(toy_.corpus_path), *toy_.tokenizer), settings.objectives,
                               toy_.tokenizer->special_ids(), config.vocab_size, 8, 32, 5);
    return std::make_unique<Pretrainer>(model, std::move(batcher), settings);
  }

  test::TempDir dir_;
  test::ToyModelSetup toy_;
};

}  // namespace

TEST_F(Resume, ASavedAndResumedRunEndsWhereAnUninterruptedOneDoes) {
  auto straight = fresh_trainer();
  while (!straight->done()) straight->step();
  const auto expected = model_weights(*straight->model());

  auto first_half = fresh_trainer();
  for (int64_t i = 0; i < kSteps / 2; ++i) first_half->step();
  const auto state = first_half->resume_state();
  save_checkpoint(dir_.file("half"), *first_half->model(), *toy_.tokenizer, "{}", state.tensors);
  torch::manual_seed(999);  // whatever ran in between

  auto second_half = fresh_trainer();
  load_weights(*second_half->model(), read_safetensors(dir_.file("half/model.safetensors")), "half");
  second_half->resume({state.step, state.batcher_rng, read_resume_tensors(dir_.file("half"))}, "half");
  EXPECT_EQ(second_half->steps_done(), kSteps / 2);
  while (!second_half->done()) second_half->step();
  const auto resumed = model_weights(*second_half->model());
  ASSERT_EQ(resumed.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_TRUE(resumed[i].second.allclose(expected[i].second, 1e-5, 1e-6)) << expected[i].first;

  // Without the resume state the run continues differently: the comparison means something.
  auto restarted = fresh_trainer();
  load_weights(*restarted->model(), read_safetensors(dir_.file("half/model.safetensors")), "half");
  for (int64_t i = 0; i < kSteps / 2; ++i) restarted->step();
  EXPECT_FALSE(model_weights(*restarted->model()).back().second.allclose(expected.back().second, 1e-5, 1e-6));
}

TEST_F(Resume, MissingOrForeignStateIsNamed) {
  auto trainer = fresh_trainer();
  save_checkpoint(dir_.file("plain"), *trainer->model(), *toy_.tokenizer, "{}");
  EXPECT_NE(error_of([&] { read_resume_tensors(dir_.file("plain")); }).find("cannot be resumed"), std::string::npos);
  trainer->step();
  auto state = trainer->resume_state();
  state.step = kSteps + 5;
  EXPECT_NE(error_of([&] { fresh_trainer()->resume(state, "x"); }).find("beyond the 8 steps"), std::string::npos);
  state = trainer->resume_state();
  state.batcher_rng = "not a generator";
  EXPECT_NE(error_of([&] { fresh_trainer()->resume(state, "x"); }).find("x: the saved batch generator state"),
            std::string::npos);
  state = trainer->resume_state();
  state.tensors.erase(state.tensors.begin());
  EXPECT_NE(error_of([&] { fresh_trainer()->resume(state, "x"); }).find("is missing"), std::string::npos);
}
