#include "lmlab/error.h"
#include "lmlab/session/pretrain_resume.h"
#include "lmlab/train/pretrainer.h"

#include <chrono>

namespace lmlab {

namespace {

// A step's numbers as a session reports them: the objectives' losses and accuracies, the
// schedule, the speed and, data-parallel, the bytes every rank sent.
SessionStep session_step(const StepMetrics& m) {
  SessionStep s;
  s.step = m.step;
  s.measured = m.measured;
  s.loss = m.loss;
  s.ms = m.ms;
  s.metrics["lr"] = m.lr;
  s.metrics["tokens_per_s"] = m.tokens_per_s;
  const auto put = [&](const char* key, const std::optional<double>& v) {
    if (v) s.metrics[key] = *v;
  };
  put("mlm_loss", m.mlm_loss);
  put("mlm_accuracy", m.mlm_accuracy);
  put("nsp_loss", m.nsp_loss);
  put("nsp_accuracy", m.nsp_accuracy);
  put("clm_loss", m.clm_loss);
  put("clm_accuracy", m.clm_accuracy);
  if (m.allreduce_bytes) s.metrics["allreduce_bytes"] = static_cast<double>(*m.allreduce_bytes);
  return s;
}

class PretrainJob final : public TrainingJob, public ModelHolder, public LearningRateControl {
 public:
  PretrainJob(PreparedPretraining prepared, PretrainRequest request)
      : prepared_(std::move(prepared)), request_(std::move(request)), probe_(prepared_.probe) {
    auto& trainer = *prepared_.trainer;
    info_.kind = "pretrain";
    describe_model(info_, *trainer.model());
    info_.total_steps = trainer.settings().steps;
    info_.first_step = trainer.steps_done();
    info_.probe = probe_;
    info_.description = info_.arch + " pretraining (" + trainer.settings().objectives.name() + "), " +
                        std::to_string(info_.layers) + " layers, " + std::to_string(info_.parameters) +
                        " parameters, " + std::to_string(prepared_.documents) + " documents / " +
                        std::to_string(prepared_.sentences) + " sentences of " + prepared_.corpus + ", on " +
                        trainer.model()->parameters().front().device().str();
  }

  SessionInfo info() const override { return info_; }
  bool done() const override { return prepared_.trainer->done(); }

  SessionStep step() override {
    const auto start = std::chrono::steady_clock::now();
    auto step = session_step(prepared_.trainer->step());
    elapsed_s_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (step.measured) last_ = step;
    return step;
  }

  std::optional<SessionStep> read_unread_metrics() override {
    const auto metrics = prepared_.trainer->read_unread_metrics();
    if (!metrics) return std::nullopt;
    last_ = session_step(*metrics);
    return last_;
  }

  Snapshot snapshot() override {
    return probe_snapshot(*prepared_.trainer->model(), *prepared_.tokenizer, probe_, prepared_.trainer->steps_done());
  }
  void save(const std::string& dir) override {
    save_pretraining(dir, request_, prepared_, elapsed_s_, last_ ? &*last_ : nullptr);
  }
  void set_probe(std::string probe) override { probe_ = std::move(probe); }
  void set_learning_rate(double peak) override { prepared_.trainer->set_peak_lr(peak); }
  LanguageModelImpl& model() override { return *prepared_.trainer->model(); }
  const Tokenizer& tokenizer() const override { return *prepared_.tokenizer; }

 private:
  PreparedPretraining prepared_;
  PretrainRequest request_;
  std::string probe_;
  SessionInfo info_;
  std::optional<SessionStep> last_;
  double elapsed_s_ = 0;  // training steps only, this session's
};

}  // namespace

std::unique_ptr<TrainingJob> make_pretrain_job(PreparedPretraining prepared, PretrainRequest request) {
  if (!prepared.trainer || !prepared.tokenizer) throw Error("a pretraining job needs a trainer and a tokenizer");
  return std::make_unique<PretrainJob>(std::move(prepared), std::move(request));
}

std::unique_ptr<TrainingJob> make_pretrain_job(const PretrainRequest& request) {
  auto prepared = prepare_pretraining(request);
  if (!request.resume.empty()) resume_pretraining(request, prepared);
  return make_pretrain_job(std::move(prepared), request);
}

}  // namespace lmlab
