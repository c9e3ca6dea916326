#include "lmlab/io/checkpoint.h"

#include "shape_text.h"
#include "lmlab/tokenizer_files.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/atomic_directory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

constexpr const char* kConfig = "config.json";
constexpr const char* kWeights = "model.safetensors";
constexpr const char* kState = "training_state.json";
constexpr const char* kResume = "resume_state.safetensors";

}  // namespace

std::vector<std::string> checkpoint_labels(const LoadedCheckpoint& checkpoint) {
  const auto state = nlohmann::json::parse(checkpoint.training_state_json, nullptr, false);
  std::vector<std::string> names;
  if (state.is_object() && state.contains("labels") && state["labels"].is_array())
    for (const auto& name : state["labels"])
      if (name.is_string()) names.push_back(name.get<std::string>());
  const auto classes = static_cast<size_t>(std::max(0, checkpoint.model->config().num_labels));
  names.resize(std::min(names.size(), classes));
  for (size_t i = names.size(); i < classes; ++i) names.push_back(std::to_string(i));
  return names;
}

NamedTensors model_weights(LanguageModelImpl& model) {
  NamedTensors out;
  for (const auto& item : model.named_parameters(/*recurse=*/true))
    out.emplace_back(item.key(), item.value().detach().to(at::kFloat));
  return out;
}

void save_checkpoint(const std::string& dir, LanguageModelImpl& model, const Tokenizer& tokenizer,
                     const std::string& training_state_json, const NamedTensors& resume_tensors) {
  if (model.config().vocab_size != tokenizer.vocab_size())
    throw Error("the model's vocabulary (" + std::to_string(model.config().vocab_size) +
                ") does not match the tokenizer's (" + std::to_string(tokenizer.vocab_size()) + ")");
  // A diverged model is never saved over anything: the folder keeps what it held.
  const auto weights = model_weights(model);
  for (const auto& [name, tensor] : weights)
    if (!torch::isfinite(tensor).all().item<bool>())
      throw Error("the model's tensor '" + name + "' holds NaN or infinite values (training diverged: lower the " +
                  "learning rate?); nothing was saved to '" + dir + "'");
  write_directory_atomically(dir, FolderKind::checkpoint(to_string(model.config().arch)), [&](const fs::path& tmp) {
    write_file_atomically((tmp / kConfig).string(), model.config().to_json());
    write_safetensors((tmp / kWeights).string(), weights, {{"format", "pt"}, {"producer", "lmlab"}});
    for (const auto& [name, bytes] : tokenizer.files()) write_file_atomically((tmp / name).string(), bytes);
    write_file_atomically((tmp / kState).string(), training_state_json);
    if (!resume_tensors.empty()) write_safetensors((tmp / kResume).string(), resume_tensors);
  });
}

NamedTensors read_resume_tensors(const std::string& dir) {
  const auto path = fs::path(dir) / kResume;
  if (!fs::exists(path))
    throw Error("checkpoint '" + dir + "' holds no " + kResume + " (it was not written by pretraining, or by an " +
                "LM Lab before exact resume), so its run cannot be resumed");
  return read_safetensors(path.string());
}

void load_weights(LanguageModelImpl& model, const NamedTensors& tensors, const std::string& origin) {
  std::map<std::string, at::Tensor> by_name(tensors.begin(), tensors.end());
  torch::NoGradGuard no_grad;
  std::set<std::string> used;
  for (auto& item : model.named_parameters(/*recurse=*/true)) {
    const auto found = by_name.find(item.key());
    if (found == by_name.end()) throw Error(origin + ": tensor '" + item.key() + "' is missing");
    const auto& source = found->second;
    auto& target = item.value();
    if (source.sizes() != target.sizes())
      throw Error(origin + ": tensor '" + item.key() + "' has shape " + shape_text(source.sizes()) +
                  " but the model needs " + shape_text(target.sizes()));
    if (source.scalar_type() != at::kFloat)
      throw Error(origin + ": tensor '" + item.key() + "' has dtype " + c10::toString(source.scalar_type()) +
                  " but the model stores float32");
    if (!torch::isfinite(source).all().item<bool>())
      throw Error(origin + ": tensor '" + item.key() + "' holds NaN or infinite values (the run that wrote it "
                  "diverged); the model cannot be used");
    target.copy_(source);
    used.insert(item.key());
  }
  for (const auto& [name, tensor] : tensors)
    if (!used.count(name)) throw Error(origin + ": unexpected tensor '" + name + "' (the model has no such parameter)");
}

LoadedCheckpoint load_checkpoint(const std::string& dir, const c10::Device& device) {
  if (!fs::is_directory(dir))
    throw Error("checkpoint_missing", {{"folder", dir}}, "checkpoint '" + dir + "' does not exist or is not a directory");
  const fs::path root(dir);
  const auto config_path = (root / kConfig).string();
  const auto config = ModelConfig::from_json(read_file(config_path, "checkpoint config"), config_path);
  LoadedCheckpoint out;
  out.tokenizer = load_tokenizer(dir);
  if (out.tokenizer->vocab_size() != config.vocab_size)
    throw Error(config_path + ": vocab_size " + std::to_string(config.vocab_size) + " does not match the tokenizer in " +
                dir + " (" + std::to_string(out.tokenizer->vocab_size()) + " pieces)");
  // The weights first: a small file whose config.json claims a huge model is refused before
  // the model is built (and its memory taken).
  const auto weights_path = (root / kWeights).string();
  const auto weights = read_safetensors(weights_path);
  double stored = 0;
  for (const auto& [name, tensor] : weights) stored += static_cast<double>(tensor.numel());
  if (stored < config.parameter_count())
    throw Error(config_path + " describes a model of " + std::to_string(static_cast<int64_t>(config.parameter_count())) +
                " parameters, but " + weights_path + " holds " + std::to_string(static_cast<int64_t>(stored)) +
                " numbers: they do not belong together");
  out.model = LanguageModel(config);
  load_weights(*out.model, weights, weights_path);
  out.model->to(device);
  const auto state_path = root / kState;
  if (fs::exists(state_path)) {
    out.training_state_json = read_file(state_path.string(), "training state");
    if (!nlohmann::json::accept(out.training_state_json))
      throw Error(state_path.string() + " is not valid JSON");
  }
  return out;
}

}  // namespace lmlab
