#include "lmlab/train/fine_tuner.h"
#include "lmlab/train/optimizer_state.h"

#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/train/batch_tensors.h"
#include "lmlab/train/step_metrics.h"
#include "lmlab/train/step_activity_probe.h"

#include <torch/nn/functional/loss.h>

#include <chrono>
#include <cmath>
#include <utility>

namespace lmlab {

void FineTuneSettings::validate(int layer_count) const {
  if (epochs < 1 || epochs > 10000) throw Error("epochs must be between 1 and 10000");
  if (max_steps < 0) throw Error("max-steps must not be negative");
  if (!(adamw.lr > 0 && adamw.lr < 1)) throw Error("learning rate must be in (0, 1)");
  if (!(warmup_ratio >= 0 && warmup_ratio < 1)) throw Error("warmup ratio must be in [0, 1)");
  if (!(layer_lr_decay > 0 && layer_lr_decay <= 1)) throw Error("layer-lr-decay must be in (0, 1]");
  if (gradual_unfreeze_every < 0) throw Error("gradual-unfreeze must not be negative");
  if (!freeze.layers.empty() && static_cast<int>(freeze.layers.size()) != layer_count)
    throw Error("the freeze state does not match the model's " + std::to_string(layer_count) + " layers");
  schedule_factor(schedule, 0, 1, 0);  // names the schedule if it is unknown
}

FineTuner::FineTuner(LanguageModel model, ClassificationBatcher train, FineTuneSettings settings, LanguageModel teacher)
    : model_(std::move(model)), teacher_(std::move(teacher)), train_(std::move(train)), settings_(std::move(settings)) {
  layer_count_ = static_cast<int>(model_->body().layer_count());
  const int layers = layer_count_;
  settings_.validate(layers);
  if (!model_->classifier) throw Error("the model has no classifier head; set its number of labels first");
  if (teacher_) {
    settings_.distillation.validate();
    if (!teacher_->classifier || teacher_->config().num_labels != model_->config().num_labels)
      throw Error("the teacher must be a classifier with the student's " + std::to_string(model_->config().num_labels) +
                  " labels");
    teacher_->eval();
    for (auto& p : teacher_->parameters()) p.requires_grad_(false);
  }
  total_steps_ = settings_.epochs * train_.batches_per_epoch();
  if (settings_.max_steps > 0) total_steps_ = std::min(total_steps_, settings_.max_steps);
  warmup_steps_ = static_cast<int64_t>(settings_.warmup_ratio * static_cast<double>(total_steps_));
  const double decay = settings_.layer_lr_decay;
  optimizer_ = make_adamw(*model_, settings_.adamw, [layers, decay](const std::string& name) {
    const auto part = part_of(name);
    if (part.kind == ModelPart::Head) return 1.0;
    const int depth = part.kind == ModelPart::Embeddings ? layers + 1 : layers - part.layer;
    return std::pow(decay, depth);
  });
  base_lrs_ = learning_rates(*optimizer_);
  set_freeze(settings_.gradual_unfreeze_every > 0 ? gradual_state(0)
             : settings_.freeze.layers.empty()    ? FreezeState::none(layers)
                                                  : settings_.freeze);
}

FreezeState FineTuner::gradual_state(int64_t step) const {
  const int layers = layer_count_;
  FreezeState s = FreezeState::none(layers);
  const int64_t opened = step / settings_.gradual_unfreeze_every;  // layers opened so far, from the top
  for (int i = 0; i < layers; ++i) s.layers[static_cast<size_t>(i)] = layers - i > opened;
  s.embeddings = opened <= layers;
  return s;
}

void FineTuner::set_peak_lr(double lr) {
  if (!(lr > 0 && lr < 1)) throw Error("learning rate must be in (0, 1), got " + std::to_string(lr));
  for (auto& base : base_lrs_) base *= lr / settings_.adamw.lr;
  settings_.adamw.lr = lr;
}

FineTuner::ResumeState FineTuner::resume_state() {
  ResumeState s;
  s.step = step_;
  s.batcher = train_.state();
  s.freeze = freeze_.describe();
  s.peak_lr = settings_.adamw.lr;
  s.tensors = adamw_state(*model_, *optimizer_);
  add_cpu_generator_state(s.tensors);
  return s;
}

void FineTuner::resume(const ResumeState& s, const std::string& origin) {
  if (s.step < 0 || s.step > total_steps_)
    throw Error(origin + ": the run stopped at step " + std::to_string(s.step) + ", beyond the " +
                std::to_string(total_steps_) + " steps of this run");
  try {
    train_.set_state(s.batcher);
    set_peak_lr(s.peak_lr);
    set_freeze(FreezeState::parse(s.freeze, layer_count_));
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  restore_adamw_state(*model_, *optimizer_, s.tensors, origin);
  restore_cpu_generator_state(s.tensors, origin);
  step_ = s.step;
}

void FineTuner::set_data_parallel(std::shared_ptr<DataParallel> parallel) { parallel_ = std::move(parallel); }

void FineTuner::set_freeze(const FreezeState& state) {
  apply_freeze(*model_, state);
  freeze_ = state;
}

FineTuneStep FineTuner::step(bool read_metrics) {
  const auto start = std::chrono::steady_clock::now();
  if (settings_.gradual_unfreeze_every > 0) {
    const auto wanted = gradual_state(step_);
    if (!(wanted == freeze_)) set_freeze(wanted);
  }
  TokenBatch host;
  if (!train_.next(host)) train_.next(host);  // an epoch ended: start the next one
  // Data-parallel: this rank's rows, its loss weighted by its share of the batch, so the
  // summed gradients are the whole batch's. A rank left without rows (a short last batch)
  // still takes part in the gradient sum.
  double weight = 1;
  if (parallel_) {
    const auto [first, last] = parallel_->rows(host.batch);
    weight = static_cast<double>(last - first) / static_cast<double>(host.batch);
    host = host.rows(first, last);
  }
  const auto device = model_->parameters().front().device();
  const double factor = schedule_factor(settings_.schedule, step_, total_steps_, warmup_steps_);
  scale_learning_rates(*optimizer_, base_lrs_, factor);
  model_->train();
  clear_gradients(*optimizer_);
  if (parallel_) parallel_->before_backward();
  const auto add = [this](size_t index, const at::Tensor& value) {
    pending_[index] = pending_[index].defined() ? pending_[index] + value : value;
  };
  if (host.batch > 0) {
    const auto batch = BatchTensors::from(host, device);
    auto hidden = model_->hidden_states(batch.ids, batch.segments, batch.padding);
    auto logits = model_->classifier_logits(hidden, batch.padding);  // (B, K)
    torch::Tensor loss;
    DistillationLoss distilled;
    if (teacher_) {
      torch::Tensor teacher_hidden, teacher_logits;
      {
        torch::NoGradGuard no_grad;
        teacher_hidden = teacher_->hidden_states(batch.ids, batch.segments, batch.padding);
        teacher_logits = teacher_->classifier_logits(teacher_hidden, batch.padding);
      }
      distilled = distillation_loss(logits, teacher_logits, batch.labels, hidden, teacher_hidden, batch.padding,
                                    settings_.distillation);
      loss = distilled.total;
    } else {
      loss = torch::nn::functional::cross_entropy(logits, batch.labels);
    }
    // Everything frozen (the freeze panel allows it): the step measures, nothing learns.
    if (loss.requires_grad()) (parallel_ ? loss * weight : loss).backward();
    // Device values, read below only every metrics_every steps.
    add(0, loss.detach() * weight);
    add(1, logits.detach().argmax(-1).eq(batch.labels).sum());
    if (teacher_) {
      add(2, distilled.soft.detach() * weight);
      add(3, distilled.hard.detach() * weight);
      if (distilled.cosine.defined()) add(4, distilled.cosine.detach() * weight);
    }
  }
  pending_rows_ += host.batch;
  ++pending_steps_;
  // Every rank of a data-parallel job reads at the same steps (the same schedule and the
  // same evaluation steps), as the metrics sum is a collective.
  const bool read = read_metrics ||
                    (step_ + 1) % metrics_read_interval(settings_.metrics_every, device.is_cuda()) == 0 ||
                    step_ + 1 >= total_steps_;
  if (parallel_) parallel_->after_backward();
  FineTuneStep r;
  r.step = step_ + 1;
  r.epoch = train_.epoch();
  r.measured = false;
  r.lr = settings_.adamw.lr * factor;
  // Read before the update: a loss that is not finite stops the run before it reaches the weights.
  if (read) read_pending(r);
  StepActivityProbe probe;
  const bool measured = std::exchange(measure_next_, false);
  if (measured) probe.before_update(*model_);
  clip_gradients(*model_, settings_.max_grad_norm);
  optimizer_->step();
  if (measured) last_activity_ = probe.after_update(*model_, r.step);
  ++step_;
  r.frozen = freeze_.describe();
  r.memory = training_memory(*model_, *optimizer_);
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  last_step_ = r;
  return r;
}

void FineTuner::read_pending(FineTuneStep& r) {
  // One device-to-host copy for all five sums (each .item() would wait for a GPU again).
  const auto device = model_->parameters().front().device();
  const auto zero = at::zeros({}, at::TensorOptions().dtype(at::kDouble).device(device));
  std::vector<at::Tensor> parts;
  for (const auto& value : pending_) parts.push_back(value.defined() ? value.to(at::kDouble) : zero);
  const auto read_back = at::stack(parts).cpu();  // (5)
  const auto* v = read_back.data_ptr<double>();
  // Weighted loss, correct, rows, weighted soft, hard and cosine losses.
  std::vector<double> sums{v[0], v[1], static_cast<double>(pending_rows_), v[2], v[3], v[4]};
  const auto steps_read = static_cast<double>(pending_steps_);
  pending_ = {};
  pending_rows_ = pending_steps_ = 0;
  if (parallel_) parallel_->sum(sums);
  r.measured = true;
  r.loss = sums[0] / steps_read;
  if (!std::isfinite(r.loss))
    throw Error("fine-tuning diverged at step " + std::to_string(r.step) + ": the loss is " + std::to_string(r.loss) +
                "; try a lower learning rate");
  r.accuracy = sums[1] / std::max(1.0, sums[2]);
  if (teacher_) {
    r.soft_loss = sums[3] / steps_read;
    r.hard_loss = sums[4] / steps_read;
    if (settings_.distillation.cosine_weight > 0) r.cosine_loss = sums[5] / steps_read;
  }
}

std::optional<FineTuneStep> FineTuner::read_unread_metrics() {
  if (pending_steps_ == 0) return std::nullopt;
  auto r = last_step_;
  read_pending(r);
  return r;
}

ClassificationReport FineTuner::evaluate(const std::vector<EncodedExample>& examples, int64_t batch) {
  torch::NoGradGuard no_grad;
  EvalMode eval(*model_);
  const auto k = model_->config().num_labels;
  std::vector<std::vector<int64_t>> confusion(k, std::vector<int64_t>(k, 0));
  ClassificationBatcher batches(examples, batch, 0, /*shuffle=*/false, 0);
  const auto device = model_->parameters().front().device();
  double loss_sum = 0;
  TokenBatch host;
  while (batches.next(host)) {
    const auto b = BatchTensors::from(host, device);
    auto logits = model_->classifier_logits(model_->hidden_states(b.ids, b.segments, b.padding), b.padding);
    loss_sum += torch::nn::functional::cross_entropy(logits, b.labels,
                                                     torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                    .item<double>();
    const auto predicted = logits.argmax(-1).to(torch::kCPU);
    for (int64_t r = 0; r < host.batch; ++r) ++confusion[host.labels[r]][predicted[r].item<int64_t>()];
  }
  return ClassificationReport::from_confusion(std::move(confusion), loss_sum / static_cast<double>(examples.size()));
}

}  // namespace lmlab
