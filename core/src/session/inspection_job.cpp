#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/hf_model.h"
#include "lmlab/session/training_job.h"

#include <nlohmann/json.hpp>

namespace lmlab {

namespace {

std::vector<std::string> untrained_heads(const std::string& training_state_json) {
  const auto state = nlohmann::json::parse(training_state_json, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> heads;
  if (state.is_object() && state.contains(kUntrainedHeadsKey) && state[kUntrainedHeadsKey].is_array())
    for (const auto& head : state[kUntrainedHeadsKey])
      if (head.is_string()) heads.push_back(head.get<std::string>());
  return heads;
}

// A saved model to question, with nothing to train: done from the start, so a session over
// it goes straight to serving probes and inspection commands.
class InspectionJob final : public TrainingJob, public ModelHolder {
 public:
  InspectionJob(LoadedCheckpoint checkpoint, const std::string& dir) : checkpoint_(std::move(checkpoint)) {
    info_.kind = "inspect";
    describe_model(info_, *checkpoint_.model);
    info_.labels = checkpoint_labels(checkpoint_);
    info_.description = info_.arch + " from " + dir + ", " + std::to_string(info_.layers) + " layers, " +
                        std::to_string(info_.parameters) + " parameters";
    info_.untrained_heads = untrained_heads(checkpoint_.training_state_json);
  }

  SessionInfo info() const override { return info_; }
  bool done() const override { return true; }
  SessionStep step() override { throw Error("a saved model is inspected, not trained"); }
  Snapshot snapshot() override { return probe_snapshot(*checkpoint_.model, *checkpoint_.tokenizer, probe_, 0); }
  void save(const std::string& dir) override {
    save_checkpoint(dir, *checkpoint_.model, *checkpoint_.tokenizer, checkpoint_.training_state_json);
  }
  void set_probe(std::string probe) override { probe_ = std::move(probe); }
  LanguageModelImpl& model() override { return *checkpoint_.model; }
  const Tokenizer& tokenizer() const override { return *checkpoint_.tokenizer; }

 private:
  LoadedCheckpoint checkpoint_;
  SessionInfo info_;
  std::string probe_;
};

}  // namespace

std::unique_ptr<TrainingJob> make_inspection_job(const std::string& checkpoint_dir, const std::string& device) {
  return std::make_unique<InspectionJob>(load_checkpoint(checkpoint_dir, resolve_device(device)), checkpoint_dir);
}

}  // namespace lmlab
