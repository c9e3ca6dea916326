#include "lmlab/inspect/masked_prediction.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <ATen/ATen.h>

namespace lmlab {

namespace {
constexpr std::string_view kMask = "[MASK]";
}  // namespace

std::vector<int> encode_masked_text(const Tokenizer& tokenizer, const std::string& text, int max_seq_len) {
  if (text.find(kMask) == std::string::npos) throw Error("the text has no [MASK] to predict");
  const auto specials = tokenizer.special_ids();
  std::vector<int> ids{specials.cls};
  size_t from = 0;
  while (true) {
    const size_t at = text.find(kMask, from);
    auto chunk = text.substr(from, at == std::string::npos ? std::string::npos : at - from);
    // The space before a mask belongs to the masked word: RoBERTa's byte BPE would otherwise
    // read a lone space token there, which it never saw in training.
    if (at != std::string::npos) chunk.erase(chunk.find_last_not_of(' ') + 1);
    if (chunk.find_first_not_of(' ') != std::string::npos)
      for (int id : tokenizer.encode(chunk)) ids.push_back(id);
    if (at == std::string::npos) break;
    ids.push_back(specials.mask);
    from = at + kMask.size();
  }
  ids.push_back(specials.sep);
  if (static_cast<int>(ids.size()) > max_seq_len)
    throw Error("the text is " + std::to_string(ids.size()) + " tokens long; the model reads at most " +
                std::to_string(max_seq_len));
  return ids;
}

MaskedText predict_masks(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k) {
  if (model.config().arch != Architecture::Bert)
    throw Error("masked-token prediction needs a BERT-style model; this one is GPT (use generate)");
  if (top_k < 1) throw Error("top must be at least 1");
  const auto ids = encode_masked_text(tokenizer, text, model.config().max_seq_len);

  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  std::vector<int64_t> ids64(ids.begin(), ids.end());
  auto input = at::tensor(ids64, at::kLong).view({1, -1}).to(device);
  std::vector<int64_t> positions;
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == tokenizer.special_ids().mask) positions.push_back(static_cast<int64_t>(i));
  auto hidden = model.hidden_states(input).squeeze(0);  // (T, C)
  auto rows = hidden.index_select(0, at::tensor(positions, at::kLong).to(device));
  auto probs = at::softmax(model.masked_lm_logits(rows).to(at::kFloat), -1).to(at::kCPU);  // (M, V)

  const auto k = std::min<int64_t>(top_k, probs.size(1));
  auto [values, indices] = probs.topk(k, -1);
  MaskedText out;
  for (int id : ids) out.pieces.push_back(tokenizer.id_to_piece(id));
  std::vector<int> filled_ids;
  size_t next_mask = 0;
  for (size_t i = 1; i + 1 < ids.size(); ++i) {
    if (next_mask < positions.size() && static_cast<int64_t>(i) == positions[next_mask]) {
      MaskPrediction prediction;
      prediction.position = static_cast<int>(i);
      for (int64_t j = 0; j < k; ++j) {
        const int id = static_cast<int>(indices[next_mask][j].item<int64_t>());
        prediction.top.push_back({id, tokenizer.id_to_piece(id), values[next_mask][j].item<double>()});
      }
      filled_ids.push_back(prediction.top.front().id);
      out.masks.push_back(std::move(prediction));
      ++next_mask;
    } else {
      filled_ids.push_back(ids[i]);
    }
  }
  out.filled = tokenizer.decode(filled_ids);
  return out;
}

}  // namespace lmlab
