#include "error_text.h"
#include "hf_fixture.h"
#include "hf_reference.h"
#include "python_pickle.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/hf_model.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/model/eval_mode.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <fstream>

using namespace lmlab;
using namespace lmlab::test;

using lmlab::test::error_of;

namespace {

constexpr double kTolerance = 1e-4;

struct Inputs {
  at::Tensor ids, segments, padding;
};

// Two sequences; the second is padded after 7 tokens.
Inputs inputs_for(int vocab, int64_t T = 10) {
  Inputs in;
  in.ids = at::randint(5, vocab, {2, T}, at::kLong);
  in.segments = at::cat({at::zeros({2, T / 2}, at::kLong), at::ones({2, T - T / 2}, at::kLong)}, 1);
  in.padding = at::ones({2, T}, at::kBool);
  in.padding.index_put_({1, at::indexing::Slice(7)}, false);
  return in;
}

at::Tensor masked_lm_logits(HfImport& imported, const Inputs& in, bool segments) {
  auto& model = *imported.model;
  EvalMode eval(model);
  torch::NoGradGuard no_grad;
  const auto hidden = model.hidden_states(in.ids, segments ? in.segments : at::Tensor(), in.padding);
  return model.masked_lm_logits(hidden.reshape({-1, hidden.size(2)})).view({in.ids.size(0), in.ids.size(1), -1});
}

at::Tensor gpt_logits(LanguageModelImpl& model, const at::Tensor& ids) {
  EvalMode eval(model);
  torch::NoGradGuard no_grad;
  return model.lm_logits(model.hidden_states(ids));
}

// Compares only real (unpadded) positions: padded rows are not defined the same way.
void expect_close_where_real(const at::Tensor& ours, const at::Tensor& reference, const at::Tensor& padding) {
  ASSERT_EQ(ours.sizes(), reference.sizes());
  const auto real = padding.unsqueeze(-1).expand_as(ours);
  const auto gap = (ours - reference).abs().masked_select(real).max().item<double>();
  EXPECT_LT(gap, kTolerance) << "largest difference from the reference forward";
}

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
  for (const auto& n : notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

class HfImportEncoders : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(HfImportEncoders, MaskedLmLogitsMatchTheReferenceForward) {
  torch::manual_seed(7);
  const auto type = GetParam();
  TempDir dir;
  const auto tensors = write_hf_folder(dir.path(), type);
  auto imported = import_hf_model(dir.path().string());
  EXPECT_EQ(imported.model_type, type);
  const auto vocab = imported.tokenizer->vocab_size();
  const auto in = inputs_for(vocab);
  const bool segments = type == "bert";
  const auto reference = reference_encoder(tensors, type, {}, in.ids, segments ? in.segments : at::Tensor(), in.padding);
  expect_close_where_real(masked_lm_logits(imported, in, segments), reference.masked_lm, in.padding);
  if (type == "bert") {
    EvalMode eval(*imported.model);
    const auto hidden = imported.model->hidden_states(in.ids, in.segments, in.padding);
    EXPECT_TRUE(imported.model->next_sentence_logits(hidden).allclose(reference_next_sentence(tensors, reference.hidden),
                                                                       kTolerance, kTolerance));
  }
}

TEST_P(HfImportEncoders, ExportWritesHuggingFaceNamesThatImportBack) {
  torch::manual_seed(8);
  const auto type = GetParam();
  TempDir dir;
  write_hf_folder(dir.path() / "hf", type);
  auto imported = import_hf_model((dir.path() / "hf").string());
  const auto notes = export_hf_model(*imported.model, *imported.tokenizer, dir.file("exported"));
  EXPECT_TRUE(notes.empty());

  // Encoders leave as "bert": the tensors a BertForPreTraining loads, q/k/v split again.
  std::map<std::string, at::Tensor> written;
  for (auto& [name, tensor] : read_safetensors(dir.file("exported/model.safetensors"))) written[name] = tensor;
  const auto& qkv = imported.model->named_parameters()["encoder.layers.1.attention.qkv.weight"];
  EXPECT_TRUE(written.at("bert.encoder.layer.1.attention.self.key.weight").equal(qkv.chunk(3, 0)[1]));
  EXPECT_TRUE(written.count("cls.predictions.bias"));
  EXPECT_TRUE(written.count("bert.embeddings.token_type_embeddings.weight"));  // zeros for DistilBERT
  EXPECT_NE(read_file(dir.file("exported/config.json")).find("\"model_type\": \"bert\""), std::string::npos);

  auto back = import_hf_model(dir.file("exported"));
  const auto in = inputs_for(imported.tokenizer->vocab_size());
  const bool segments = type == "bert";
  EXPECT_TRUE(masked_lm_logits(back, in, segments).allclose(masked_lm_logits(imported, in, segments)));
}

INSTANTIATE_TEST_SUITE_P(Types, HfImportEncoders, ::testing::Values("bert", "distilbert", "roberta"));

TEST(HfImport, Gpt2LogitsMatchTheReferenceForward) {
  torch::manual_seed(9);
  TempDir dir;
  const auto tensors = write_hf_folder(dir.path(), "gpt2");
  auto imported = import_hf_model(dir.path().string());
  EXPECT_EQ(imported.model->config().arch, Architecture::Gpt);
  EXPECT_EQ(imported.model->config().activation, Activation::GeluTanh);
  EXPECT_TRUE(imported.notes.empty()) << imported.notes.front();  // the mask buffers are not "unused"
  const auto ids = at::randint(0, imported.tokenizer->vocab_size(), {2, 12}, at::kLong);
  const auto ours = gpt_logits(*imported.model, ids);
  EXPECT_LT((ours - reference_gpt2(tensors, {}, ids)).abs().max().item<double>(), kTolerance);
}

TEST(HfImport, Gpt2ExportTransposesConv1DBack) {
  torch::manual_seed(10);
  TempDir dir;
  const auto tensors = write_hf_folder(dir.path() / "hf", "gpt2");
  auto imported = import_hf_model((dir.path() / "hf").string());
  export_hf_model(*imported.model, *imported.tokenizer, dir.file("exported"));
  std::map<std::string, at::Tensor> written;
  for (auto& [name, tensor] : read_safetensors(dir.file("exported/model.safetensors"))) written[name] = tensor;
  for (const auto* name : {"transformer.h.0.attn.c_attn.weight", "transformer.h.1.mlp.c_fc.weight",
                           "transformer.h.1.mlp.c_proj.weight", "transformer.ln_f.bias", "transformer.wpe.weight"})
    EXPECT_TRUE(written.at(name).equal(tensors.at(name))) << name;
  auto back = import_hf_model(dir.file("exported"));
  const auto ids = at::randint(0, imported.tokenizer->vocab_size(), {1, 9}, at::kLong);
  EXPECT_TRUE(gpt_logits(*back.model, ids).allclose(gpt_logits(*imported.model, ids)));
}

TEST(HfImport, ReadsPytorchModelBinInTheZipFormat) {
  torch::manual_seed(11);
  TempDir dir;
  const auto tensors = write_hf_folder(dir.path(), "gpt2");
  c10::Dict<std::string, at::Tensor> state;
  for (const auto& [name, tensor] : tensors) state.insert(name, tensor);
  const auto bytes = torch::jit::pickle_save(state);
  std::ofstream(dir.file("pytorch_model.bin"), std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::filesystem::remove(dir.file("model.safetensors"));
  auto imported = import_hf_model(dir.path().string());
  const auto ids = at::randint(0, imported.tokenizer->vocab_size(), {1, 8}, at::kLong);
  EXPECT_LT((gpt_logits(*imported.model, ids) - reference_gpt2(tensors, {}, ids)).abs().max().item<double>(), kTolerance);

  write_file_atomically(dir.file("pytorch_model.bin"), "\x80\x02}q\x00.");  // a legacy (pre-zip) pickle
  EXPECT_NE(error_of([&] { import_hf_model(dir.path().string()); }).find("pytorch_model.bin is not in PyTorch's zip format"),
            std::string::npos);
}

// pytorch_model.bin as Python's torch.save writes it: the plain dict transformers writes
// since 4.19 is read; the OrderedDict older versions wrote is refused with a message that says
// so (LibTorch's unpickler reads collections.OrderedDict as None).
TEST(HfImport, ReadsPytorchModelBinAsPythonWritesIt) {
  torch::manual_seed(15);
  TempDir dir;
  const auto tensors = write_hf_folder(dir.path(), "gpt2");
  std::filesystem::remove(dir.file("model.safetensors"));
  const NamedTensors state(tensors.begin(), tensors.end());
  write_file_atomically(dir.file("pytorch_model.bin"), python_torch_save(state, PickledDict::Plain));
  auto imported = import_hf_model(dir.path().string());
  const auto ids = at::randint(0, 200, {1, 8}, at::kLong);
  EXPECT_LT((gpt_logits(*imported.model, ids) - reference_gpt2(tensors, {}, ids)).abs().max().item<double>(), kTolerance);

  write_file_atomically(dir.file("pytorch_model.bin"), python_torch_save(state, PickledDict::OrderedWithMetadata));
  const auto message = error_of([&] { import_hf_model(dir.path().string()); });
  EXPECT_NE(message.find("pytorch_model.bin holds an OrderedDict state dict"), std::string::npos) << message;
  EXPECT_NE(message.find("model.safetensors"), std::string::npos) << message;
}

TEST(HfImport, HeadsTheFolderLacksAreNamedAndLegacyNormNamesAreRead) {
  torch::manual_seed(12);
  TempDir dir;
  auto tensors = write_hf_folder(dir.path(), "bert");
  // A BertModel folder (no cls.* heads) from a TensorFlow conversion (LayerNorm gamma/beta).
  HfTensors bare;
  for (auto& [name, tensor] : tensors) {
    if (name.rfind("cls.", 0) == 0) continue;
    auto renamed = name.substr(5);  // no "bert." prefix
    if (renamed.find("LayerNorm.weight") != std::string::npos) renamed.replace(renamed.rfind("weight"), 6, "gamma");
    if (renamed.find("LayerNorm.bias") != std::string::npos) renamed.replace(renamed.rfind("bias"), 4, "beta");
    bare[renamed] = tensor;
  }
  bare["classifier.weight"] = at::zeros({3, 16});
  rewrite_weights(dir.path(), bare);
  auto imported = import_hf_model(dir.path().string());
  EXPECT_TRUE(mentions(imported.notes, "no masked-LM head")) << imported.notes.size();
  EXPECT_TRUE(mentions(imported.notes, "no next-sentence head"));
  EXPECT_TRUE(mentions(imported.notes, "not used: classifier.weight"));
  const auto in = inputs_for(imported.tokenizer->vocab_size());
  EvalMode eval(*imported.model);
  const auto hidden = imported.model->hidden_states(in.ids, in.segments, in.padding);
  const auto reference = reference_encoder(tensors, "bert", {}, in.ids, in.segments, in.padding);
  const auto real = in.padding.unsqueeze(-1).expand_as(hidden);
  EXPECT_LT((hidden - reference.hidden).abs().masked_select(real).max().item<double>(), kTolerance);
}

TEST(HfImport, MissingMisshapenAndUnsupportedAreNamed) {
  torch::manual_seed(13);
  TempDir dir;
  const auto folder = dir.path().string();
  auto tensors = write_hf_folder(dir.path(), "bert");
  const auto import = [&] { return error_of([&] { import_hf_model(folder); }); };

  auto missing = tensors;
  missing.erase("bert.encoder.layer.1.output.dense.weight");
  rewrite_weights(dir.path(), missing);
  EXPECT_NE(import().find("tensor 'bert.encoder.layer.1.output.dense.weight' is missing"), std::string::npos) << import();

  auto misshapen = tensors;
  misshapen["bert.encoder.layer.0.attention.self.key.weight"] = at::zeros({16, 12});
  rewrite_weights(dir.path(), misshapen);
  EXPECT_NE(import().find("'bert.encoder.layer.0.attention.self.key.weight' has shape [16, 12]"), std::string::npos)
      << import();

  auto partial_head = tensors;
  partial_head.erase("cls.predictions.bias");
  rewrite_weights(dir.path(), partial_head);
  EXPECT_NE(import().find("tensor 'cls.predictions.bias' is missing"), std::string::npos) << import();
  rewrite_weights(dir.path(), tensors);

  const auto config = read_file(dir.file("config.json"));
  const auto with = [&](const std::string& from, const std::string& to) {
    auto text = config;
    text.replace(text.find(from), from.size(), to);
    write_file_atomically(dir.file("config.json"), text);
  };
  with("\"bert\"", "\"llama\"");
  EXPECT_NE(import().find("model_type 'llama' is not one LM Lab can import"), std::string::npos) << import();
  with("\"gelu\"", "\"relu\"");
  EXPECT_NE(import().find("hidden_act 'relu'"), std::string::npos) << import();
  with("\"num_hidden_layers\"", "\"layers\"");
  EXPECT_NE(import().find("field 'num_hidden_layers' is missing"), std::string::npos) << import();
  write_file_atomically(dir.file("config.json"), "{ not json");
  EXPECT_NE(import().find("config.json is not valid JSON"), std::string::npos) << import();
  std::filesystem::remove(dir.file("config.json"));
  EXPECT_NE(import().find("config.json"), std::string::npos) << import();
}

TEST(HfImport, ImportedCheckpointLoadsWithItsTokenizerAndProvenance) {
  torch::manual_seed(14);
  TempDir dir;
  write_hf_folder(dir.path() / "hf", "roberta");
  auto imported = import_hf_checkpoint((dir.path() / "hf").string(), dir.file("ckpt"));
  EXPECT_TRUE(mentions(imported.notes, "no pooler"));
  auto loaded = load_checkpoint(dir.file("ckpt"), c10::Device(c10::kCPU));
  EXPECT_EQ(loaded.tokenizer->special_ids().mask, imported.tokenizer->special_ids().mask);
  EXPECT_NE(loaded.training_state_json.find("\"hf_model_type\": \"roberta\""), std::string::npos);
  EXPECT_EQ(loaded.model->config().max_seq_len, HfShape{}.positions);  // 2 offset rows dropped
  const auto ids = at::randint(5, imported.tokenizer->vocab_size(), {1, 6}, at::kLong);
  EvalMode a(*loaded.model), b(*imported.model);
  EXPECT_TRUE(loaded.model->hidden_states(ids).allclose(imported.model->hidden_states(ids)));
}
