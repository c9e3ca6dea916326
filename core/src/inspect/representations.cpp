#include "lmlab/inspect/representations.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/train/batch_tensors.h"

#include <ATen/ATen.h>

namespace lmlab {

ExampleRepresentations represent_examples(LanguageModelImpl& model, const std::vector<EncodedExample>& examples,
                                          int64_t pad_id, int64_t batch_size) {
  if (examples.empty()) throw Error("there are no examples to represent");
  torch::NoGradGuard no_grad;
  EvalMode eval(model);
  const auto device = model.parameters().front().device();
  ClassificationBatcher batches(examples, batch_size, pad_id, false, 0);
  std::vector<std::vector<at::Tensor>> per_depth;
  std::vector<at::Tensor> pooled;
  ExampleRepresentations out;
  TokenBatch batch;
  while (batches.next(batch)) {
    const auto t = BatchTensors::from(batch, device);
    const auto real = (t.padding.defined() ? t.padding : at::ones_like(t.ids, at::kBool)).to(at::kFloat).unsqueeze(-1);  // (B, T, 1)
    const auto states = model.body().layer_outputs(t.ids, t.segments, t.padding);  // L + 1 of (B, T, C)
    per_depth.resize(states.size());
    for (size_t depth = 0; depth < states.size(); ++depth)
      per_depth[depth].push_back(((states[depth].to(at::kFloat) * real).sum(1) / real.sum(1)).to(at::kCPU));  // (B, C)
    pooled.push_back(model.pooled(states.back(), t.padding).to(at::kFloat).to(at::kCPU));
    out.labels.insert(out.labels.end(), batch.labels.begin(), batch.labels.end());
  }
  for (const auto& rows : per_depth) out.layers.push_back(at::cat(rows));
  out.pooled = at::cat(pooled);
  return out;
}

}  // namespace lmlab
