#include "lmlab/error.h"
#include "lmlab/inspect/few_shot.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/train/pretrainer.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace lmlab;

namespace {

TEST(FewShot, PromptListsDemonstrationsThenTheQuery) {
  const std::vector<std::string> labels = {"yes", "no"};
  const LabeledExample a{"red apple", "", 0}, b{"blue car", "", 1}, q{"green pear", "", 0};
  EXPECT_EQ(few_shot_prompt({&a, &b}, q, labels), "red apple => yes\nblue car => no\ngreen pear =>");
  const LabeledExample pair{"a dog runs", "an animal runs", 0};
  EXPECT_EQ(few_shot_prompt({}, pair, labels), "a dog runs ? an animal runs =>");
}

// A GPT trained on "colour => label" lines, then asked with demonstrations of the same form:
// the scoring must find the label the corpus taught.
TEST(FewShot, ScoresLabelsByLikelihoodAndLearnsFromPrompts) {
  test::TempDir dir;
  std::ostringstream text;
  const std::vector<std::pair<std::string, std::string>> facts = {
      {"red apple", "fruit"}, {"green pear", "fruit"}, {"yellow banana", "fruit"},
      {"blue car", "vehicle"}, {"fast train", "vehicle"}, {"old bus", "vehicle"}};
  for (int i = 0; i < 200; ++i) {
    const auto& f = facts[static_cast<size_t>(i * 7 % 6)];
    const auto& g = facts[static_cast<size_t>(i * 5 % 6)];
    text << f.first << " => " << f.second << "\n" << g.first << " => " << g.second << "\n\n";
  }
  const auto corpus = dir.write("c.txt", text.str());
  SentencePieceTrainOptions options;
  options.vocab_size = 300;
  const auto tokenizer = SentencePieceTokenizer::train(corpus, options);
  auto config = ModelConfig::preset("tiny", Architecture::Gpt);
  config.vocab_size = tokenizer.vocab_size();
  config.max_seq_len = 64;
  torch::manual_seed(1);
  LanguageModel model(config);
  PretrainSettings settings;
  settings.objectives = Objectives::parse("clm");
  settings.steps = 150;
  settings.adamw.lr = 2e-3;
  Pretrainer trainer(model, PretrainingBatcher(tokenize(TextCorpus::read(corpus), tokenizer), settings.objectives,
                                               tokenizer.special_ids(), config.vocab_size, 16, 32, 1),
                     settings);
  while (!trainer.done()) trainer.step();

  LabeledDataset data;
  data.labels = {"fruit", "vehicle"};
  for (const auto& [item, label] : facts) data.examples.push_back({item, "", label == "fruit" ? 0 : 1});
  const auto results = few_shot_accuracy(*model, tokenizer, data, data, {0, 2}, 6, 3);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].k, 2);
  EXPECT_EQ(results[1].examples, 6);
  EXPECT_GE(results[1].accuracy, 5.0 / 6);
  EXPECT_THROW(few_shot_accuracy(*model, tokenizer, data, data, {100}, 6, 3), Error);
}

}  // namespace

// The shared-prompt scoring gives what scoring every label with its own full forward pass
// gives, for one-token and longer labels, and when the prompt must be cut to fit.
TEST(FewShot, SharedPromptScoringMatchesOnePassPerLabel) {
  auto config = ModelConfig::preset("tiny", Architecture::Gpt);
  config.vocab_size = 50;
  config.max_seq_len = 16;
  torch::manual_seed(3);
  LanguageModel model(config);
  model->eval();
  const auto brute_force = [&](const std::vector<int>& prompt, const std::vector<int>& label) {
    std::vector<int64_t> ids(prompt.begin(), prompt.end());
    ids.insert(ids.end(), label.begin(), label.end());
    if (ids.size() > 16) ids.erase(ids.begin(), ids.end() - 16);
    torch::NoGradGuard no_grad;
    const auto logp = at::log_softmax(model->lm_logits(model->hidden_states(at::tensor(ids).view({1, -1}))), -1)[0];
    double sum = 0;
    for (size_t j = 0; j < label.size(); ++j) {
      const auto position = static_cast<int64_t>(ids.size() - label.size() + j);
      sum += logp[position - 1][label[j]].item<double>();
    }
    return sum / static_cast<double>(label.size());
  };
  const std::vector<std::vector<int>> labels{{7}, {9, 11, 13}, {20, 21}};
  for (const std::vector<int>& prompt : {std::vector<int>{5, 6, 7, 8, 9}, std::vector<int>(15, 12)}) {
    const auto scores = label_scores(*model, prompt, labels);
    ASSERT_EQ(scores.size(), labels.size());
    for (size_t l = 0; l < labels.size(); ++l)
      EXPECT_NEAR(scores[l], brute_force(prompt, labels[l]), 1e-4) << "label " << l << ", prompt of " << prompt.size();
  }
}
