#include "lmlab/inspect/saliency.h"

#include "lmlab/data/classification_batcher.h"
#include "lmlab/data/labeled_dataset.h"
#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"

#include <torch/autograd.h>

#include <cmath>

namespace lmlab {

namespace {

// Integration points per forward: bounds the memory of one batch of interpolated inputs.
constexpr int64_t kPointsPerBatch = 16;

}  // namespace

Saliency saliency(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text_a,
                  const std::string& text_b, int steps, int label) {
  if (!model.classifier) throw Error("saliency explains a classifier's prediction: fine-tune the model first");
  if (steps < 1 || steps > 1024) throw Error("steps must be between 1 and 1024, got " + std::to_string(steps));
  if (text_a.find_first_not_of(" \t") == std::string::npos) throw Error("the text to explain is empty");
  LabeledDataset one;
  one.labels = {"?"};
  one.pairs = !text_b.empty();
  one.examples.push_back({text_a, text_b, 0});
  const auto encoded = encode_examples(one, tokenizer, model.config().max_seq_len).front();
  const int classes = model.config().num_labels;
  EvalMode eval(model);
  torch::AutoGradMode with_gradients(true);  // whatever the caller's mode: this needs ∂f/∂input
  const auto device = model.parameters().front().device();
  const auto ids = torch::tensor(encoded.ids, torch::kLong).unsqueeze(0).to(device);            // (1, T)
  const auto segments = torch::tensor(encoded.segments, torch::kLong).unsqueeze(0).to(device);  // (1, T)
  auto& body = model.body();
  torch::Tensor input;
  {
    torch::NoGradGuard no_grad;
    input = body.embeddings->token(ids).to(torch::kFloat);  // (1, T, C)
  }
  // f: the class probability for a batch of token-vector inputs (B, T, C) -> (B).
  int target = label;
  const auto probability = [&](const torch::Tensor& vectors) {
    const auto n = vectors.size(0);
    const auto hidden = body.forward_vectors(vectors, segments.expand({n, -1}));
    return torch::softmax(model.classifier_logits(hidden).to(torch::kFloat), -1).select(1, target);
  };

  Saliency out;
  out.steps = steps;
  // Gradient x input, at the input itself.
  auto at_input = input.clone().requires_grad_(true);
  {
    const auto logits = model.classifier_logits(body.forward_vectors(at_input, segments)).to(torch::kFloat);
    if (target < 0) target = static_cast<int>(logits.argmax(-1).item<int64_t>());
    if (target >= classes)
      throw Error("label " + std::to_string(target) + " does not exist (the classifier has " + std::to_string(classes) + ")");
  }
  const auto p = probability(at_input);
  const auto gradient = torch::autograd::grad({p.sum()}, {at_input})[0];  // (1, T, C)
  const auto gxi = (gradient * input).sum(-1).squeeze(0).to(torch::kCPU);  // (T)
  out.label = target;
  out.probability = p.item<double>();

  // Integrated gradients: the midpoint rule on α in (0, 1), from the zero baseline.
  const auto baseline = torch::zeros_like(input);
  auto summed = torch::zeros_like(input);  // Σ_k ∇f(x' + α_k (x - x'))
  for (int64_t first = 0; first < steps; first += kPointsPerBatch) {
    const auto count = std::min<int64_t>(kPointsPerBatch, steps - first);
    const auto alphas = (torch::arange(first, first + count, input.options()) + 0.5) / static_cast<double>(steps);  // (n)
    auto points = (baseline + alphas.view({-1, 1, 1}) * (input - baseline)).detach().requires_grad_(true);  // (n, T, C)
    const auto grads = torch::autograd::grad({probability(points).sum()}, {points})[0];
    summed += grads.sum(0, true);
  }
  const auto ig = ((input - baseline) * summed / static_cast<double>(steps)).sum(-1).squeeze(0).to(torch::kCPU);  // (T)
  {
    torch::NoGradGuard no_grad;
    out.baseline_probability = probability(baseline).item<double>();
  }
  const auto specials = tokenizer.special_ids();
  for (size_t i = 0; i < encoded.ids.size(); ++i) {
    TokenAttribution t;
    t.id = static_cast<int>(encoded.ids[i]);
    t.piece = tokenizer.id_to_piece(t.id);
    t.segment = static_cast<int>(encoded.segments[i]);
    t.special = t.id == specials.cls || t.id == specials.sep || t.id == specials.pad;
    t.gradient_x_input = gxi[static_cast<int64_t>(i)].item<double>();
    t.integrated_gradients = ig[static_cast<int64_t>(i)].item<double>();
    out.attribution_sum += t.integrated_gradients;
    out.tokens.push_back(std::move(t));
  }
  const double difference = out.probability - out.baseline_probability;
  out.completeness_gap = std::abs(out.attribution_sum - difference) / std::max(std::abs(difference), 1e-12);
  return out;
}

}  // namespace lmlab
