#include "lmlab/inspect/token_loss.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

namespace lmlab {

namespace {

// Fills a token's loss and guesses from the model's log-probabilities for its position (V).
void score(TokenLoss& token, const at::Tensor& log_probs, const Tokenizer& tokenizer, int top_k) {
  token.scored = true;
  token.loss = -log_probs[token.id].item<double>();
  auto [values, indices] = log_probs.topk(std::min<int64_t>(top_k, log_probs.size(0)));
  for (int64_t k = 0; k < values.size(0); ++k) {
    const int id = static_cast<int>(indices[k].item<int64_t>());
    token.top.push_back({id, tokenizer.id_to_piece(id), std::exp(values[k].item<double>())});
  }
}

}  // namespace

TokenLosses token_losses(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k) {
  if (top_k < 1) throw Error("top must be at least 1");
  const bool bert = model.config().arch == Architecture::Bert;
  const auto specials = tokenizer.special_ids();
  std::vector<int64_t> ids;
  if (bert) ids.push_back(specials.cls);
  for (int id : tokenizer.encode(text)) ids.push_back(id);
  if (bert) ids.push_back(specials.sep);
  const auto content = static_cast<int64_t>(ids.size()) - (bert ? 2 : 0);
  if (content < (bert ? 1 : 2)) throw Error(bert ? "the text has no tokens to score" : "a GPT scores a token from the ones before it: give at least two tokens");
  if (static_cast<int64_t>(ids.size()) > model.config().max_seq_len)
    throw Error("the text is " + std::to_string(ids.size()) + " tokens long; the model reads at most " +
                std::to_string(model.config().max_seq_len));

  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  const auto T = static_cast<int64_t>(ids.size());
  TokenLosses out;
  out.masked_one_at_a_time = bert;
  for (auto id : ids) out.tokens.push_back({static_cast<int>(id), tokenizer.id_to_piece(static_cast<int>(id)), false, 0, {}});
  const auto input = at::tensor(ids, at::kLong).to(device);
  if (bert) {
    // Row r hides token r + 1: a (content, T) batch of masked copies.
    auto batch = input.unsqueeze(0).repeat({content, 1});                           // (N, T)
    const auto rows = at::arange(content, at::kLong).to(device);
    const auto positions = rows + 1;
    batch.index_put_({rows, positions}, specials.mask);
    const auto hidden = model.hidden_states(batch);                                 // (N, T, C)
    const auto picked = hidden.index({rows, positions});                            // (N, C)
    const auto log_probs = at::log_softmax(model.masked_lm_logits(picked).to(at::kFloat), -1).to(at::kCPU);  // (N, V)
    for (int64_t r = 0; r < content; ++r) score(out.tokens[static_cast<size_t>(r + 1)], log_probs[r], tokenizer, top_k);
  } else {
    const auto hidden = model.hidden_states(input.unsqueeze(0)).squeeze(0);          // (T, C)
    const auto log_probs = at::log_softmax(model.lm_logits(hidden.slice(0, 0, T - 1)).to(at::kFloat), -1).to(at::kCPU);  // (T-1, V)
    for (int64_t t = 1; t < T; ++t) score(out.tokens[static_cast<size_t>(t)], log_probs[t - 1], tokenizer, top_k);
  }
  double total = 0;
  int scored = 0;
  for (const auto& token : out.tokens)
    if (token.scored) total += token.loss, ++scored;
  out.mean_loss = scored > 0 ? total / scored : 0;
  return out;
}

}  // namespace lmlab
