#pragma once

#include "lmlab/model/language_model.h"

namespace lmlab {

// DistilBERT's recipe: a student with fewer layers of the same width, initialised from the
// teacher: embeddings and heads copied, student layer i from teacher layer i * (L_t / L_s)
// (every other layer when halving).
LanguageModel make_student(LanguageModelImpl& teacher, int student_layers);

struct DistillationSettings {
  double temperature = 2.0;
  double soft_weight = 0.5;    // KL(teacher || student) on temperature-softened labels, x T^2
  double hard_weight = 0.5;    // cross-entropy with the true labels
  double cosine_weight = 0.0;  // 1 - cos between student and teacher hidden states (real tokens)

  void validate() const;
};

struct DistillationLoss {
  at::Tensor total, soft, hard, cosine;  // cosine undefined when its weight is 0
};

// student_logits, teacher_logits: (B, K); labels: (B); hidden: (B, T, C) each, padding (B, T)
// bool or undefined. The teacher's tensors must carry no gradient.
DistillationLoss distillation_loss(const at::Tensor& student_logits, const at::Tensor& teacher_logits,
                                   const at::Tensor& labels, const at::Tensor& student_hidden,
                                   const at::Tensor& teacher_hidden, const at::Tensor& padding,
                                   const DistillationSettings& settings);

}  // namespace lmlab
