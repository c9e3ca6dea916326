#include "lmlab/inspect/few_shot.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

#include <random>

namespace lmlab {

namespace {

std::string as_text(const LabeledExample& e) { return e.text_b.empty() ? e.text_a : e.text_a + " ? " + e.text_b; }

// Sum of log p(label tokens | prompt) under the decoder.
double continuation_log_likelihood(LanguageModelImpl& model, std::vector<int> prompt, const std::vector<int>& label,
                                   const c10::Device& device) {
  const auto window = static_cast<size_t>(model.config().max_seq_len);
  std::vector<int64_t> ids(prompt.begin(), prompt.end());
  ids.insert(ids.end(), label.begin(), label.end());
  if (ids.size() > window) ids.erase(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(window));
  const auto n = static_cast<int64_t>(ids.size()), m = static_cast<int64_t>(label.size());
  auto input = at::tensor(ids, at::kLong).view({1, -1}).to(device);
  auto logp = at::log_softmax(model.lm_logits(model.hidden_states(input)).squeeze(0).to(at::kFloat), -1);  // (n, V)
  // The token at position t is predicted by the logits at t - 1.
  auto targets = at::tensor(std::vector<int64_t>(label.begin(), label.end()), at::kLong).to(device);
  auto rows = logp.slice(0, n - m - 1, n - 1);
  return rows.gather(1, targets.unsqueeze(1)).sum().item<double>();
}

}  // namespace

std::string few_shot_prompt(const std::vector<const LabeledExample*>& demos, const LabeledExample& query,
                            const std::vector<std::string>& labels) {
  std::string prompt;
  for (const auto* d : demos) prompt += as_text(*d) + " => " + labels.at(static_cast<size_t>(d->label)) + "\n";
  return prompt + as_text(query) + " =>";
}

std::vector<FewShotResult> few_shot_accuracy(LanguageModelImpl& model, const Tokenizer& tokenizer,
                                             const LabeledDataset& train, const LabeledDataset& test,
                                             const std::vector<int>& ks, int64_t max_test, uint64_t seed) {
  if (model.config().arch != Architecture::Gpt) throw Error("few-shot prompting needs a GPT-style model");
  if (train.labels != test.labels) throw Error("the demonstration and test sets have different labels");
  if (train.examples.empty() || test.examples.empty()) throw Error("few-shot needs demonstrations and test examples");
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  std::vector<std::vector<int>> label_ids;
  for (const auto& l : train.labels) label_ids.push_back(tokenizer.encode(" " + l));
  const size_t count = std::min<size_t>(test.examples.size(), static_cast<size_t>(max_test));
  std::vector<FewShotResult> results;
  for (int k : ks) {
    if (k < 0 || k > 64) throw Error("k must be between 0 and 64, got " + std::to_string(k));
    std::mt19937_64 rng(seed + static_cast<uint64_t>(k));
    std::uniform_int_distribution<size_t> pick(0, train.examples.size() - 1);
    int64_t right = 0;
    for (size_t i = 0; i < count; ++i) {
      std::vector<const LabeledExample*> demos;
      for (int d = 0; d < k; ++d) demos.push_back(&train.examples[pick(rng)]);
      const auto prompt = tokenizer.encode(few_shot_prompt(demos, test.examples[i], train.labels));
      int best = 0;
      double best_score = -1e300;
      for (size_t l = 0; l < label_ids.size(); ++l) {
        // Per token, so a label that takes more tokens is not penalised for its length.
        const double score = continuation_log_likelihood(model, prompt, label_ids[l], device) /
                             static_cast<double>(label_ids[l].size());
        if (score > best_score) best_score = score, best = static_cast<int>(l);
      }
      right += best == test.examples[i].label;
    }
    results.push_back({k, static_cast<double>(right) / static_cast<double>(count), static_cast<int64_t>(count)});
  }
  return results;
}

}  // namespace lmlab
