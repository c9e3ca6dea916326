#include "lmlab/train/pretrainer.h"

#include "lmlab/error.h"
#include "lmlab/train/pretraining_loss.h"

#include <chrono>
#include <cmath>

namespace lmlab {

void PretrainSettings::validate(const ModelConfig& model) const {
  if (steps < 1 || steps > 100'000'000) throw Error("steps must be between 1 and 100000000");
  if (!(adamw.lr > 0 && adamw.lr < 1)) throw Error("learning rate must be in (0, 1)");
  if (adamw.weight_decay < 0 || adamw.weight_decay > 1) throw Error("weight decay must be in [0, 1]");
  if (max_grad_norm < 0) throw Error("max_grad_norm must not be negative");
  if (warmup_steps > steps) throw Error("warmup steps must not exceed the steps");
  const bool bert = model.arch == Architecture::Bert;
  if (objectives.clm && bert)
    throw Error("objective clm (next-token) needs a GPT model; BERT trains with mlm, nsp or mlm+nsp");
  if ((objectives.mlm || objectives.nsp) && !bert)
    throw Error("objective " + objectives.name() + " needs a BERT model; GPT trains with clm");
}

Pretrainer::Pretrainer(LanguageModel model, PretrainingBatcher batcher, PretrainSettings settings)
    : model_(std::move(model)), batcher_(std::move(batcher)), settings_(settings) {
  settings_.validate(model_->config());
  if (settings_.warmup_steps < 0) settings_.warmup_steps = settings_.steps / 10;
  optimizer_ = make_adamw(*model_, settings_.adamw);
  base_lrs_ = learning_rates(*optimizer_);
}

StepMetrics Pretrainer::step() {
  const auto start = std::chrono::steady_clock::now();
  const auto device = model_->parameters().front().device();
  const auto batch = BatchTensors::from(batcher_.next(), device);
  const double lr = settings_.adamw.lr * warmup_linear(step_, settings_.steps, settings_.warmup_steps);
  scale_learning_rates(*optimizer_, base_lrs_, lr / settings_.adamw.lr);
  model_->train();
  const auto loss = optimizer_step(*model_, *optimizer_, batch, settings_.objectives,
                                   settings_.max_grad_norm, settings_.bf16);
  ++step_;

  StepMetrics m;
  m.step = step_;
  m.lr = lr;
  m.loss = loss.total.item<double>();
  if (!std::isfinite(m.loss))
    throw Error("training diverged at step " + std::to_string(step_) + ": the loss is " +
                std::to_string(m.loss) + "; try a lower learning rate (now " +
                std::to_string(settings_.adamw.lr) + ")");
  const auto ratio = [](const at::Tensor& count, int64_t total) {
    return static_cast<double>(count.item<int64_t>()) / static_cast<double>(std::max<int64_t>(1, total));
  };
  if (loss.mlm.defined()) {
    m.mlm_loss = loss.mlm.item<double>();
    m.mlm_accuracy = ratio(loss.mlm_correct, batch.mlm_positions.numel());
  }
  if (loss.nsp.defined()) {
    m.nsp_loss = loss.nsp.item<double>();
    m.nsp_accuracy = ratio(loss.nsp_correct, batch.nsp_labels.numel());
  }
  if (loss.clm.defined()) {
    m.clm_loss = loss.clm.item<double>();
    m.clm_accuracy = ratio(loss.clm_correct, batch.next_targets.ne(kIgnoreLabel).sum().item<int64_t>());
  }
  m.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  m.tokens_per_s = static_cast<double>(batch.tokens) / (m.ms / 1000.0);
  return m;
}

void Pretrainer::set_peak_lr(double lr) {
  if (!(lr > 0 && lr < 1)) throw Error("learning rate must be in (0, 1), got " + std::to_string(lr));
  for (auto& base : base_lrs_) base *= lr / settings_.adamw.lr;
  settings_.adamw.lr = lr;
}

}  // namespace lmlab
