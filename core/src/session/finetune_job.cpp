#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/training_job.h"
#include "lmlab/train/fine_tuner.h"

namespace lmlab {

namespace {

class FineTuneJob final : public TrainingJob {
 public:
  FineTuneJob(std::unique_ptr<FineTuner> tuner, std::shared_ptr<const SentencePieceTokenizer> tokenizer,
              std::vector<EncodedExample> test, int64_t eval_every, std::string probe, std::string state)
      : tuner_(std::move(tuner)), tokenizer_(std::move(tokenizer)), test_(std::move(test)),
        eval_every_(eval_every), probe_(std::move(probe)), state_(std::move(state)) {}

  bool done() const override { return tuner_->done(); }

  SessionStep step() override {
    const auto r = tuner_->step();
    SessionStep s{r.step, r.loss, {}, r.ms, r.frozen};
    s.metrics["accuracy"] = r.accuracy;
    s.metrics["lr"] = r.lr;
    s.metrics["trainable_parameters"] = static_cast<double>(r.memory.trainable_parameters);
    s.metrics["total_parameters"] = static_cast<double>(r.memory.total_parameters);
    s.metrics["gradient_bytes"] = static_cast<double>(r.memory.gradient_bytes);
    s.metrics["optimizer_bytes"] = static_cast<double>(r.memory.optimizer_bytes);
    if (!test_.empty() && ((eval_every_ > 0 && r.step % eval_every_ == 0) || tuner_->done())) {
      const auto report = tuner_->evaluate(test_, 64);
      s.metrics["test_accuracy"] = report.accuracy;
      s.metrics["test_loss"] = report.loss;
    }
    return s;
  }

  Snapshot snapshot() override { return probe_snapshot(*tuner_->model(), *tokenizer_, probe_, tuner_->steps_done()); }
  void save(const std::string& dir) override { save_checkpoint(dir, *tuner_->model(), *tokenizer_, state_); }
  void set_freeze(const FreezeState& state) override { tuner_->set_freeze(state); }

 private:
  std::unique_ptr<FineTuner> tuner_;
  std::shared_ptr<const SentencePieceTokenizer> tokenizer_;
  std::vector<EncodedExample> test_;
  int64_t eval_every_;
  std::string probe_, state_;
};

}  // namespace

std::unique_ptr<TrainingJob> make_finetune_job(std::unique_ptr<FineTuner> tuner,
                                               std::shared_ptr<const SentencePieceTokenizer> tokenizer,
                                               std::vector<EncodedExample> test, int64_t eval_every, std::string probe,
                                               std::string training_state_json) {
  if (!tuner || !tokenizer) throw Error("a fine-tuning job needs a tuner and a tokenizer");
  return std::make_unique<FineTuneJob>(std::move(tuner), std::move(tokenizer), std::move(test),
                                       eval_every, std::move(probe), std::move(training_state_json));
}

}  // namespace lmlab
