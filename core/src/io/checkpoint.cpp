#include "lmlab/io/checkpoint.h"

#include "lmlab/tokenizer_files.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

constexpr const char* kConfig = "config.json";
constexpr const char* kWeights = "model.safetensors";
constexpr const char* kState = "training_state.json";

std::string shape_text(at::IntArrayRef shape) {
  std::ostringstream s;
  s << shape;
  return s.str();
}

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Moves the finished temporary directory onto target: a plain rename when target is new,
// an atomic exchange (then removal of the old one) when it already holds a checkpoint.
void publish_directory(const fs::path& tmp, const fs::path& target) {
  if (!fs::exists(target)) {
    if (::rename(tmp.c_str(), target.c_str()) != 0)
      throw Error("cannot create checkpoint '" + target.string() + "': " + std::strerror(errno));
  } else {
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      throw Error("cannot replace checkpoint '" + target.string() + "': " + std::strerror(errno));
    fs::remove_all(tmp);  // now the previous checkpoint
  }
  sync_directory(target.parent_path());
}

}  // namespace

NamedTensors model_weights(LanguageModelImpl& model) {
  NamedTensors out;
  for (const auto& item : model.named_parameters(/*recurse=*/true))
    out.emplace_back(item.key(), item.value().detach().to(at::kFloat));
  return out;
}

void save_checkpoint(const std::string& dir, LanguageModelImpl& model, const Tokenizer& tokenizer,
                     const std::string& training_state_json) {
  const fs::path target = fs::absolute(dir).lexically_normal();
  if (fs::exists(target)) {
    if (!fs::is_directory(target)) throw Error("'" + dir + "' exists and is not a directory");
    if (!fs::is_empty(target) && !fs::exists(target / kConfig))
      throw Error("'" + dir + "' is a directory that does not hold an LM Lab checkpoint; "
                  "refusing to replace it (choose another output directory)");
  }
  if (!target.has_parent_path() || !fs::is_directory(target.parent_path()))
    throw Error("cannot write checkpoint '" + dir + "': its parent directory does not exist");
  if (model.config().vocab_size != tokenizer.vocab_size())
    throw Error("the model's vocabulary (" + std::to_string(model.config().vocab_size) +
                ") does not match the tokenizer's (" + std::to_string(tokenizer.vocab_size()) + ")");

  std::random_device rd;
  const fs::path tmp = target.parent_path() /
      ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  fs::create_directory(tmp);
  try {
    write_file_atomically((tmp / kConfig).string(), model.config().to_json());
    write_safetensors((tmp / kWeights).string(), model_weights(model), {{"format", "pt"}, {"producer", "lmlab"}});
    for (const auto& [name, bytes] : tokenizer.files()) write_file_atomically((tmp / name).string(), bytes);
    write_file_atomically((tmp / kState).string(), training_state_json);
    sync_directory(tmp);
    publish_directory(tmp, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    throw;
  }
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
    target.copy_(source);
    used.insert(item.key());
  }
  for (const auto& [name, tensor] : tensors)
    if (!used.count(name)) throw Error(origin + ": unexpected tensor '" + name + "' (the model has no such parameter)");
}

LoadedCheckpoint load_checkpoint(const std::string& dir, const c10::Device& device) {
  if (!fs::is_directory(dir)) throw Error("checkpoint '" + dir + "' does not exist or is not a directory");
  const fs::path root(dir);
  const auto config_path = (root / kConfig).string();
  const auto config = ModelConfig::from_json(read_file(config_path, "checkpoint config"), config_path);
  LoadedCheckpoint out;
  out.tokenizer = load_tokenizer(dir);
  if (out.tokenizer->vocab_size() != config.vocab_size)
    throw Error(config_path + ": vocab_size " + std::to_string(config.vocab_size) + " does not match the tokenizer in " +
                dir + " (" + std::to_string(out.tokenizer->vocab_size()) + " pieces)");
  out.model = LanguageModel(config);
  const auto weights_path = (root / kWeights).string();
  load_weights(*out.model, read_safetensors(weights_path), weights_path);
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
