#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/logit_lens.h"
#include "lmlab/inspect/masked_prediction.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/session/training_job.h"

#include <ATen/ATen.h>

#include <numeric>

namespace lmlab {

namespace {

// Attention capture on every layer for one scope, off again however the scope ends.
class CaptureAll {
 public:
  explicit CaptureAll(TransformerStackImpl& body) : body_(body) {
    std::vector<int64_t> all(static_cast<size_t>(body.layer_count()));
    std::iota(all.begin(), all.end(), 0);
    body_.set_attention_capture(all);
  }
  ~CaptureAll() { body_.set_attention_capture({}); }
  AttentionSnapshot take(std::vector<std::string> tokens) const {
    const auto maps = body_.captured_attention().select(1, 0).to(at::kFloat).to(at::kCPU).contiguous();  // (L, H, T, T)
    AttentionSnapshot a;
    a.layers = static_cast<int>(maps.size(0));
    a.heads = static_cast<int>(maps.size(1));
    a.weights.assign(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
    a.tokens = std::move(tokens);
    return a;
  }

 private:
  TransformerStackImpl& body_;
};

}  // namespace

Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step) {
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  Snapshot s;
  s.step = step;
  const bool bert = model.config().arch == Architecture::Bert;
  if (bert && probe.find("[MASK]") != std::string::npos) {
    // One forward gives both the guesses and the attention maps.
    CaptureAll capture(model.body());
    s.masked = predict_masks(model, tokenizer, probe, 5);
    s.attention = capture.take(s.masked->pieces);
    s.lens = logit_lens(model, tokenizer, probe, 5);
    return s;
  }
  const auto specials = tokenizer.special_ids();
  std::vector<int64_t> ids;
  if (bert) ids.push_back(specials.cls);
  for (int id : tokenizer.encode(probe)) ids.push_back(id);
  if (bert) ids.push_back(specials.sep);
  ids.resize(std::min<size_t>(ids.size(), static_cast<size_t>(model.config().max_seq_len)));
  if (ids.empty()) ids.push_back(specials.eos);
  std::vector<std::string> tokens;
  for (auto id : ids) tokens.push_back(tokenizer.id_to_piece(static_cast<int>(id)));
  {
    CaptureAll capture(model.body());
    model.hidden_states(at::tensor(ids, at::kLong).view({1, -1}).to(model.parameters().front().device()));
    s.attention = capture.take(std::move(tokens));
  }
  if (!bert) {
    GenerationSettings greedy;
    greedy.temperature = 0;
    greedy.max_tokens = 12;
    s.sample = generate_text(model, tokenizer, probe, greedy);
    s.lens = logit_lens(model, tokenizer, probe, 5);
  }
  return s;
}

}  // namespace lmlab
