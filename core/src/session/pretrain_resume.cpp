#include "lmlab/session/pretrain_resume.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/tokenizer_files.h"
#include "lmlab/train/pretrainer.h"

#include "resumed_settings.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace lmlab {

void save_pretraining(const std::string& dir, const PretrainRequest& request, const PreparedPretraining& prepared,
                      double elapsed_s, const SessionStep* last) {
  auto& trainer = *prepared.trainer;
  auto resume = trainer.resume_state();
  nlohmann::ordered_json state;
  state["kind"] = "pretrain";
  state["objective"] = trainer.settings().objectives.name();
  state["steps_done"] = trainer.steps_done();
  state["steps_planned"] = trainer.settings().steps;
  state["corpus"] = std::filesystem::absolute(prepared.corpus).string();
  state["elapsed_s"] = elapsed_s;
  state["settings"] = pretrain_description().values(request);
  if (last) {
    nlohmann::ordered_json metrics{{"step", last->step}, {"loss", last->loss}};
    for (const auto& [key, value] : last->metrics) metrics[key] = value;
    state["last"] = metrics;
  }
  state["resume"] = {{"step", resume.step}, {"batcher_rng", resume.batcher_rng}};
  save_checkpoint(dir, *trainer.model(), *prepared.tokenizer, state.dump(2) + "\n", resume.tensors);
}

void resume_pretraining(const PretrainRequest& request, PreparedPretraining& prepared) {
  const std::string& dir = request.resume;
  if (load_tokenizer(dir)->files() != prepared.tokenizer->files())
    throw Error(dir + ": its tokenizer is not this run's (another corpus, setting 'vocab' or 'tokenizer'?)");
  auto& trainer = *prepared.trainer;
  const auto weights = (std::filesystem::path(dir) / "model.safetensors").string();
  load_weights(*trainer.model(), read_safetensors(weights), weights);
  const auto state_path = (std::filesystem::path(dir) / "training_state.json").string();
  const auto state = nlohmann::json::parse(read_file(state_path, "training state"), nullptr, false);
  if (!state.is_object() || !state.contains("resume") || !state["resume"].is_object() ||
      !state["resume"].contains("step") || !state["resume"]["step"].is_number_integer() ||
      !state["resume"].contains("batcher_rng") || !state["resume"]["batcher_rng"].is_string())
    throw Error(state_path + " has no 'resume' record (step, batcher_rng), so this run cannot be resumed");
  if (state.contains("settings"))  // checkpoints of earlier versions hold none
    check_resumed_settings(state["settings"], nlohmann::json::parse(pretrain_description().values(request).dump()), dir);
  trainer.resume({state["resume"]["step"].get<int64_t>(), state["resume"]["batcher_rng"].get<std::string>(),
                  read_resume_tensors(dir)},
                 dir);
}

}  // namespace lmlab
