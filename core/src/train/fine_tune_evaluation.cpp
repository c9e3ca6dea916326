#include "lmlab/train/fine_tune_evaluation.h"

#include "lmlab/error.h"
#include "lmlab/train/fine_tuner.h"
#include "lmlab/train/masked_lm_probe.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lmlab {

// A copy of the weights (on their device) taken when validation scored its best.
struct FineTuneEvaluation::BestWeights {
  std::vector<torch::Tensor> tensors;

  void keep(LanguageModelImpl& model) {
    torch::NoGradGuard no_grad;
    tensors.clear();
    for (const auto& p : model.parameters()) tensors.push_back(p.detach().clone());
    for (const auto& b : model.buffers()) tensors.push_back(b.detach().clone());
  }
  void restore(LanguageModelImpl& model) const {
    torch::NoGradGuard no_grad;
    size_t i = 0;
    for (auto& p : model.parameters()) p.copy_(tensors[i++]);
    for (auto& b : model.buffers()) b.copy_(tensors[i++]);
  }
};

FineTuneEvaluation::FineTuneEvaluation(FineTuner& tuner, EvaluationSets sets, EvaluationSettings settings)
    : tuner_(tuner), sets_(std::move(sets)), settings_(settings), best_(std::make_unique<BestWeights>()) {
  if (settings_.every < 0) throw Error("eval_every must not be negative");
  if (settings_.patience < 0) throw Error("patience must not be negative");
  if (settings_.patience > 0 && sets_.validation.empty())
    throw Error("early stopping (patience " + std::to_string(settings_.patience) +
                ") needs a validation set: set validation_share above 0");
  if (sets_.masked_lm && !tuner_.model()->masked_lm) sets_.masked_lm.reset();  // a GPT has no masked-LM head
  if (sets_.masked_lm) {
    const auto start = sets_.masked_lm->score(*tuner_.model());
    masked_lm_at_start_ = {start.accuracy, start.loss};
  }
}

FineTuneEvaluation::~FineTuneEvaluation() = default;

bool FineTuneEvaluation::done() const { return finished_; }

bool FineTuneEvaluation::due(int64_t step) const {
  const int64_t per_epoch = std::max<int64_t>(1, tuner_.steps_per_epoch());
  return !finished_ && (settings_.every > 0 ? step % settings_.every == 0 : step % per_epoch == 0);
}

std::optional<Evaluation> FineTuneEvaluation::after_step(int64_t step) {
  if (finished_) return std::nullopt;
  if (!due(step) && !tuner_.done()) return std::nullopt;
  const bool last = tuner_.done();
  Evaluation out;
  if (!sets_.validation.empty() || !sets_.train_probe.empty()) score_validation(out, step);
  if (sets_.masked_lm) {
    const auto now = sets_.masked_lm->score(*tuner_.model());
    out.metrics["masked_lm_accuracy"] = now.accuracy;
    out.metrics["masked_lm_loss"] = now.loss;
    if (masked_lm_at_start_) {
      out.metrics["masked_lm_accuracy_at_start"] = masked_lm_at_start_->first;
      out.metrics["masked_lm_loss_at_start"] = masked_lm_at_start_->second;
      masked_lm_at_start_.reset();
    }
  }
  if (last || stopped_early_) score_test(out);
  return out;
}

std::string FineTuneEvaluation::resume_json() const {
  return nlohmann::json{{"best_step", best_step_}, {"scores_since_best", scores_since_best_},
                        {"best_accuracy", best_accuracy_}, {"best_loss", best_loss_}}
      .dump();
}

std::vector<at::Tensor> FineTuneEvaluation::best_weights() const { return best_->tensors; }

void FineTuneEvaluation::resume(const std::string& json, std::vector<at::Tensor> best_weights, const std::string& origin) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  const auto number = [&](const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number())
      throw Error(origin + ": the saved evaluation state has no '" + key + "'");
    return j[key];
  };
  masked_lm_at_start_.reset();  // the weights now are not the run's start
  best_step_ = number("best_step").get<int64_t>();
  scores_since_best_ = number("scores_since_best").get<int64_t>();
  best_accuracy_ = number("best_accuracy").get<double>();
  best_loss_ = number("best_loss").get<double>();
  auto& model = *tuner_.model();
  if (!best_weights.empty() && best_weights.size() != model.parameters().size() + model.buffers().size())
    throw Error(origin + ": the saved best weights are not this model's");
  best_->tensors = std::move(best_weights);
}

void FineTuneEvaluation::score_validation(Evaluation& out, int64_t step) {
  if (!sets_.train_probe.empty()) {
    const auto train = tuner_.evaluate(sets_.train_probe, settings_.batch);
    out.metrics["train_accuracy"] = train.accuracy;
    out.metrics["train_loss"] = train.loss;
  }
  if (sets_.validation.empty()) return;
  const auto validation = tuner_.evaluate(sets_.validation, settings_.batch);
  out.metrics["validation_accuracy"] = validation.accuracy;
  out.metrics["validation_loss"] = validation.loss;
  // Better: a higher accuracy, or the same with a lower loss (a small validation set saturates
  // its accuracy long before the model stops improving).
  if (validation.accuracy > best_accuracy_ || (validation.accuracy == best_accuracy_ && validation.loss < best_loss_)) {
    best_accuracy_ = validation.accuracy;
    best_loss_ = validation.loss;
    best_step_ = step;
    scores_since_best_ = 0;
    if (settings_.patience > 0) best_->keep(*tuner_.model());
  } else if (settings_.patience > 0 && ++scores_since_best_ >= settings_.patience && !tuner_.done()) {
    stopped_early_ = true;
    out.metrics["stopped_early_at"] = static_cast<double>(step);
    out.note = "early stopping at step " + std::to_string(step) + ": validation has not improved for " +
               std::to_string(settings_.patience) + " evaluations; keeping the weights of step " +
               std::to_string(best_step_);
  }
}

void FineTuneEvaluation::score_test(Evaluation& out) {
  finished_ = true;
  // With early stopping the run ends on the weights validation chose, wherever it stopped.
  if (settings_.patience > 0 && best_step_ >= 0 && best_step_ != tuner_.steps_done()) best_->restore(*tuner_.model());
  if (best_step_ >= 0) {
    out.metrics["best_validation_accuracy"] = best_accuracy_;
    out.metrics["best_validation_step"] = static_cast<double>(best_step_);
  }
  if (sets_.test.empty()) return;
  const auto test = tuner_.evaluate(sets_.test, settings_.batch);
  out.metrics["test_accuracy"] = test.accuracy;
  out.metrics["test_loss"] = test.loss;
  out.test_report = test;
  test_report_ = test;
}

}  // namespace lmlab
