#pragma once

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/train/classification_report.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lmlab {

// The simplest models that could work, beside a transformer: count words. A text becomes the
// list of its lower-cased words (for sentence pairs, the words of each side kept apart:
// "a:cat", "b:cat"); nothing is learned about word order or meaning.
std::vector<std::string> bag_of_words_features(const LabeledExample& example, bool pairs);

// Multinomial naive Bayes with add-alpha smoothing:
//   log P(c | x) ∝ log P(c) + Σ_w n(w, x) log P(w | c),
//   P(w | c) = (n(w, c) + alpha) / (Σ_w' n(w', c) + alpha |V|),
// where V is the training vocabulary (words unseen in training are ignored).
class NaiveBayes {
 public:
  explicit NaiveBayes(double alpha = 1.0) : alpha_(alpha) {}
  void fit(const LabeledDataset& train);
  std::vector<double> log_scores(const LabeledExample& example) const;  // unnormalised log P(c | x)
  std::vector<double> probabilities(const LabeledExample& example) const;  // P(c | x)
  int predict(const LabeledExample& example) const;

 private:
  double alpha_;
  bool pairs_ = false;
  std::unordered_map<std::string, std::vector<double>> word_log_prob_;  // word -> log P(w | c)
  std::vector<double> log_prior_;
};

// Multinomial logistic regression on binary word features (a word present or not), softmax
// over the labels, trained by full-batch AdaGrad with an L2 penalty on the weights:
//   minimise  mean_i -log softmax(W x_i + b)[y_i] + (l2 / 2) |W|^2.
struct LogisticRegressionSettings {
  int epochs = 300;
  double learning_rate = 0.5;
  double l2 = 1e-4;
};

class LogisticRegression {
 public:
  explicit LogisticRegression(LogisticRegressionSettings settings = {}) : settings_(settings) {}
  void fit(const LabeledDataset& train);
  std::vector<double> probabilities(const LabeledExample& example) const;
  int predict(const LabeledExample& example) const;
  // The training objective above at the current weights; with gradient, also its gradient
  // (W row-major (features, classes), then b) for tests.
  double objective(const LabeledDataset& data, std::vector<double>* gradient = nullptr) const;

 private:
  std::vector<int> feature_ids(const LabeledExample& example) const;  // distinct known features
  std::vector<double> logits(const std::vector<int>& features) const;
  LogisticRegressionSettings settings_;
  bool pairs_ = false;
  size_t classes_ = 0;
  std::unordered_map<std::string, int> vocabulary_;
  std::vector<double> weights_;  // (features, classes) row-major
  std::vector<double> bias_;     // (classes)
};

// Both models trained on one set and scored on another, for the CLI and the fine-tuning lab.
struct BaselineResult {
  std::string model;  // "naive-bayes" | "logistic-regression"
  ClassificationReport train, test;
  double seconds = 0;
};
std::vector<BaselineResult> run_bag_of_words_baselines(const LabeledDataset& train, const LabeledDataset& test);

}  // namespace lmlab
