// LM Lab's side of the reference tests (tests/reference/check.py): what LM Lab computes for a
// model or a tokenizer, written to files that Python compares with Hugging Face's own
// libraries. It holds no check itself.
//
//   lmlab_reference_probe logits hf|checkpoint MODEL INPUTS.safetensors OUT.safetensors
//     INPUTS: input_ids and attention_mask (B, T) int64, token_type_ids (B, T) optional.
//     OUT: hidden (B, T, C), the last hidden states; logits (B, T, V) float32, the masked-LM
//     logits of an encoder or the next-token logits of a decoder; and nsp_logits (B, 2) where
//     the encoder has BERT's next-sentence head.
//   lmlab_reference_probe tokenize FOLDER LINES.txt OUT.json
//     OUT: one array of ids per line of LINES (no special tokens), from the folder's
//     tokenizer as LM Lab reads it (vocab.txt: WordPiece; vocab.json + merges.txt: byte BPE).
#include "lmlab/atomic_file.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/hf_model.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/tokenizer_files.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <iostream>

namespace {

using namespace lmlab;

at::Tensor tensor_named(const NamedTensors& tensors, const std::string& name) {
  for (const auto& [key, value] : tensors)
    if (key == name) return value;
  return {};
}

LanguageModel load_model(const std::string& kind, const std::string& path) {
  if (kind == "hf") return import_hf_model(path).model;
  if (kind == "checkpoint") return load_checkpoint(path, c10::Device(c10::kCPU)).model;
  throw std::runtime_error("model kind '" + kind + "' is not hf or checkpoint");
}

int write_logits(const std::string& kind, const std::string& model_path, const std::string& inputs_path,
                 const std::string& out_path) {
  auto model = load_model(kind, model_path);
  const auto inputs = read_safetensors(inputs_path);
  const auto ids = tensor_named(inputs, "input_ids");                         // (B, T)
  const auto padding = tensor_named(inputs, "attention_mask").to(at::kBool);  // (B, T), true: real
  const auto segments = tensor_named(inputs, "token_type_ids");               // (B, T) or undefined
  EvalMode eval(*model);
  torch::NoGradGuard no_grad;
  NamedTensors out;
  if (model->config().arch == Architecture::Gpt) {
    const auto hidden = model->hidden_states(ids, {}, padding);  // (B, T, C)
    out.emplace_back("hidden", hidden.contiguous());
    out.emplace_back("logits", model->lm_logits(hidden).contiguous());
  } else {
    const auto segment_ids = model->config().type_vocab_size > 0 ? segments : at::Tensor();
    const auto hidden = model->hidden_states(ids, segment_ids, padding);  // (B, T, C)
    out.emplace_back("hidden", hidden.contiguous());
    const auto rows = model->masked_lm_logits(hidden.reshape({-1, hidden.size(2)}));  // (B*T, V)
    out.emplace_back("logits", rows.view({ids.size(0), ids.size(1), -1}).contiguous());
    if (model->next_sentence) out.emplace_back("nsp_logits", model->next_sentence_logits(hidden).contiguous());
  }
  write_safetensors(out_path, out);
  return 0;
}

int write_token_ids(const std::string& folder, const std::string& lines_path, const std::string& out_path) {
  const auto tokenizer = load_tokenizer(folder);
  std::ifstream in(lines_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + lines_path);
  nlohmann::json ids = nlohmann::json::array();
  for (std::string line; std::getline(in, line);) ids.push_back(tokenizer->encode(line));
  write_file_atomically(out_path, ids.dump() + "\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 5 && args[0] == "logits") return write_logits(args[1], args[2], args[3], args[4]);
    if (args.size() == 4 && args[0] == "tokenize") return write_token_ids(args[1], args[2], args[3]);
  } catch (const std::exception& e) {
    std::cerr << "lmlab_reference_probe: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: lmlab_reference_probe logits hf|checkpoint MODEL INPUTS OUT\n"
               "       lmlab_reference_probe tokenize FOLDER LINES OUT\n";
  return 2;
}
