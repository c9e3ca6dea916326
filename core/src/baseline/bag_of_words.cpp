#include "lmlab/baseline/bag_of_words.h"

#include "lmlab/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace lmlab {

namespace {

// Lower-cased runs of letters, digits and any non-ASCII bytes (so Hangul words stay whole).
void add_words(const std::string& text, const std::string& prefix, std::vector<std::string>& out) {
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) out.push_back(prefix + word);
    word.clear();
  };
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    else flush();
  }
  flush();
}

size_t argmax(const std::vector<double>& v) { return static_cast<size_t>(std::max_element(v.begin(), v.end()) - v.begin()); }

void softmax_in_place(std::vector<double>& v) {
  const double top = *std::max_element(v.begin(), v.end());
  double sum = 0;
  for (auto& x : v) sum += (x = std::exp(x - top));
  for (auto& x : v) x /= sum;
}

// Accuracy, per-class figures and the mean cross-entropy of the model's probabilities.
template <typename Model>
ClassificationReport score(const Model& model, const LabeledDataset& data) {
  const size_t k = data.labels.size();
  std::vector<std::vector<int64_t>> confusion(k, std::vector<int64_t>(k, 0));
  double loss = 0;
  for (const auto& e : data.examples) {
    const auto p = model.probabilities(e);
    const auto y = static_cast<size_t>(e.label);
    ++confusion[y][argmax(p)];
    loss -= std::log(std::max(p[y], 1e-300));
  }
  return ClassificationReport::from_confusion(std::move(confusion), loss / std::max<double>(1, data.examples.size()));
}

}  // namespace

std::vector<std::string> bag_of_words_features(const LabeledExample& example, bool pairs) {
  std::vector<std::string> out;
  add_words(example.text_a, pairs ? "a:" : "", out);
  if (pairs) add_words(example.text_b, "b:", out);
  return out;
}

void NaiveBayes::fit(const LabeledDataset& train) {
  if (train.examples.empty()) throw Error("naive Bayes needs training examples");
  if (!(alpha_ > 0)) throw Error("naive Bayes smoothing alpha must be positive");
  pairs_ = train.pairs;
  const size_t k = train.labels.size();
  std::unordered_map<std::string, std::vector<double>> counts;  // word -> n(w, c)
  std::vector<double> totals(k, 0), documents(k, 0);
  for (const auto& e : train.examples) {
    const auto c = static_cast<size_t>(e.label);
    ++documents[c];
    for (const auto& w : bag_of_words_features(e, pairs_)) {
      auto& row = counts[w];
      if (row.empty()) row.assign(k, 0);
      ++row[c];
      ++totals[c];
    }
  }
  const double vocabulary = static_cast<double>(counts.size());
  log_prior_.assign(k, 0);
  for (size_t c = 0; c < k; ++c)
    log_prior_[c] = std::log((documents[c] + alpha_) / (static_cast<double>(train.examples.size()) + alpha_ * k));
  word_log_prob_.clear();
  for (auto& [word, row] : counts) {
    for (size_t c = 0; c < k; ++c) row[c] = std::log((row[c] + alpha_) / (totals[c] + alpha_ * vocabulary));
    word_log_prob_.emplace(word, std::move(row));
  }
}

std::vector<double> NaiveBayes::log_scores(const LabeledExample& example) const {
  std::vector<double> scores = log_prior_;
  for (const auto& w : bag_of_words_features(example, pairs_))
    if (const auto it = word_log_prob_.find(w); it != word_log_prob_.end())
      for (size_t c = 0; c < scores.size(); ++c) scores[c] += it->second[c];
  return scores;
}

std::vector<double> NaiveBayes::probabilities(const LabeledExample& example) const {
  auto p = log_scores(example);
  softmax_in_place(p);
  return p;
}

int NaiveBayes::predict(const LabeledExample& example) const { return static_cast<int>(argmax(log_scores(example))); }

std::vector<int> LogisticRegression::feature_ids(const LabeledExample& example) const {
  std::vector<int> ids;
  for (const auto& w : bag_of_words_features(example, pairs_))
    if (const auto it = vocabulary_.find(w); it != vocabulary_.end()) ids.push_back(it->second);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<double> LogisticRegression::logits(const std::vector<int>& features) const {
  std::vector<double> z = bias_;
  for (int f : features)
    for (size_t c = 0; c < classes_; ++c) z[c] += weights_[static_cast<size_t>(f) * classes_ + c];
  return z;
}

double LogisticRegression::objective(const LabeledDataset& data, std::vector<double>* gradient) const {
  const size_t n_weights = weights_.size();
  if (gradient) gradient->assign(n_weights + classes_, 0);
  double loss = 0;
  const double n = static_cast<double>(data.examples.size());
  for (const auto& e : data.examples) {
    const auto features = feature_ids(e);
    auto p = logits(features);
    softmax_in_place(p);
    const auto y = static_cast<size_t>(e.label);
    loss -= std::log(std::max(p[y], 1e-300)) / n;
    if (!gradient) continue;
    p[y] -= 1;  // d(-log p_y)/dz = p - onehot(y)
    for (int f : features)
      for (size_t c = 0; c < classes_; ++c) (*gradient)[static_cast<size_t>(f) * classes_ + c] += p[c] / n;
    for (size_t c = 0; c < classes_; ++c) (*gradient)[n_weights + c] += p[c] / n;
  }
  double norm = 0;
  for (size_t i = 0; i < n_weights; ++i) {
    norm += weights_[i] * weights_[i];
    if (gradient) (*gradient)[i] += settings_.l2 * weights_[i];
  }
  return loss + settings_.l2 / 2 * norm;
}

void LogisticRegression::fit(const LabeledDataset& train) {
  if (train.examples.empty()) throw Error("logistic regression needs training examples");
  if (settings_.epochs < 1 || !(settings_.learning_rate > 0) || !(settings_.l2 >= 0))
    throw Error("logistic regression needs epochs >= 1, a positive learning rate and l2 >= 0");
  pairs_ = train.pairs;
  classes_ = train.labels.size();
  vocabulary_.clear();
  for (const auto& e : train.examples)
    for (const auto& w : bag_of_words_features(e, pairs_)) vocabulary_.emplace(w, static_cast<int>(vocabulary_.size()));
  weights_.assign(vocabulary_.size() * classes_, 0);
  bias_.assign(classes_, 0);
  // AdaGrad: each parameter's step is scaled by its own gradient history, so the weights of
  // rare words (whose mean gradient is tiny) move as fast as those of common ones.
  std::vector<double> gradient, history(weights_.size() + classes_, 0);
  for (int epoch = 0; epoch < settings_.epochs; ++epoch) {
    objective(train, &gradient);
    for (size_t i = 0; i < gradient.size(); ++i) {
      history[i] += gradient[i] * gradient[i];
      const double step = settings_.learning_rate * gradient[i] / (std::sqrt(history[i]) + 1e-12);
      (i < weights_.size() ? weights_[i] : bias_[i - weights_.size()]) -= step;
    }
  }
}

std::vector<double> LogisticRegression::probabilities(const LabeledExample& example) const {
  auto p = logits(feature_ids(example));
  softmax_in_place(p);
  return p;
}

int LogisticRegression::predict(const LabeledExample& example) const { return static_cast<int>(argmax(logits(feature_ids(example)))); }

std::vector<BaselineResult> run_bag_of_words_baselines(const LabeledDataset& train, const LabeledDataset& test) {
  if (train.labels != test.labels) throw Error("the baseline's training and test sets have different label maps");
  std::vector<BaselineResult> out;
  const auto timed = [&](const char* name, auto& model) {
    const auto start = std::chrono::steady_clock::now();
    model.fit(train);
    BaselineResult r{name, score(model, train), score(model, test), 0};
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.push_back(std::move(r));
  };
  NaiveBayes nb;
  timed("naive-bayes", nb);
  LogisticRegression lr;
  timed("logistic-regression", lr);
  return out;
}

}  // namespace lmlab
