#include "lmlab/train/distillation.h"

#include "lmlab/error.h"

#include <torch/nn/functional/loss.h>

namespace lmlab {

LanguageModel make_student(LanguageModelImpl& teacher, int student_layers) {
  const int teacher_layers = teacher.config().n_layers;
  if (student_layers < 1 || student_layers > teacher_layers)
    throw Error("the student needs between 1 and " + std::to_string(teacher_layers) + " layers (the teacher's), got " +
                std::to_string(student_layers));
  auto config = teacher.config();
  config.n_layers = student_layers;
  LanguageModel student(config);
  const int stride = teacher_layers / student_layers;
  const auto teacher_params = teacher.named_parameters(/*recurse=*/true);
  torch::NoGradGuard no_grad;
  for (auto& item : student->named_parameters(/*recurse=*/true)) {
    std::string source = item.key();
    for (const char* body : {"encoder.layers.", "decoder.layers."}) {
      const std::string prefix = body;
      if (source.rfind(prefix, 0) != 0) continue;
      const auto dot = source.find('.', prefix.size());
      const int layer = std::stoi(source.substr(prefix.size(), dot - prefix.size()));
      source = prefix + std::to_string(layer * stride) + source.substr(dot);
    }
    const auto* from = teacher_params.find(source);
    if (!from) throw Error("the teacher has no parameter '" + source + "' for the student");
    item.value().copy_(*from);
  }
  return student;
}

void DistillationSettings::validate() const {
  if (!(temperature > 0 && temperature <= 100)) throw Error("temperature must be in (0, 100]");
  if (soft_weight < 0 || hard_weight < 0 || cosine_weight < 0) throw Error("loss weights must not be negative");
  if (soft_weight + hard_weight + cosine_weight <= 0) throw Error("at least one distillation loss weight must be positive");
}

DistillationLoss distillation_loss(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                   const at::Tensor& labels, const at::Tensor& student_hidden,
                                   const at::Tensor& teacher_hidden, const at::Tensor& padding,
                                   const DistillationSettings& s) {
  namespace F = torch::nn::functional;
  DistillationLoss loss;
  const double t = s.temperature;
  const auto student_log_p = at::log_softmax(student_logits / t, -1);
  const auto teacher_p = at::softmax(teacher_logits.detach() / t, -1);
  // KL(teacher || student), scaled by T^2 so its gradients keep their size as T changes.
  loss.soft = F::kl_div(student_log_p, teacher_p, F::KLDivFuncOptions().reduction(torch::kBatchMean)) * (t * t);
  loss.hard = F::cross_entropy(student_logits, labels);
  loss.total = s.soft_weight * loss.soft + s.hard_weight * loss.hard;
  if (s.cosine_weight > 0) {
    auto cos = at::cosine_similarity(student_hidden, teacher_hidden.detach(), -1);  // (B, T)
    auto weight = padding.defined() ? padding.to(cos.scalar_type()) : at::ones_like(cos);
    loss.cosine = ((1 - cos) * weight).sum() / weight.sum();
    loss.total = loss.total + s.cosine_weight * loss.cosine;
  }
  return loss;
}

}  // namespace lmlab
