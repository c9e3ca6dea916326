#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <map>
#include <string>

namespace lmlab::test {

// A small Hugging Face model folder with random weights, written in Hugging Face's naming and
// layout (as save_pretrained writes it) with LM Lab's safetensors writer: config.json, the
// tokenizer fixture of tests/data, model.safetensors.
struct HfShape {
  int layers = 2, d_model = 16, heads = 2, d_ff = 40, positions = 24;
  int extra_vocab = 0;  // byte-BPE models: pieces added to the fixture's vocab.json, as GPT-2's 50k
};

using HfTensors = std::map<std::string, at::Tensor>;

// model_type: "bert", "distilbert", "roberta" or "gpt2". Returns the tensors written.
HfTensors write_hf_folder(const std::filesystem::path& dir, const std::string& model_type, const HfShape& shape = {});

// Rewrites the folder's model.safetensors with these tensors (to remove, rename or reshape).
void rewrite_weights(const std::filesystem::path& dir, const HfTensors& tensors);

}  // namespace lmlab::test
