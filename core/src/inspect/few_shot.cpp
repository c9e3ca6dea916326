#include "lmlab/inspect/few_shot.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <random>

namespace lmlab {

namespace {

std::string as_text(const LabeledExample& e) { return e.text_b.empty() ? e.text_a : e.text_a + " ? " + e.text_b; }

// Sum of log p(label tokens | prompt) under the decoder, the prompt cut from the front to fit.
double continuation_log_likelihood(LanguageModelImpl& model, std::vector<int> prompt, const std::vector<int>& label,
                                   const c10::Device& device) {
  const auto window = static_cast<size_t>(model.config().max_seq_len);
  std::vector<int64_t> ids(prompt.begin(), prompt.end());
  ids.insert(ids.end(), label.begin(), label.end());
  if (ids.size() > window) ids.erase(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(window));
  const auto n = static_cast<int64_t>(ids.size()), m = static_cast<int64_t>(label.size());
  auto input = at::tensor(ids, at::kLong).view({1, -1}).to(device);
  // The token at position t is predicted by the hidden state at t - 1; only those rows reach
  // the vocabulary projection.
  auto rows = model.hidden_states(input).squeeze(0).slice(0, n - m - 1, n - 1);
  auto logp = at::log_softmax(model.lm_logits(rows).to(at::kFloat), -1);  // (m, V)
  auto targets = at::tensor(std::vector<int64_t>(label.begin(), label.end()), at::kLong).to(device);
  return logp.gather(1, targets.unsqueeze(1)).sum().item<double>();
}

}  // namespace

// The labels share the prompt's forward pass, which scores every label's first token; labels
// of several tokens then need the rest scored, in one batched pass. (When the prompt must be
// cut to fit, each label cuts it differently, so each gets its own pass.)
std::vector<double> label_scores(LanguageModelImpl& model, const std::vector<int>& prompt,
                                 const std::vector<std::vector<int>>& labels) {
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  for (const auto& l : labels)
    if (l.empty()) throw Error("a label has no tokens to score");
  size_t longest = 0;
  for (const auto& l : labels) longest = std::max(longest, l.size());
  std::vector<double> scores;
  if (prompt.empty() || prompt.size() + longest > static_cast<size_t>(model.config().max_seq_len)) {
    for (const auto& l : labels)
      scores.push_back(continuation_log_likelihood(model, prompt, l, device) / static_cast<double>(l.size()));
    return scores;
  }
  const auto n = static_cast<int64_t>(prompt.size());
  auto input = at::tensor(std::vector<int64_t>(prompt.begin(), prompt.end()), at::kLong).view({1, -1}).to(device);
  auto last = model.hidden_states(input).select(1, n - 1);                             // (1, C)
  auto first = at::log_softmax(model.lm_logits(last).to(at::kFloat), -1).squeeze(0).to(at::kCPU);  // (V)
  std::vector<double> sums;
  std::vector<size_t> longer;
  for (size_t l = 0; l < labels.size(); ++l) {
    sums.push_back(first[labels[l][0]].item<double>());
    if (labels[l].size() > 1) longer.push_back(l);
  }
  if (!longer.empty()) {
    // prompt + label without its last token, right-padded: row n - 1 + j predicts token j.
    const auto length = n + static_cast<int64_t>(longest) - 1;
    std::vector<int64_t> ids(longer.size() * static_cast<size_t>(length), 0);
    std::vector<uint8_t> real(ids.size(), 0);
    for (size_t b = 0; b < longer.size(); ++b) {
      const auto& label = labels[longer[b]];
      for (int64_t t = 0; t < n + static_cast<int64_t>(label.size()) - 1; ++t) {
        const auto at = b * static_cast<size_t>(length) + static_cast<size_t>(t);
        ids[at] = t < n ? prompt[static_cast<size_t>(t)] : label[static_cast<size_t>(t - n)];
        real[at] = 1;
      }
    }
    const auto shape = std::vector<int64_t>{static_cast<int64_t>(longer.size()), length};
    auto batch = at::tensor(ids, at::kLong).view(shape).to(device);
    auto padding = at::tensor(std::vector<int64_t>(real.begin(), real.end()), at::kLong).view(shape).to(device).to(at::kBool);
    auto hidden = model.hidden_states(batch, {}, padding);  // (B, length, C)
    for (size_t b = 0; b < longer.size(); ++b) {
      const auto& label = labels[longer[b]];
      const auto m = static_cast<int64_t>(label.size());
      auto rows = hidden[static_cast<int64_t>(b)].slice(0, n, n + m - 1);  // predict tokens 1 .. m-1
      auto logp = at::log_softmax(model.lm_logits(rows).to(at::kFloat), -1);
      auto targets = at::tensor(std::vector<int64_t>(label.begin() + 1, label.end()), at::kLong).to(device);
      sums[longer[b]] += logp.gather(1, targets.unsqueeze(1)).sum().item<double>();
    }
  }
  for (size_t l = 0; l < labels.size(); ++l) scores.push_back(sums[l] / static_cast<double>(labels[l].size()));
  return scores;
}

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
      // Per token, so a label that takes more tokens is not penalised for its length.
      const auto scores = label_scores(model, prompt, label_ids);
      const int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      right += best == test.examples[i].label;
    }
    results.push_back({k, static_cast<double>(right) / static_cast<double>(count), static_cast<int64_t>(count)});
  }
  return results;
}

}  // namespace lmlab
