#include "lmlab/train/pretrainer.h"

#include "lmlab/error.h"
#include "lmlab/train/optimizer_state.h"
#include "lmlab/train/pretraining_loss.h"

#include <algorithm>
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

void Pretrainer::set_data_parallel(std::shared_ptr<DataParallel> parallel) {
  if (parallel && batcher_.batch_size() < parallel->world_size())
    throw Error("a batch of " + std::to_string(batcher_.batch_size()) + " sequences cannot be shared by " +
                std::to_string(parallel->world_size()) + " processes; use --batch of at least the process count");
  parallel_ = std::move(parallel);
}

StepMetrics Pretrainer::step() {
  if (unread_steps_ == 0) unread_since_ = std::chrono::steady_clock::now();
  const auto device = model_->parameters().front().device();
  auto host = batcher_.next();
  DataParallelStep share;
  if (parallel_) {
    // Weights from this rank's share of each count; every rank sees the whole global batch.
    const auto [first, last] = parallel_->rows(host.batch);
    auto mine = host.rows(first, last);
    const auto ratio = [](int64_t part, int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0.0; };
    share = {parallel_.get(), ratio(mine.masked_count(), host.masked_count()), ratio(mine.batch, host.batch),
             ratio(mine.next_target_count(), host.next_target_count())};
    host = std::move(mine);
  }
  const auto batch = BatchTensors::from(host, device);
  const double lr = settings_.adamw.lr * warmup_linear(step_, settings_.steps, settings_.warmup_steps);
  scale_learning_rates(*optimizer_, base_lrs_, lr / settings_.adamw.lr);
  model_->train();
  const auto loss = optimizer_step(*model_, *optimizer_, batch, settings_.objectives, settings_.max_grad_norm,
                                   settings_.bf16, parallel_ ? &share : nullptr);
  ++step_;

  // Weighted losses and correct counts stay on the device until they are read.
  const auto zero = at::zeros({}, at::TensorOptions().dtype(at::kDouble).device(device));
  const auto part = [&](const at::Tensor& t, double weight = 1) {
    return t.defined() ? t.detach().to(at::kDouble) * weight : zero;
  };
  const auto sums = at::stack({part(loss.mlm, share.mlm_weight), part(loss.mlm_correct),
                               part(loss.nsp, share.nsp_weight), part(loss.nsp_correct),
                               part(loss.clm, share.clm_weight), part(loss.clm_correct)});  // (6)
  unread_device_sums_ = unread_device_sums_.defined() ? unread_device_sums_ + sums : sums;
  // Counts from the host batch: no device work or sync for them.
  unread_host_counts_[0] += static_cast<double>(host.masked_count());
  unread_host_counts_[1] += static_cast<double>(host.batch);
  unread_host_counts_[2] += static_cast<double>(host.next_target_count());
  unread_host_counts_[3] += static_cast<double>(batch.tokens);
  ++unread_steps_;

  last_lr_ = lr;
  if (step_ % metrics_read_interval(settings_.metrics_every, device.is_cuda()) == 0 || done()) return read_metrics(lr);
  StepMetrics m;
  m.step = step_;
  m.lr = lr;
  m.measured = false;
  return m;
}

std::optional<StepMetrics> Pretrainer::read_unread_metrics() {
  if (unread_steps_ == 0) return std::nullopt;
  return read_metrics(last_lr_);
}

StepMetrics Pretrainer::read_metrics(double lr) {
  const auto device_sums = unread_device_sums_.cpu();  // the one host sync per read
  const auto* d = device_sums.data_ptr<double>();
  const auto& h = unread_host_counts_;
  // Sums over the steps since the last read (over every rank's rows when parallel).
  std::vector<double> sums{d[0], d[1], h[0], d[2], d[3], h[1], d[4], d[5], h[2], h[3]};
  if (parallel_) parallel_->sum(sums);
  const double steps = static_cast<double>(unread_steps_);
  const double elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - unread_since_).count();
  unread_device_sums_ = at::Tensor();
  unread_host_counts_ = {};
  unread_steps_ = 0;

  StepMetrics m;
  m.step = step_;
  m.lr = lr;
  m.loss = (sums[0] + sums[3] + sums[6]) / steps;
  if (!std::isfinite(m.loss))
    throw Error("training diverged by step " + std::to_string(step_) + ": the loss is " + std::to_string(m.loss) +
                "; try a lower learning rate (now " + std::to_string(settings_.adamw.lr) + ")");
  const auto ratio = [](double count, double total) { return count / std::max(1.0, total); };
  const auto& objectives = settings_.objectives;
  if (objectives.mlm) m.mlm_loss = sums[0] / steps, m.mlm_accuracy = ratio(sums[1], sums[2]);
  if (objectives.nsp) m.nsp_loss = sums[3] / steps, m.nsp_accuracy = ratio(sums[4], sums[5]);
  if (objectives.clm) m.clm_loss = sums[6] / steps, m.clm_accuracy = ratio(sums[7], sums[8]);
  m.ms = elapsed_ms / steps;
  m.tokens_per_s = sums[9] / (elapsed_ms / 1000.0);
  if (parallel_) m.allreduce_bytes = parallel_->gradient_bytes();
  return m;
}

Pretrainer::ResumeState Pretrainer::resume_state() {
  ResumeState s;
  s.step = step_;
  s.batcher_rng = batcher_.rng_state();
  s.tensors = adamw_state(*model_, *optimizer_);
  add_cpu_generator_state(s.tensors);
  return s;
}

void Pretrainer::resume(const ResumeState& s, const std::string& origin) {
  if (s.step < 0 || s.step > settings_.steps)
    throw Error(origin + ": the run stopped at step " + std::to_string(s.step) + ", beyond the " +
                std::to_string(settings_.steps) + " steps asked for now");
  try {
    batcher_.set_rng_state(s.batcher_rng);
  } catch (const Error& e) {
    throw Error(origin + ": " + e.what());
  }
  restore_adamw_state(*model_, *optimizer_, s.tensors, origin);
  restore_cpu_generator_state(s.tensors, origin);
  step_ = s.step;
}

void Pretrainer::set_peak_lr(double lr) {
  if (!(lr > 0 && lr < 1)) throw Error("learning rate must be in (0, 1), got " + std::to_string(lr));
  for (auto& base : base_lrs_) base *= lr / settings_.adamw.lr;
  settings_.adamw.lr = lr;
}

}  // namespace lmlab
