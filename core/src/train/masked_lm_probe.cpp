#include "lmlab/train/masked_lm_probe.h"

#include "lmlab/data/mlm_masker.h"
#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/train/batch_tensors.h"

#include <torch/nn/functional/loss.h>

#include <random>

namespace lmlab {

MaskedLmProbe::MaskedLmProbe(const std::vector<EncodedExample>& texts, const SpecialIds& specials, int vocab_size,
                             int64_t batch, uint64_t seed) {
  MaskingOptions all_masked;
  all_masked.as_mask = 1.0, all_masked.as_random = 0.0;
  const MlmMasker masker(specials, vocab_size, all_masked);
  std::mt19937_64 rng(seed);
  ClassificationBatcher batcher(texts, batch, specials.pad, false, 0);
  TokenBatch b;
  while (batcher.next(b)) {
    b.mlm_labels.assign(b.ids.size(), kIgnoreLabel);
    for (int64_t row = 0; row < b.batch; ++row) {
      int64_t real = 0;
      while (real < b.length && b.real[static_cast<size_t>(row * b.length + real)]) ++real;
      const auto at = static_cast<size_t>(row * b.length);
      masker.mask(b.ids.data() + at, b.mlm_labels.data() + at, static_cast<size_t>(real), rng);
    }
    batches_.push_back(b);
  }
}

MaskedLmScore MaskedLmProbe::score(LanguageModelImpl& model) const {
  if (!model.masked_lm) throw Error("a masked-LM score needs a BERT-style model");
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  double loss_sum = 0;
  int64_t correct = 0, masked = 0;
  for (const auto& batch : batches_) {
    const auto t = BatchTensors::from(batch, device);
    if (t.mlm_positions.numel() == 0) continue;
    const auto hidden = model.hidden_states(t.ids, t.segments, t.padding);                              // (B, T, C)
    const auto rows = hidden.reshape({-1, hidden.size(-1)}).index_select(0, t.mlm_positions);           // (N, C)
    const auto logits = model.masked_lm_logits(rows).to(torch::kFloat);                                   // (N, V)
    loss_sum += torch::nn::functional::cross_entropy(
                    logits, t.mlm_targets, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                    .item<double>();
    correct += logits.argmax(-1).eq(t.mlm_targets).sum().item<int64_t>();
    masked += t.mlm_targets.numel();
  }
  MaskedLmScore out;
  out.masked = masked;
  if (masked > 0) {
    out.accuracy = static_cast<double>(correct) / static_cast<double>(masked);
    out.loss = loss_sum / static_cast<double>(masked);
  }
  return out;
}

}  // namespace lmlab
