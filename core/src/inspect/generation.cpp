#include "lmlab/inspect/generation.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace lmlab {

std::vector<int> next_token_window(const std::vector<int>& context, const SpecialIds& specials, int max_seq_len) {
  if (context.empty()) return {specials.eos};
  const auto window = static_cast<size_t>(max_seq_len);
  return {context.end() - static_cast<std::ptrdiff_t>(std::min(window, context.size())), context.end()};
}

at::Tensor exclude_unwritten_tokens(at::Tensor logits, const SpecialIds& specials) {
  // A GPT never writes [MASK] or [CLS]; </s> ends a text and stays.
  for (int id : {specials.pad, specials.unk, specials.cls, specials.sep, specials.mask, specials.bos})
    if (id >= 0 && id < logits.size(-1)) logits.select(-1, id).fill_(-std::numeric_limits<float>::infinity());
  return logits;
}

namespace {

// Logits (V) for the token after context.
std::vector<float> next_logits(LanguageModelImpl& model, const SpecialIds& specials, const std::vector<int>& context) {
  const auto window = next_token_window(context, specials, model.config().max_seq_len);
  std::vector<int64_t> ids(window.begin(), window.end());
  auto input = at::tensor(ids, at::kLong).view({1, -1}).to(model.parameters().front().device());
  auto hidden = model.hidden_states(input).select(1, -1);  // (1, C)
  auto logits = exclude_unwritten_tokens(model.lm_logits(hidden).squeeze(0).to(at::kFloat).to(at::kCPU), specials);  // (V)
  return {logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel()};
}

void require_decoder(const LanguageModelImpl& model) {
  if (model.config().arch != Architecture::Gpt)
    throw Error("generation needs a GPT-style model; this one is BERT (use predict-mask)");
}

// Picks the next token from logits over the vocabulary, after temperature, top-k, top-p.
int sample(std::vector<float> logits, const GenerationSettings& s, std::mt19937_64& rng) {
  const int vocab = static_cast<int>(logits.size());
  std::vector<int> order(vocab);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
  if (s.temperature == 0) return order.front();
  int keep = s.top_k > 0 ? std::min(s.top_k, vocab) : vocab;
  const float top = logits[order.front()];
  std::vector<double> probs(keep);
  double total = 0;
  for (int i = 0; i < keep; ++i) total += probs[i] = std::exp((logits[order[i]] - top) / s.temperature);
  if (s.top_p < 1) {
    double cumulative = 0;
    int nucleus = 0;
    while (nucleus < keep && cumulative < s.top_p * total) cumulative += probs[nucleus++];
    keep = std::max(1, nucleus);
    probs.resize(keep);
  }
  std::discrete_distribution<int> pick(probs.begin(), probs.end());
  return order[pick(rng)];
}

}  // namespace

std::vector<int> generate_ids(LanguageModelImpl& model, const SpecialIds& specials, std::vector<int> context,
                              const GenerationSettings& settings) {
  settings.validate();
  require_decoder(model);
  if (context.empty()) context.push_back(specials.eos);  // a document boundary: "start of text"
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  std::mt19937_64 rng(settings.seed);
  std::vector<int> produced;
  for (int n = 0; n < settings.max_tokens; ++n) {
    const int next = sample(next_logits(model, specials, context), settings, rng);
    if (settings.stop_at_eos && next == specials.eos) break;
    produced.push_back(next);
    context.push_back(next);
  }
  return produced;
}

std::vector<TokenGuess> next_token_top(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& prompt,
                                       int k, double temperature) {
  require_decoder(model);
  if (k < 1) throw Error("k must be at least 1");
  if (!(temperature >= 0 && temperature <= 100)) throw Error("temperature must be between 0 and 100");
  const double t = temperature > 0 ? temperature : 1.0;
  const auto specials = tokenizer.special_ids();
  const std::vector<int> context = tokenizer.encode(prompt);
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto logits = next_logits(model, specials, context);
  const float top = *std::max_element(logits.begin(), logits.end());
  std::vector<double> probs(logits.size());
  double total = 0;
  for (size_t i = 0; i < logits.size(); ++i) total += probs[i] = std::exp((logits[i] - top) / t);
  std::vector<int> order(logits.size());
  std::iota(order.begin(), order.end(), 0);
  const auto keep = std::min<size_t>(static_cast<size_t>(k), order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [&](int a, int b) { return probs[a] > probs[b]; });
  std::vector<TokenGuess> out;
  for (size_t i = 0; i < keep; ++i)
    out.push_back({order[i], tokenizer.id_to_piece(order[i]), probs[static_cast<size_t>(order[i])] / total});
  return out;
}

std::string generate_text(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& prompt,
                          const GenerationSettings& settings) {
  return tokenizer.decode(generate_ids(model, tokenizer.special_ids(), tokenizer.encode(prompt), settings));
}

}  // namespace lmlab
