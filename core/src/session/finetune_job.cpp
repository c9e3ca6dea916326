#include "lmlab/error.h"
#include "lmlab/inspect/parameter_changes.h"
#include "lmlab/inspect/cka.h"
#include "lmlab/inspect/projection.h"
#include "lmlab/inspect/representations.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/finetune_resume.h"
#include "lmlab/session/prepared_finetuning.h"

#include <algorithm>
#include <chrono>

namespace lmlab {

namespace {

class FineTuneJob final : public TrainingJob, public ModelHolder, public LearningRateControl, public FreezeControl {
 public:
  FineTuneJob(PreparedFinetuning prepared, std::shared_ptr<const FinetuneRequest> request)
      : tuner_(std::move(prepared.tuner)), tokenizer_(std::move(prepared.tokenizer)),
        evaluation_(*tuner_, std::move(prepared.sets), prepared.evaluation), probe_(std::move(prepared.probe)),
        info_(std::move(prepared.info)), request_(std::move(request)) {
    const auto& test = evaluation_.sets().test;
    // A projection needs a few points to be a picture (and PCA at least two).
    if (test.size() >= 3)
      projected_examples_.assign(test.begin(), test.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(test.size(), 300)));
    // The weights the run started from (its --from checkpoint, even when it resumes later).
    start_weights_ = std::make_unique<PartChangeTracker>(model_weights(*tuner_->model()));
    if (!projected_examples_.empty())
      start_layers_ = represent_examples(*tuner_->model(), projected_examples_, tokenizer_->special_ids().pad).layers;
    if (request_ && !request_->resume.empty()) resume_finetuning(request_->resume, *request_, *tuner_, evaluation_);
    describe_model(info_, *tuner_->model());
    info_.total_steps = tuner_->total_steps();
    info_.first_step = tuner_->steps_done();
    info_.probe = probe_;
  }

  SessionInfo info() const override { return info_; }
  bool done() const override { return evaluation_.done(); }

  SessionStep step() override {
    // A step that is scored also reads its training metrics, so the report carries both.
    auto s = session_step(tuner_->step(evaluation_.due(tuner_->steps_done() + 1)));
    if (auto scored = evaluation_.after_step(s.step)) {
      s.evaluation = std::move(scored->metrics);
      s.note = std::move(scored->note);
      s.test_report = std::move(scored->test_report);
    }
    return s;
  }

  std::optional<SessionStep> read_unread_metrics() override {
    const auto r = tuner_->read_unread_metrics();
    if (!r) return std::nullopt;
    return session_step(*r);
  }

  // A step's numbers as a session reports them.
  static SessionStep session_step(const FineTuneStep& r) {
    SessionStep s{r.step, r.loss, {}, r.ms, r.frozen};
    s.measured = r.measured;
    s.metrics["accuracy"] = r.accuracy;
    s.metrics["lr"] = r.lr;
    s.metrics["epoch"] = static_cast<double>(r.epoch);
    s.metrics["trainable_parameters"] = static_cast<double>(r.memory.trainable_parameters);
    s.metrics["total_parameters"] = static_cast<double>(r.memory.total_parameters);
    s.metrics["gradient_bytes"] = static_cast<double>(r.memory.gradient_bytes);
    s.metrics["optimizer_bytes"] = static_cast<double>(r.memory.optimizer_bytes);
    s.metrics["kept_optimizer_bytes"] = static_cast<double>(r.memory.kept_optimizer_bytes);
    if (r.soft_loss) s.metrics["soft_loss"] = *r.soft_loss, s.metrics["hard_loss"] = *r.hard_loss;
    if (r.cosine_loss) s.metrics["cosine_loss"] = *r.cosine_loss;
    return s;
  }

  Snapshot snapshot() override {
    auto s = probe_snapshot(*tuner_->model(), *tokenizer_, probe_, tuner_->steps_done());
    s.changes = start_weights_->changes(model_weights(*tuner_->model()));
    s.activity = tuner_->last_activity();
    tuner_->measure_next_step();
    // The projector costs a forward over its examples: every couple of seconds, and at the end.
    const auto now = std::chrono::steady_clock::now();
    if (!projected_examples_.empty() && (now - last_projection_ >= kProjectionInterval || evaluation_.done())) {
      s.projection = project_examples();
      last_projection_ = now;
    }
    return s;
  }
  // Stopped before the end (and prepared from a request): a checkpoint that continues exactly.
  void save(const std::string& dir) override {
    if (request_ && !evaluation_.done()) {
      save_resumable_finetuning(dir, *request_, info_.labels, *tokenizer_, *tuner_, evaluation_);
      return;
    }
    const auto& test = evaluation_.test_report();
    save_checkpoint(dir, *tuner_->model(), *tokenizer_,
                    request_ ? finetune_state_json(*request_, info_.labels, tuner_->steps_done(), test ? test->accuracy : -1)
                             : "{}\n");
  }
  void set_freeze(const FreezeState& state) override { tuner_->set_freeze(state); }
  void set_learning_rate(double peak) override { tuner_->set_peak_lr(peak); }
  void set_probe(std::string probe) override { probe_ = std::move(probe); }
  LanguageModelImpl& model() override { return *tuner_->model(); }
  const Tokenizer& tokenizer() const override { return *tokenizer_; }

 private:
  std::unique_ptr<FineTuner> tuner_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  FineTuneEvaluation evaluation_;
  std::string probe_;
  SessionInfo info_;
  std::shared_ptr<const FinetuneRequest> request_;
  std::unique_ptr<PartChangeTracker> start_weights_;
  static constexpr std::chrono::seconds kProjectionInterval{2};
  std::vector<EncodedExample> projected_examples_;  // the first test examples, a few hundred at most
  std::chrono::steady_clock::time_point last_projection_{};
  std::vector<at::Tensor> start_layers_;  // per depth, (N, C): the projected examples at the start

  ProjectedExamples project_examples() {
    auto& model = *tuner_->model();
    const auto represented = represent_examples(model, projected_examples_, tokenizer_->special_ids().pad);
    const auto projection = principal_components(represented.pooled, 2);
    ProjectedExamples out;
    out.step = tuner_->steps_done();
    const auto points = projection.points.contiguous();  // (N, 2)
    for (int64_t i = 0; i < points.size(0); ++i) {
      out.x.push_back(points[i][0].item<float>());
      out.y.push_back(points[i][1].item<float>());
      out.labels.push_back(static_cast<int>(represented.labels[static_cast<size_t>(i)]));
    }
    out.explained[0] = projection.explained_share[0];
    out.explained[1] = projection.explained_share[1];
    for (size_t depth = 0; depth < start_layers_.size() && depth < represented.layers.size(); ++depth)
      out.cka_to_start.push_back(linear_cka(start_layers_[depth], represented.layers[depth]));
    return out;
  }
};

}  // namespace

std::unique_ptr<TrainingJob> make_finetune_job(PreparedFinetuning prepared,
                                               std::shared_ptr<const FinetuneRequest> request) {
  if (!prepared.tuner || !prepared.tokenizer) throw Error("a fine-tuning job needs a tuner and a tokenizer");
  return std::make_unique<FineTuneJob>(std::move(prepared), std::move(request));
}

std::unique_ptr<TrainingJob> make_finetune_job(const FinetuneRequest& request) {
  return make_finetune_job(prepare_finetuning(request), std::make_shared<const FinetuneRequest>(request));
}

}  // namespace lmlab
