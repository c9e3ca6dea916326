#include "lmlab/data/labeled_dataset.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/inspect/few_shot.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/fewshot_request.h"

#include <chrono>
#include <limits>

namespace lmlab {

namespace {

class FewShotJob final : public TrainingJob, public ModelHolder {
 public:
  FewShotJob(const FewShotRequest& r, LoadedCheckpoint checkpoint, LabeledDataset train, LabeledDataset test)
      : request_(r), checkpoint_(std::move(checkpoint)), train_(std::move(train)), test_(std::move(test)) {
    info_.kind = "fewshot";
    describe_model(info_, *checkpoint_.model);
    info_.labels = train_.labels;
    info_.total_steps = static_cast<int64_t>(r.ks.size());
    info_.description = "few-shot " + info_.arch + " from " + r.from + " on " + r.test + ", " +
                        std::to_string(std::min<int64_t>(r.max_test, static_cast<int64_t>(test_.examples.size()))) +
                        " questions per k";
  }

  SessionInfo info() const override { return info_; }
  bool done() const override { return next_ >= request_.ks.size(); }

  SessionStep step() override {
    const auto start = std::chrono::steady_clock::now();
    const int k = request_.ks[next_++];
    const auto result = few_shot_accuracy(*checkpoint_.model, *checkpoint_.tokenizer, train_, test_, {k},
                                          request_.max_test, request_.seed);
    SessionStep s;
    s.step = k;
    s.loss = std::numeric_limits<double>::quiet_NaN();
    s.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    s.evaluation["fewshot_accuracy"] = result.front().accuracy;
    s.evaluation["chance"] = 1.0 / static_cast<double>(train_.labels.size());
    s.evaluation["examples"] = static_cast<double>(result.front().examples);
    return s;
  }

  Snapshot snapshot() override { return probe_snapshot(*checkpoint_.model, *checkpoint_.tokenizer, probe_, 0); }
  void save(const std::string&) override {}  // nothing was trained
  void set_probe(std::string probe) override { probe_ = std::move(probe); }
  LanguageModelImpl& model() override { return *checkpoint_.model; }
  const Tokenizer& tokenizer() const override { return *checkpoint_.tokenizer; }

 private:
  FewShotRequest request_;
  LoadedCheckpoint checkpoint_;
  LabeledDataset train_, test_;
  SessionInfo info_;
  size_t next_ = 0;
  std::string probe_ = "the";
};

}  // namespace

std::unique_ptr<TrainingJob> make_fewshot_job(const FewShotRequest& r) {
  if (r.ks.empty()) throw Error("few-shot needs at least one k");
  for (int k : r.ks)
    if (k < 0 || k > 64) throw Error("few-shot k must be between 0 and 64, got " + std::to_string(k));
  if (r.max_test < 1) throw Error("few-shot needs at least one test example");
  ReadOptions read;
  read.format = parse_dataset_format(r.format);
  read.skip_bad_rows = r.skip_bad_rows;
  auto train = read_labeled_dataset(r.train, read);
  auto test = read_labeled_dataset(r.test, read);
  auto checkpoint = load_checkpoint(r.from, resolve_device(r.device));
  if (checkpoint.model->config().arch != Architecture::Gpt)
    throw Error(r.from + " is a BERT; few-shot prompting needs a GPT-style decoder");
  return std::make_unique<FewShotJob>(r, std::move(checkpoint), std::move(train), std::move(test));
}

}  // namespace lmlab
