#include "lmlab/io/hf_model.h"

#include "hf_config.h"
#include "hf_tensor_map.h"
#include "hf_weights.h"
#include "shape_text.h"

#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/output_folder.h"
#include "lmlab/tokenizer_files.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

class TensorLookup {
 public:
  TensorLookup(const NamedTensors& tensors, std::string origin) : origin_(std::move(origin)) {
    for (const auto& [name, tensor] : tensors) by_name_.emplace(name, tensor);
  }

  // Old BERT checkpoints (TensorFlow conversions) call LayerNorm's parameters gamma and beta.
  const at::Tensor* find(const std::string& name) {
    for (const auto& candidate : {name, legacy_name(name)}) {
      const auto it = by_name_.find(candidate);
      if (!candidate.empty() && it != by_name_.end()) {
        used_.insert(candidate);
        return &it->second;
      }
    }
    return nullptr;
  }
  const at::Tensor& get(const std::string& name) {
    if (const auto* t = find(name)) return *t;
    throw Error(origin_ + ": tensor '" + name + "' is missing");
  }
  bool has(const std::string& name) const {
    return by_name_.count(name) || (!legacy_name(name).empty() && by_name_.count(legacy_name(name)));
  }
  std::vector<std::string> unused() const {
    std::vector<std::string> out;
    for (const auto& [name, tensor] : by_name_)
      if (!used_.count(name) && !hf::is_tied_or_buffer(name)) out.push_back(name);
    return out;
  }
  const std::string& origin() const { return origin_; }

 private:
  static std::string legacy_name(const std::string& name) {
    if (name.find("LayerNorm.") == std::string::npos) return {};
    const auto dot = name.rfind('.');
    const auto field = name.substr(dot + 1);
    if (field == "weight") return name.substr(0, dot) + ".gamma";
    if (field == "bias") return name.substr(0, dot) + ".beta";
    return {};
  }

  std::map<std::string, at::Tensor> by_name_;
  std::set<std::string> used_;
  std::string origin_;
};

at::Tensor assemble(const hf::Source& source, TensorLookup& lookup) {
  switch (source.kind) {
    case hf::Source::Kind::Transposed: {
      const auto& t = lookup.get(source.names.at(0));
      if (t.dim() != 2)
        throw Error(lookup.origin() + ": tensor '" + source.names[0] + "' has shape " + shape_text(t.sizes()) +
                    " but a Conv1D weight is 2-D");
      return t.t();
    }
    case hf::Source::Kind::Stacked: {
      std::vector<at::Tensor> parts;
      for (const auto& name : source.names) {
        const auto& t = lookup.get(name);
        if (!parts.empty() && t.sizes() != parts.front().sizes())
          throw Error(lookup.origin() + ": tensor '" + name + "' has shape " + shape_text(t.sizes()) + " but '" +
                      source.names.front() + "' has " + shape_text(parts.front().sizes()));
        parts.push_back(t);
      }
      return at::cat(parts, 0);
    }
    case hf::Source::Kind::Same:
      break;
  }
  return lookup.get(source.names.at(0));
}

void copy_into(at::Tensor& target, const std::string& target_name, const hf::Source& source, TensorLookup& lookup) {
  auto value = assemble(source, lookup);
  const auto rows = target.dim() > 0 ? target.size(0) : 0;
  if (source.rows_may_exceed && value.dim() == target.dim() && value.dim() > 0 &&
      value.size(0) >= source.row_offset + rows && value.sizes().slice(1) == target.sizes().slice(1))
    value = value.narrow(0, source.row_offset, rows);
  if (value.sizes() != target.sizes()) {
    std::string names = source.names.front();
    for (size_t i = 1; i < source.names.size(); ++i) names += "', '" + source.names[i];
    throw Error(lookup.origin() + ": tensor '" + names + "' has shape " + shape_text(value.sizes()) +
                " but LM Lab's " + target_name + " needs " + shape_text(target.sizes()) +
                " for the sizes in config.json");
  }
  if (!at::isFloatingType(value.scalar_type()))
    throw Error(lookup.origin() + ": tensor '" + source.names.front() + "' holds " +
                c10::toString(value.scalar_type()) + " numbers, not floating-point weights");
  if (!torch::isfinite(value).all().item<bool>())
    throw Error(lookup.origin() + ": tensor '" + source.names.front() + "' holds NaN or infinite values");
  target.copy_(value);
}

void load_parts(LanguageModelImpl& model, const std::vector<hf::Part>& parts, TensorLookup& lookup,
                std::vector<std::string>& notes, std::vector<std::string>& untrained) {
  auto params = model.named_parameters(/*recurse=*/true);
  torch::NoGradGuard no_grad;
  for (const auto& part : parts) {
    std::vector<std::string> absent;
    size_t wanted = 0;
    for (const auto& [ours, source] : part.params)
      for (const auto& name : source.names) {
        ++wanted;
        if (!lookup.has(name)) absent.push_back(name);
      }
    if (!absent.empty()) {
      const bool all_absent = absent.size() == wanted;
      if (part.required || !all_absent) throw Error(lookup.origin() + ": tensor '" + absent.front() + "' is missing");
      notes.push_back("the folder has no " + part.label + " (" + part.params.front().second.names.front() +
                      "); LM Lab's starts from random weights");
      untrained.push_back(part.label);
      continue;
    }
    for (const auto& [ours, source] : part.params) {
      auto* target = params.find(ours);
      if (!target) throw Error("LM Lab's model has no parameter '" + ours + "' (a bug in the import map)");
      copy_into(*target, ours, source, lookup);
    }
  }
}

// GPT-2 ties its LM head to the token embedding; a folder whose lm_head.weight differs was
// fine-tuned untied, which LM Lab cannot express.
void check_tied_head(const hf::Config& config, TensorLookup& lookup, LanguageModelImpl& model,
                     std::vector<std::string>& notes) {
  if (config.type != hf::ModelType::Gpt2) return;
  const auto* head = lookup.find("lm_head.weight");
  if (!head) return;
  const auto& embedding = model.token_embedding();
  if (head->sizes().slice(1) != embedding.sizes().slice(1) || head->size(0) < embedding.size(0) ||
      !head->narrow(0, 0, embedding.size(0)).allclose(embedding))
    notes.push_back("lm_head.weight differs from the token embedding; LM Lab ties them, so the LM head "
                    "uses the embedding");
}

std::string list_some(const std::vector<std::string>& names) {
  std::string out;
  const size_t shown = std::min<size_t>(names.size(), 6);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

}  // namespace

HfImport import_hf_model(const std::string& folder) {
  if (!fs::is_directory(folder)) throw Error("'" + folder + "' is not a folder");
  const auto config_path = (fs::path(folder) / "config.json").string();
  auto config = hf::read_config(config_path);

  HfImport out;
  out.model_type = config.model_type;
  out.tokenizer = load_tokenizer(folder);
  const int pieces = out.tokenizer->vocab_size();
  if (config.model.vocab_size < pieces)
    throw Error(config_path + ": vocab_size " + std::to_string(config.model.vocab_size) +
                " is smaller than the tokenizer's " + std::to_string(pieces) + " pieces");
  if (config.model.vocab_size > pieces)
    out.notes.push_back("the embedding table has " + std::to_string(config.model.vocab_size) +
                        " rows; the tokenizer uses the first " + std::to_string(pieces));
  config.model.vocab_size = pieces;

  const auto tensors = hf::read_weights(folder);
  TensorLookup lookup(tensors, folder);
  out.model = LanguageModel(config.model);
  const auto prefix = hf::find_body_prefix(config.type, tensors, folder);
  load_parts(*out.model, hf::tensor_map(config.type, config.model.n_layers, prefix, config.position_offset), lookup,
             out.notes, out.untrained_heads);
  check_tied_head(config, lookup, *out.model, out.notes);
  const auto unused = lookup.unused();
  if (!unused.empty()) out.notes.push_back("not used: " + list_some(unused));
  return out;
}

HfImport import_hf_checkpoint(const std::string& folder, const std::string& out_dir) {
  auto imported = import_hf_model(folder);
  check_output_folder(out_dir, FolderKind::checkpoint(to_string(imported.model->config().arch)), {folder});
  const nlohmann::json state = {{"imported_from", fs::absolute(folder).lexically_normal().string()},
                                {"hf_model_type", imported.model_type},
                                {"import_notes", imported.notes},
                                {kUntrainedHeadsKey, imported.untrained_heads}};
  save_checkpoint(out_dir, *imported.model, *imported.tokenizer, state.dump(2) + "\n");
  return imported;
}

}  // namespace lmlab
