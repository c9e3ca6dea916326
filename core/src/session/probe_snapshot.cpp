#include "lmlab/inspect/generation.h"
#include "lmlab/session/training_job.h"

#include <ATen/ATen.h>

#include <numeric>

namespace lmlab {

Snapshot probe_snapshot(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& probe, int64_t step) {
  torch::NoGradGuard no_grad;
  const bool was_training = model.is_training();
  model.eval();
  Snapshot s;
  s.step = step;
  const auto specials = tokenizer.special_ids();
  const bool bert = model.config().arch == Architecture::Bert;
  std::vector<int64_t> ids;
  if (bert) ids.push_back(specials.cls);
  for (int id : tokenizer.encode(probe)) ids.push_back(id);
  if (bert) ids.push_back(specials.sep);
  ids.resize(std::min<size_t>(ids.size(), static_cast<size_t>(model.config().max_seq_len)));
  auto& body = model.body();
  std::vector<int64_t> all(static_cast<size_t>(body.layer_count()));
  std::iota(all.begin(), all.end(), 0);
  body.set_attention_capture(all);
  const auto device = model.parameters().front().device();
  try {
    model.hidden_states(at::tensor(ids, at::kLong).view({1, -1}).to(device));
    const auto maps = body.captured_attention().select(1, 0).to(at::kFloat).to(at::kCPU).contiguous();  // (L, H, T, T)
    body.set_attention_capture({});
    s.attention.layers = static_cast<int>(maps.size(0));
    s.attention.heads = static_cast<int>(maps.size(1));
    s.attention.weights.assign(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
  } catch (...) {
    body.set_attention_capture({});
    model.train(was_training);
    throw;
  }
  for (auto id : ids) s.attention.tokens.push_back(tokenizer.id_to_piece(static_cast<int>(id)));
  if (bert && probe.find("[MASK]") != std::string::npos) s.masked = predict_masks(model, tokenizer, probe, 5);
  if (!bert) {
    GenerationSettings greedy;
    greedy.temperature = 0;
    greedy.max_tokens = 12;
    s.sample = generate_text(model, tokenizer, probe, greedy);
  }
  model.train(was_training);
  return s;
}

}  // namespace lmlab
