#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/training_job.h"
#include "lmlab/train/pretrainer.h"

namespace lmlab {

namespace {

class PretrainJob final : public TrainingJob {
 public:
  PretrainJob(std::unique_ptr<Pretrainer> trainer, std::shared_ptr<const Tokenizer> tokenizer,
              std::string probe, std::string state)
      : trainer_(std::move(trainer)), tokenizer_(std::move(tokenizer)), probe_(std::move(probe)), state_(std::move(state)) {
    info_.kind = "pretrain";
    describe_model(info_, *trainer_->model());
    info_.total_steps = trainer_->settings().steps;
    info_.probe = probe_;
    info_.description = info_.arch + " pretraining (" + trainer_->settings().objectives.name() + "), " +
                        std::to_string(info_.layers) + " layers, " + std::to_string(info_.parameters) + " parameters";
  }

  SessionInfo info() const override { return info_; }

  bool done() const override { return trainer_->done(); }

  SessionStep step() override {
    const auto m = trainer_->step();
    SessionStep s;
    s.step = m.step;
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
    return s;
  }

  Snapshot snapshot() override { return probe_snapshot(*trainer_->model(), *tokenizer_, probe_, trainer_->steps_done()); }

  void save(const std::string& dir) override { save_checkpoint(dir, *trainer_->model(), *tokenizer_, state_); }
  void set_probe(std::string probe) override { probe_ = std::move(probe); }
  void set_learning_rate(double peak) override { trainer_->set_peak_lr(peak); }
  LanguageModelImpl& model() override { return *trainer_->model(); }
  const Tokenizer& tokenizer() const override { return *tokenizer_; }

 private:
  std::unique_ptr<Pretrainer> trainer_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::string probe_, state_;
  SessionInfo info_;
};

}  // namespace

std::unique_ptr<TrainingJob> make_pretrain_job(std::unique_ptr<Pretrainer> trainer,
                                               std::shared_ptr<const Tokenizer> tokenizer,
                                               std::string probe, std::string training_state_json) {
  if (!trainer || !tokenizer) throw Error("a pretraining job needs a trainer and a tokenizer");
  return std::make_unique<PretrainJob>(std::move(trainer), std::move(tokenizer), std::move(probe),
                                       std::move(training_state_json));
}

}  // namespace lmlab
