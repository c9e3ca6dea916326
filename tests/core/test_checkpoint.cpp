#include "error_text.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/io/safetensors.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

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
