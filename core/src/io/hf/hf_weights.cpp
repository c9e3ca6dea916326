#include "hf_weights.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/csrc/jit/serialization/pickle.h>

#include <filesystem>
#include <map>
#include <set>

namespace lmlab::hf {
namespace fs = std::filesystem;

namespace {

NamedTensors read_sharded(const fs::path& index_path) {
  const auto text = read_file(index_path.string(), "Hugging Face weight index");
  nlohmann::json index;
  try {
    index = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw Error(index_path.string() + " is not valid JSON: " + e.what());
  }
  if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
    throw Error(index_path.string() + ": field 'weight_map' is missing or not an object");
  std::set<std::string> shards;
  for (const auto& [name, file] : index["weight_map"].items()) {
    if (!file.is_string()) throw Error(index_path.string() + ": the shard of '" + name + "' is not a file name");
    const auto shard = file.get<std::string>();
    if (shard.find('/') != std::string::npos)
      throw Error(index_path.string() + ": shard '" + shard + "' is not a file in the folder");
    shards.insert(shard);
  }
  NamedTensors out;
  std::map<std::string, std::string> shard_of;  // tensor -> the shard it was read from
  for (const auto& shard : shards) {
    auto part = read_safetensors((index_path.parent_path() / shard).string());
    for (auto& [name, tensor] : part) {
      const auto [first, fresh] = shard_of.emplace(name, shard);
      if (!fresh)
        throw Error(index_path.parent_path().string() + ": tensor '" + name + "' is in two shards, " + first->second +
                    " and " + shard + "; which one is meant?");
      out.emplace_back(name, std::move(tensor));
    }
  }
  return out;
}

NamedTensors read_pickled(const fs::path& path) {
  const auto bytes = read_file(path.string(), "PyTorch weights");
  if (bytes.size() < 4 || bytes.compare(0, 4, "PK\x03\x04") != 0)
    throw Error(path.string() + " is not in PyTorch's zip format (saved before PyTorch 1.6?); convert it to "
                "model.safetensors, e.g. with Hugging Face's save_pretrained(..., safe_serialization=True)");
  // LibTorch's unpickler reads collections.OrderedDict as None (it expects one only as a
  // tensor's backward hooks), so the state dict older transformers versions saved as it was
  // cannot be read; the plain dict newer ones write can. The pickle is the archive's first
  // record, so a top-level OrderedDict shows before the first tensor.
  const auto ordered = bytes.find("collections\nOrderedDict\n");
  if (ordered != std::string::npos && ordered < bytes.find("_rebuild_tensor"))
    throw Error(path.string() + " holds an OrderedDict state dict (saved by transformers before 4.19), which "
                "LibTorch's unpickler cannot read; convert it to model.safetensors (in Python: "
                "model.save_pretrained(folder, safe_serialization=True))");
  c10::IValue value;
  try {
    value = torch::jit::pickle_load(std::vector<char>(bytes.begin(), bytes.end()));
  } catch (const std::exception& e) {
    const std::string what = e.what();
    throw Error(path.string() + " could not be read by LibTorch's unpickler (" + what.substr(0, what.find('\n')) +
                "); convert it to model.safetensors");
  }
  if (!value.isGenericDict()) throw Error(path.string() + " does not hold a state dict (name -> tensor)");
  NamedTensors out;
  for (const auto& entry : value.toGenericDict()) {
    if (!entry.key().isString() || !entry.value().isTensor())
      throw Error(path.string() + " holds something other than named tensors");
    out.emplace_back(entry.key().toStringRef(), entry.value().toTensor());
  }
  return out;
}

}  // namespace

NamedTensors read_weights(const std::string& folder) {
  const fs::path root(folder);
  NamedTensors tensors;
  if (fs::exists(root / "model.safetensors"))
    tensors = read_safetensors((root / "model.safetensors").string());
  else if (fs::exists(root / "model.safetensors.index.json"))
    tensors = read_sharded(root / "model.safetensors.index.json");
  else if (fs::exists(root / "pytorch_model.bin"))
    tensors = read_pickled(root / "pytorch_model.bin");
  else
    throw Error(folder + " has no model.safetensors, model.safetensors.index.json or pytorch_model.bin");
  for (auto& [name, tensor] : tensors)
    if (at::isFloatingType(tensor.scalar_type())) tensor = tensor.to(at::kFloat).contiguous();
  return tensors;
}

}  // namespace lmlab::hf
