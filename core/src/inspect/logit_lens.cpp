#include "lmlab/inspect/logit_lens.h"

#include "lmlab/error.h"
#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/masked_prediction.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

namespace lmlab {

LogitLens logit_lens(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k) {
  if (top_k < 1) throw Error("top must be at least 1");
  const bool bert = model.config().arch == Architecture::Bert;
  const auto specials = tokenizer.special_ids();
  const auto ids = bert ? encode_masked_text(tokenizer, text, model.config().max_seq_len)
                        : next_token_window(tokenizer.encode(text), specials, model.config().max_seq_len);
  std::vector<int64_t> positions;
  if (bert) {
    for (size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == specials.mask) positions.push_back(static_cast<int64_t>(i));
  } else {
    positions.push_back(static_cast<int64_t>(ids.size()) - 1);
  }

  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  const std::vector<int64_t> ids64(ids.begin(), ids.end());
  const auto input = at::tensor(ids64, at::kLong).view({1, -1}).to(device);
  const auto rows = at::tensor(positions, at::kLong).to(device);
  auto& body = model.body();
  const auto states = body.layer_outputs(input);  // L + 1 of (1, T, C)
  std::vector<at::Tensor> probabilities;          // per depth (P, V)
  for (size_t depth = 0; depth < states.size(); ++depth) {
    auto hidden = states[depth].squeeze(0).index_select(0, rows);  // (P, C)
    // The last state already went through the final norm; earlier ones get it here.
    if (body.final_norm && depth + 1 < states.size()) hidden = body.final_norm(hidden);
    auto logits = (bert ? model.masked_lm_logits(hidden) : model.lm_logits(hidden)).to(at::kFloat).to(at::kCPU);
    if (!bert) logits = exclude_unwritten_tokens(logits, specials);
    probabilities.push_back(at::softmax(logits, -1));  // (P, V)
  }

  LogitLens out;
  for (int id : ids) out.pieces.push_back(tokenizer.id_to_piece(id));
  const auto answers = probabilities.back().argmax(-1);  // (P)
  const auto k = std::min<int64_t>(top_k, probabilities.back().size(1));
  for (size_t depth = 0; depth < probabilities.size(); ++depth) {
    const auto& p = probabilities[depth];
    auto [values, indices] = p.topk(k, -1);
    LensLayer layer;
    layer.layer = static_cast<int>(depth);
    for (size_t j = 0; j < positions.size(); ++j) {
      const auto row = static_cast<int64_t>(j);
      MaskPrediction prediction;
      prediction.position = static_cast<int>(positions[j]);
      for (int64_t r = 0; r < k; ++r) {
        const int id = static_cast<int>(indices[row][r].item<int64_t>());
        prediction.top.push_back({id, tokenizer.id_to_piece(id), values[row][r].item<double>()});
      }
      layer.positions.push_back(std::move(prediction));
      // Rank of the final answer here: 1 + how many tokens this depth finds likelier.
      const auto answer_p = p[row][answers[row].item<int64_t>()];
      layer.answer_ranks.push_back(1 + static_cast<int>((p[row] > answer_p).sum().item<int64_t>()));
    }
    out.layers.push_back(std::move(layer));
  }
  return out;
}

}  // namespace lmlab
