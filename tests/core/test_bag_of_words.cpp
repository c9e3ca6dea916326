// The bag-of-words baselines against hand computations on tiny sets.
#include "lmlab/baseline/bag_of_words.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lmlab;

namespace {

LabeledDataset tiny_set() {
  LabeledDataset d;
  d.labels = {"sport", "tech"};
  d.examples = {{"Goal goal match", "", 0}, {"match team", "", 0}, {"chip code", "", 1}};
  return d;
}

}  // namespace

TEST(BagOfWords, FeaturesAreLowerCasedWordsAndPairsKeepTheirSidesApart) {
  EXPECT_EQ(bag_of_words_features({"Wall St. (Reuters) 2004's", "", 0}, false),
            (std::vector<std::string>{"wall", "st", "reuters", "2004", "s"}));
  EXPECT_EQ(bag_of_words_features({"A cat", "the CAT", 0}, true),
            (std::vector<std::string>{"a:a", "a:cat", "b:the", "b:cat"}));
  EXPECT_EQ(bag_of_words_features({"한국어 문장, 둘", "", 0}, false),
            (std::vector<std::string>{"한국어", "문장", "둘"}));
}

TEST(BagOfWords, NaiveBayesScoresAreTheSmoothedCountsComputedByHand) {
  NaiveBayes nb(1.0);
  nb.fit(tiny_set());
  // Vocabulary {goal, match, team, chip, code}: |V| = 5. Class sport has 5 word tokens
  // (goal x2, match x2, team), tech 2 (chip, code). Priors (2+1)/(3+2), (1+1)/(3+2).
  // "goal chip unknownword": sport  log(3/5) + log((2+1)/(5+5)) + log((0+1)/(5+5))
  //                          tech   log(2/5) + log((0+1)/(2+5)) + log((1+1)/(2+5))
  const auto scores = nb.log_scores({"goal chip unknownword", "", 0});
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_NEAR(scores[0], std::log(3.0 / 5) + std::log(3.0 / 10) + std::log(1.0 / 10), 1e-12);
  EXPECT_NEAR(scores[1], std::log(2.0 / 5) + std::log(1.0 / 7) + std::log(2.0 / 7), 1e-12);
  EXPECT_EQ(nb.predict({"goal chip unknownword", "", 0}), scores[0] > scores[1] ? 0 : 1);
  const auto p = nb.probabilities({"goal chip", "", 0});
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-12);
}

TEST(BagOfWords, LogisticRegressionDescendsToWhereItsGradientVanishes) {
  LogisticRegressionSettings settings;
  settings.epochs = 1;
  settings.l2 = 0.01;
  LogisticRegression lr(settings);
  const auto data = tiny_set();
  lr.fit(data);  // one step: weights no longer zero
  std::vector<double> gradient;
  const double f = lr.objective(data, &gradient);
  EXPECT_GT(f, 0);
  EXPECT_LT(f, std::log(2.0));  // below the all-zero start's mean -log(1/2): one step lowered it
  // A longer fit drives the gradient towards zero: the optimum of a convex objective.
  settings.epochs = 3000;
  LogisticRegression fitted(settings);
  fitted.fit(data);
  fitted.objective(data, &gradient);
  double norm = 0;
  for (double g : gradient) norm += g * g;
  EXPECT_LT(std::sqrt(norm), 1e-3);
  for (const auto& e : data.examples) EXPECT_EQ(fitted.predict(e), e.label);
  const auto p = fitted.probabilities({"chip", "", 0});
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-12);
  EXPECT_GT(p[1], 0.5);
}

TEST(BagOfWords, LogisticRegressionObjectiveAtZeroIsLogOfTheClassCount) {
  LogisticRegressionSettings settings;
  settings.epochs = 1;
  settings.learning_rate = 1e-12;  // a step too small to matter: the weights stay ~0
  LogisticRegression lr(settings);
  lr.fit(tiny_set());
  EXPECT_NEAR(lr.objective(tiny_set()), std::log(2.0), 1e-9);
}

TEST(BagOfWords, BothBaselinesReportOnTheTestSet) {
  const auto train = tiny_set();
  LabeledDataset test;
  test.labels = train.labels;
  test.examples = {{"team goal", "", 0}, {"code", "", 1}};
  const auto results = run_bag_of_words_baselines(train, test);
  ASSERT_EQ(results.size(), 2u);
  for (const auto& r : results) {
    EXPECT_DOUBLE_EQ(r.test.accuracy, 1.0) << r.model;
    EXPECT_EQ(r.test.confusion, (std::vector<std::vector<int64_t>>{{1, 0}, {0, 1}})) << r.model;
  }
}
