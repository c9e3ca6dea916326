#include "error_text.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/output_folder.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/io/safetensors.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include <unistd.h>

using namespace lmlab;
using lmlab::test::TempDir;

using lmlab::test::error_of;

namespace {

class Checkpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    auto toy = test::toy_model_setup(dir, 40, 1, 300, 16);
    tokenizer = toy.tokenizer;
    torch::manual_seed(9);
    model = LanguageModel(toy.config);
    model->eval();
  }
  TempDir dir;
  std::shared_ptr<SentencePieceTokenizer> tokenizer;
  LanguageModel model{nullptr};
};

TEST_F(Checkpoint, RoundTripGivesIdenticalOutputs) {
  const auto path = dir.file("ckpt");
  save_checkpoint(path, *model, *tokenizer, "{\"step\": 3}");
  for (const char* f : {"config.json", "model.safetensors", "tokenizer.model", "training_state.json"})
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(path) / f)) << f;
  auto loaded = load_checkpoint(path, torch::kCPU);
  loaded.model->eval();
  torch::NoGradGuard no_grad;
  auto ids = torch::randint(7, tokenizer->vocab_size(), {2, 10}, torch::kLong);
  const auto before = model->masked_lm_logits(model->hidden_states(ids).reshape({20, -1}));
  const auto after = loaded.model->masked_lm_logits(loaded.model->hidden_states(ids).reshape({20, -1}));
  EXPECT_TRUE(torch::equal(before, after));
  EXPECT_EQ(loaded.training_state_json, "{\"step\": 3}");
  EXPECT_EQ(loaded.tokenizer->encode("the cat sat"), tokenizer->encode("the cat sat"));

  // Saving again replaces the checkpoint and leaves no temporary directories behind.
  save_checkpoint(path, *model, *tokenizer, "{\"step\": 4}");
  EXPECT_EQ(load_checkpoint(path, torch::kCPU).training_state_json, "{\"step\": 4}");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 2);  // corpus.txt and ckpt
}

TEST_F(Checkpoint, SafetensorsLayoutIsTheStandardOne) {
  const auto bytes = encode_safetensors({{"a", torch::arange(6, torch::kFloat).view({2, 3})}, {"b", torch::ones({1}, torch::kLong)}});
  uint64_t header = 0;
  std::memcpy(&header, bytes.data(), 8);
  EXPECT_EQ(header % 8, 0u);
  const std::string json = bytes.substr(8, header);
  EXPECT_NE(json.find("\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"b\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[24,32]}"), std::string::npos) << json;
  EXPECT_EQ(bytes.size(), 8 + header + 32);
  float third;
  std::memcpy(&third, bytes.data() + 8 + header + 8, 4);
  EXPECT_EQ(third, 2.0f);
  const auto back = decode_safetensors(bytes, "mem");
  EXPECT_TRUE(torch::equal(back[0].second, torch::arange(6, torch::kFloat).view({2, 3})));
}

TEST_F(Checkpoint, TruncatedOrCorruptWeightsGiveAClearError) {
  const auto path = dir.file("ckpt");
  save_checkpoint(path, *model, *tokenizer, "{}");
  const auto weights = path + "/model.safetensors";
  const auto size = std::filesystem::file_size(weights);
  std::filesystem::resize_file(weights, size - 100);
  EXPECT_NE(error_of([&] { load_checkpoint(path, torch::kCPU); }).find("model.safetensors: tensor '"), std::string::npos);
  std::filesystem::resize_file(weights, 5);
  EXPECT_NE(error_of([&] { load_checkpoint(path, torch::kCPU); }).find("too short to be a safetensors file"),
            std::string::npos);
  std::ofstream(weights, std::ios::binary) << std::string("\x10\0\0\0\0\0\0\0{garbage!!!!!!!}", 24);
  EXPECT_NE(error_of([&] { load_checkpoint(path, torch::kCPU); }).find("header is not valid JSON"), std::string::npos);
}

TEST_F(Checkpoint, WrongShapeOrDtypeOrNameIsNamed) {
  auto weights = model_weights(*model);
  auto wrong_shape = weights;
  wrong_shape[0].second = torch::zeros({3, 3});
  EXPECT_NE(error_of([&] { load_weights(*model, wrong_shape, "w"); }).find("tensor '" + weights[0].first + "' has shape [3, 3]"),
            std::string::npos);
  auto wrong_dtype = weights;
  wrong_dtype[1].second = wrong_dtype[1].second.to(torch::kHalf);
  EXPECT_NE(error_of([&] { load_weights(*model, wrong_dtype, "w"); }).find("has dtype Half"), std::string::npos);
  auto missing = weights;
  missing.pop_back();
  EXPECT_NE(error_of([&] { load_weights(*model, missing, "w"); }).find("' is missing"), std::string::npos);
  auto extra = weights;
  extra.emplace_back("decoder.surprise", torch::zeros({1}));
  EXPECT_NE(error_of([&] { load_weights(*model, extra, "w"); }).find("unexpected tensor 'decoder.surprise'"),
            std::string::npos);
}

TEST_F(Checkpoint, RefusesToOverwriteADirectoryThatIsNotACheckpoint) {
  dir.write("notes.txt", "mine");
  EXPECT_NE(error_of([&] { save_checkpoint(dir.path().string(), *model, *tokenizer, "{}"); }).find("refusing to replace"),
            std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir.file("notes.txt")));
  EXPECT_NE(error_of([&] { load_checkpoint(dir.file("nope"), torch::kCPU); }).find("does not exist"), std::string::npos);
}

}  // namespace

namespace {

// The output folders of the issue's data-loss cases: what stood there is still there.
class OutputFolder : public Checkpoint {
 protected:
  std::string write_foreign(const std::string& name, const std::string& config) {
    const auto folder = dir.file(name);
    std::filesystem::create_directory(folder);
    dir.write(name + "/config.json", config);
    dir.write(name + "/vocab.json", "{\"a\": 0}");
    return folder;
  }
};

TEST_F(OutputFolder, OnlyAFolderOfTheSameKindIsReplaced) {
  const auto hf_gpt2 = write_foreign("gpt2", R"({"model_type": "gpt2", "n_embd": 32})");
  EXPECT_NE(error_of([&] { save_checkpoint(hf_gpt2, *model, *tokenizer, "{}"); })
                .find("holds files LM Lab did not write"),
            std::string::npos);
  const auto gpt_checkpoint = write_foreign("gpt", R"({"arch": "gpt", "d_model": 32})");
  const auto refused = error_of([&] { save_checkpoint(gpt_checkpoint, *model, *tokenizer, "{}"); });
  EXPECT_NE(refused.find("holds an LM Lab GPT checkpoint; refusing to replace it with an LM Lab BERT checkpoint"),
            std::string::npos)
      << refused;
  for (const auto& folder : {hf_gpt2, gpt_checkpoint})
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(folder) / "vocab.json")) << folder;
  // An export of the same model type is LM Lab's own: the next export may replace it.
  const auto exported = write_foreign("export", R"({"model_type": "bert", "exported_by": "LM Lab 1.0"})");
  EXPECT_EQ(folder_kind(exported), FolderKind::exported("bert"));
  EXPECT_NO_THROW(check_output_folder(exported, FolderKind::exported("bert")));
  EXPECT_THROW(check_output_folder(exported, FolderKind::exported("gpt2")), Error);
}

TEST_F(OutputFolder, NeverTheInputNorAFolderHoldingIt) {
  const auto input = write_foreign("hf", R"({"arch": "bert"})");
  const auto refused = error_of([&] { check_output_folder(input, FolderKind::checkpoint("bert"), {input}); });
  EXPECT_NE(refused.find("is where this run reads"), std::string::npos) << refused;
  EXPECT_THROW(check_output_folder(dir.path().string(), FolderKind::checkpoint("bert"), {dir.file("corpus.txt")}), Error);
  const auto missing = error_of([&] { check_output_folder(dir.file("no/such/out"), FolderKind::checkpoint("bert")); });
  EXPECT_NE(missing.find("its parent folder '" + dir.file("no/such") + "' does not exist"), std::string::npos) << missing;
  EXPECT_THROW(check_output_file(dir.path().string(), "run log"), Error);
  EXPECT_NO_THROW(check_output_file(dir.file("run.jsonl"), "run log"));
}

TEST_F(OutputFolder, NonFiniteWeightsAreNeitherSavedNorLoaded) {
  const auto good = dir.file("good");
  save_checkpoint(good, *model, *tokenizer, "{\"step\": 1}");
  {
    torch::NoGradGuard no_grad;
    model->parameters()[2].view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
  }
  EXPECT_NE(error_of([&] { save_checkpoint(good, *model, *tokenizer, "{\"step\": 2}"); })
                .find("holds NaN or infinite values"),
            std::string::npos);
  EXPECT_EQ(load_checkpoint(good, torch::kCPU).training_state_json, "{\"step\": 1}");
  // A NaN written by another tool is refused on loading, naming the tensor.
  auto weights = read_safetensors(good + "/model.safetensors");
  weights[0].second.view(-1)[0] = std::numeric_limits<float>::infinity();
  write_safetensors(good + "/model.safetensors", weights);
  const auto refused = error_of([&] { load_checkpoint(good, torch::kCPU); });
  EXPECT_NE(refused.find("tensor '" + weights[0].first + "' holds NaN or infinite values"), std::string::npos) << refused;
}

TEST_F(OutputFolder, TemporariesOfKilledWritersAreRemovedOnTheNextWrite) {
  const auto out = dir.file("ckpt");
  // A PID above the kernel's pid_max runs no process; ours does.
  const auto dead = dir.file(".ckpt.tmp-99999999-7"), live = dir.file(".ckpt.tmp-" + std::to_string(::getpid()) + "-7");
  for (const auto& tmp : {dead, live}) {
    std::filesystem::create_directory(tmp);
    dir.write(std::filesystem::path(tmp).filename().string() + "/model.safetensors", "half written");
  }
  save_checkpoint(out, *model, *tokenizer, "{}");
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_TRUE(std::filesystem::exists(live));
}

}  // namespace
