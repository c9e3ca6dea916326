#include "lmlab/session/finetune_resume.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"

#include "resumed_settings.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace lmlab {

namespace {

constexpr const char* kBestWeight = "lmlab.best.";  // + index: the evaluation's kept weights

}  // namespace

void save_resumable_finetuning(const std::string& dir, const FinetuneRequest& request,
                               const std::vector<std::string>& labels, const Tokenizer& tokenizer, FineTuner& tuner,
                               const FineTuneEvaluation& evaluation) {
  auto resume = tuner.resume_state();
  const auto best = evaluation.best_weights();
  for (size_t i = 0; i < best.size(); ++i) resume.tensors.emplace_back(kBestWeight + std::to_string(i), best[i]);
  auto state = nlohmann::ordered_json::parse(finetune_state_json(request, labels, tuner.steps_done()));
  state["settings"] = description_of(request).values(request);
  state["resume"] = {{"step", resume.step},           {"batcher", resume.batcher},
                     {"freeze", resume.freeze},       {"peak_lr", resume.peak_lr},
                     {"best_weights", best.size()},   {"evaluation", nlohmann::json::parse(evaluation.resume_json())}};
  save_checkpoint(dir, *tuner.model(), tokenizer, state.dump(2) + "\n", resume.tensors);
}

void resume_finetuning(const std::string& dir, const FinetuneRequest& request, FineTuner& tuner,
                       FineTuneEvaluation& evaluation) {
  const auto state_path = (std::filesystem::path(dir) / "training_state.json").string();
  const auto state = nlohmann::json::parse(read_file(state_path, "training state"), nullptr, false);
  if (!state.is_object() || !state.contains("resume") || !state["resume"].is_object() || !state.contains("settings"))
    throw Error(state_path + " has no 'resume' record, so this run cannot be resumed (only a run stopped before its end can be)");
  check_resumed_settings(state["settings"], nlohmann::json::parse(description_of(request).values(request).dump()), dir);
  const auto& r = state["resume"];
  FineTuner::ResumeState resume;
  try {
    resume.step = r.at("step").get<int64_t>();
    resume.batcher = r.at("batcher").get<std::string>();
    resume.freeze = r.at("freeze").get<std::string>();
    resume.peak_lr = r.at("peak_lr").get<double>();
  } catch (const nlohmann::json::exception&) {
    throw Error(state_path + ": the 'resume' record is damaged");
  }
  const auto weights = (std::filesystem::path(dir) / "model.safetensors").string();
  load_weights(*tuner.model(), read_safetensors(weights), weights);
  resume.tensors = read_resume_tensors(dir);
  std::vector<at::Tensor> best;
  const auto kept = r.value("best_weights", size_t{0});
  for (size_t i = 0; i < kept; ++i) {
    const auto name = kBestWeight + std::to_string(i);
    const auto found = std::find_if(resume.tensors.begin(), resume.tensors.end(),
                                    [&](const auto& t) { return t.first == name; });
    if (found == resume.tensors.end()) throw Error(dir + ": resume tensor '" + name + "' is missing");
    best.push_back(found->second.to(tuner.model()->parameters().front().device()));
  }
  tuner.resume(resume, dir);
  evaluation.resume(r.contains("evaluation") ? r["evaluation"].dump() : "", std::move(best), dir);
}

}  // namespace lmlab
