#include "lmlab/error.h"
#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/masked_prediction.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/train/pretrainer.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace lmlab;

namespace {

struct Run {
  std::vector<StepMetrics> steps;
  LanguageModel model{nullptr};
  std::shared_ptr<SentencePieceTokenizer> tokenizer;
};

Run pretrain(Architecture arch, const std::string& objective, int steps, int64_t metrics_every = 1) {
  test::TempDir dir;
  const auto toy = test::toy_model_setup(dir, 60, 2, 300, 64, arch);
  const auto& corpus_path = toy.corpus_path;
  const auto& config = toy.config;
  Run run;
  run.tokenizer = toy.tokenizer;
  torch::manual_seed(1);
  run.model = LanguageModel(config);
  PretrainSettings settings;
  settings.objectives = Objectives::parse(objective);
  settings.steps = steps;
  settings.adamw.lr = 1e-3;
  settings.metrics_every = metrics_every;
  PretrainingBatcher batcher(tokenize(TextCorpus::read(corpus_path), *run.tokenizer), settings.objectives,
                             run.tokenizer->special_ids(), config.vocab_size, 16, 32, 5);
  Pretrainer trainer(run.model, std::move(batcher), settings);
  while (!trainer.done()) run.steps.push_back(trainer.step());
  return run;
}

double mean_of(const std::vector<StepMetrics>& steps, size_t from, size_t to,
               std::optional<double> StepMetrics::*field) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += *(steps[i].*field);
  return sum / static_cast<double>(to - from);
}

TEST(Pretraining, MaskedLmLossFallsAndPredictionsImprove) {
  auto run = pretrain(Architecture::Bert, "mlm+nsp", 300);
  const auto& s = run.steps;
  const double first = mean_of(s, 0, 20, &StepMetrics::mlm_loss), last = mean_of(s, 280, 300, &StepMetrics::mlm_loss);
  EXPECT_LT(last, 0.5 * first) << "MLM loss went from " << first << " to " << last;
  EXPECT_GT(mean_of(s, 280, 300, &StepMetrics::mlm_accuracy), 0.4);
  EXPECT_TRUE(s.back().nsp_loss.has_value());
  // The warmup reached the peak learning rate and the schedule decayed it.
  EXPECT_LT(s.back().lr, s[40].lr);
  const auto guess = predict_masks(*run.model, *run.tokenizer, "the cat likes to eat [MASK] every day .", 3);
  ASSERT_EQ(guess.masks.size(), 1u);
  EXPECT_EQ(guess.masks[0].top.size(), 3u);
  EXPECT_GT(guess.masks[0].top[0].probability, guess.masks[0].top[2].probability);
}

TEST(Pretraining, NextTokenLossFallsAndGenerationFollowsTheCorpus) {
  auto run = pretrain(Architecture::Gpt, "clm", 300);
  const auto& s = run.steps;
  const double first = mean_of(s, 0, 20, &StepMetrics::clm_loss), last = mean_of(s, 280, 300, &StepMetrics::clm_loss);
  EXPECT_LT(last, 0.4 * first) << "next-token loss went from " << first << " to " << last;
  GenerationSettings greedy;
  greedy.temperature = 0;
  greedy.max_tokens = 6;
  const auto text = generate_text(*run.model, *run.tokenizer, "the dog likes to", greedy);
  EXPECT_NE(text.find("eat"), std::string::npos) << text;
}

// A GPU reads its metrics every few steps: the read averages exactly what reading every step
// would have shown (same seed, same batches), and the last step is always read.
TEST(Pretraining, MetricsReadEveryFewStepsAverageTheStepsBetween) {
  const auto every_step = pretrain(Architecture::Bert, "mlm+nsp", 10, 1).steps;
  const auto every_fourth = pretrain(Architecture::Bert, "mlm+nsp", 10, 4).steps;
  ASSERT_EQ(every_fourth.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    const bool read = (i + 1) % 4 == 0 || i == 9;
    EXPECT_EQ(every_fourth[i].measured, read) << "step " << i + 1;
    EXPECT_EQ(every_fourth[i].lr, every_step[i].lr);
    if (!read) {
      EXPECT_FALSE(every_fourth[i].mlm_loss.has_value());
      continue;
    }
    const size_t first = i < 4 ? 0 : i == 9 ? 8 : i - 3;
    EXPECT_NEAR(*every_fourth[i].mlm_loss, mean_of(every_step, first, i + 1, &StepMetrics::mlm_loss), 1e-9)
        << "step " << i + 1;
    EXPECT_NEAR(*every_fourth[i].nsp_loss, mean_of(every_step, first, i + 1, &StepMetrics::nsp_loss), 1e-9);
  }
}

TEST(Pretraining, ObjectiveMustFitTheArchitecture) {
  auto config = ModelConfig::preset("tiny", Architecture::Gpt);
  PretrainSettings settings;
  settings.objectives = Objectives::parse("mlm");
  EXPECT_THROW(settings.validate(config), Error);
  settings.objectives = Objectives::parse("clm");
  settings.adamw.lr = 5;
  EXPECT_THROW(settings.validate(config), Error);
}

}  // namespace
