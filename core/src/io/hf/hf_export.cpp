#include "lmlab/io/hf_model.h"

#include "hf_config.h"
#include "hf_tensor_map.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/atomic_directory.h"
#include "lmlab/io/safetensors.h"

#include <filesystem>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

// The inverse of the import map: each LM Lab parameter becomes the tensors it was made of.
NamedTensors hf_tensors(LanguageModelImpl& model, const std::vector<hf::Part>& parts) {
  const auto params = model.named_parameters(/*recurse=*/true);
  NamedTensors out;
  for (const auto& part : parts) {
    for (const auto& [ours, source] : part.params) {
      const auto* found = params.find(ours);
      if (!found) {
        // A DistilBERT-style encoder has no segment table; BERT's all-zero one adds nothing.
        if (ours == "encoder.embeddings.segment.weight") {
          out.emplace_back(source.names.front(), at::zeros({1, model.config().d_model}));
          continue;
        }
        throw Error("LM Lab's model has no parameter '" + ours + "' (a bug in the export map)");
      }
      const auto value = found->detach().to(at::kCPU, at::kFloat);
      switch (source.kind) {
        case hf::Source::Kind::Same:
          out.emplace_back(source.names.front(), value.contiguous());
          break;
        case hf::Source::Kind::Transposed:
          out.emplace_back(source.names.front(), value.t().contiguous());
          break;
        case hf::Source::Kind::Stacked: {
          const auto chunks = value.chunk(static_cast<int64_t>(source.names.size()), 0);
          for (size_t i = 0; i < chunks.size(); ++i) out.emplace_back(source.names[i], chunks[i].contiguous());
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace

std::string exported_model_type(Architecture arch) { return arch == Architecture::Bert ? "bert" : "gpt2"; }

std::vector<std::string> export_hf_model(LanguageModelImpl& model, const Tokenizer& tokenizer,
                                         const std::string& out_dir) {
  const auto& config = model.config();
  const bool encoder = config.arch == Architecture::Bert;
  if (encoder && config.pre_ln)
    throw Error("model setting pre_ln is true, but Hugging Face's BERT is post-LN: a pre-LN encoder has no "
                "equivalent there");
  if (config.position_encoding != PositionEncoding::Learned)
    throw Error("model setting position_encoding is rotary, but Hugging Face's BERT and GPT-2 learn a position "
                "table: a rotary model has no equivalent there");
  if (config.vocab_size != tokenizer.vocab_size())
    throw Error("the model's vocabulary (" + std::to_string(config.vocab_size) + ") does not match the tokenizer's (" +
                std::to_string(tokenizer.vocab_size()) + ")");
  const auto type = encoder ? hf::ModelType::Bert : hf::ModelType::Gpt2;
  const auto tensors =
      hf_tensors(model, hf::tensor_map(type, config.n_layers, encoder ? "bert." : "transformer.", 0));

  std::vector<std::string> notes;
  if (config.num_labels > 0)
    notes.push_back("the classifier head (" + std::to_string(config.num_labels) +
                    " labels) is not exported; the folder holds the pretrained body and its " +
                    (encoder ? "masked-LM and next-sentence heads" : "LM head"));
  const auto tokenizer_files = tokenizer.files();
  for (const auto& [name, bytes] : tokenizer_files)
    if (name == "tokenizer.model")
      notes.push_back("the tokenizer is LM Lab's SentencePiece model (tokenizer.model): read it with the "
                      "sentencepiece package; Hugging Face's BERT and GPT-2 tokenizers expect vocab.txt or "
                      "vocab.json + merges.txt");

  write_directory_atomically(out_dir, FolderKind::exported(exported_model_type(config.arch)), [&](const fs::path& tmp) {
    write_file_atomically((tmp / "config.json").string(), hf::export_config_json(config, tokenizer.special_ids()));
    write_safetensors((tmp / "model.safetensors").string(), tensors, {{"format", "pt"}});
    for (const auto& [name, bytes] : tokenizer_files) write_file_atomically((tmp / name).string(), bytes);
  });
  return notes;
}

}  // namespace lmlab
