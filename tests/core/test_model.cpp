#include "lmlab/error.h"
#include "lmlab/model/eval_mode.h"
#include "lmlab/model/language_model.h"

#include <gtest/gtest.h>

using lmlab::Architecture;
using lmlab::EvalMode;
using lmlab::LanguageModel;
using lmlab::ModelConfig;

namespace {

ModelConfig tiny(Architecture arch) {
  auto config = ModelConfig::preset("tiny", arch);
  config.vocab_size = 50;
  config.max_seq_len = 32;
  return config;
}

LanguageModel eval_model(Architecture arch, bool pre_ln = false) {
  torch::manual_seed(11);
  auto config = tiny(arch);
  if (arch == Architecture::Bert) config.pre_ln = pre_ln;
  LanguageModel model(config);
  model->eval();
  return model;
}

TEST(Model, DecoderLogitsAtTDoNotSeeLaterTokens) {
  auto model = eval_model(Architecture::Gpt);
  torch::NoGradGuard no_grad;
  auto ids = torch::randint(7, 50, {2, 12}, torch::kLong);
  auto changed = ids.clone();
  changed.slice(1, 6).random_(7, 50);
  const auto a = model->lm_logits(model->hidden_states(ids));
  const auto b = model->lm_logits(model->hidden_states(changed));
  EXPECT_TRUE(torch::allclose(a.slice(1, 0, 6), b.slice(1, 0, 6), 1e-5, 1e-6));
  EXPECT_FALSE(torch::allclose(a.slice(1, 6), b.slice(1, 6), 1e-3, 1e-3));
}

TEST(Model, EncoderHiddenStatesSeeLaterTokens) {
  for (bool pre_ln : {false, true}) {
    auto model = eval_model(Architecture::Bert, pre_ln);
    torch::NoGradGuard no_grad;
    auto ids = torch::randint(7, 50, {2, 12}, torch::kLong);
    auto changed = ids.clone();
    changed.slice(1, 6).random_(7, 50);
    const auto a = model->hidden_states(ids);
    const auto b = model->hidden_states(changed);
    EXPECT_FALSE(torch::allclose(a.slice(1, 0, 6), b.slice(1, 0, 6), 1e-3, 1e-3)) << "pre_ln " << pre_ln;
  }
}

TEST(Model, AppendedPaddingChangesNothing) {
  for (auto arch : {Architecture::Bert, Architecture::Gpt}) {
    auto model = eval_model(arch);
    torch::NoGradGuard no_grad;
    auto ids = torch::randint(7, 50, {1, 9}, torch::kLong);
    const auto plain = model->hidden_states(ids);
    auto padded_ids = torch::cat({ids, torch::zeros({1, 5}, torch::kLong)}, 1);
    auto padding = torch::cat({torch::ones({1, 9}, torch::kBool), torch::zeros({1, 5}, torch::kBool)}, 1);
    const auto padded = model->hidden_states(padded_ids, {}, padding);
    EXPECT_TRUE(torch::allclose(plain, padded.slice(1, 0, 9), 1e-5, 1e-6)) << lmlab::to_string(arch);
    if (arch == Architecture::Bert) {
      EXPECT_TRUE(torch::allclose(model->next_sentence_logits(plain), model->next_sentence_logits(padded), 1e-5, 1e-6));
    }
  }
}

TEST(Model, BertStyleInitialisation) {
  torch::manual_seed(1);
  auto config = ModelConfig::preset("small", Architecture::Bert);
  LanguageModel model(config);
  const auto& embedding = model->body().embeddings->token->weight;
  EXPECT_NEAR(embedding.std().item<double>(), 0.02, 0.001);
  EXPECT_NEAR(embedding.mean().item<double>(), 0.0, 0.001);
  EXPECT_EQ(model->body().block(0)->ff_in->bias.abs().max().item<float>(), 0.0f);
  EXPECT_EQ(model->body().block(0)->ln_ff->weight.min().item<float>(), 1.0f);
}

TEST(Model, HeadsAndTiedWeights) {
  auto bert = eval_model(Architecture::Bert);
  auto gpt = eval_model(Architecture::Gpt);
  torch::NoGradGuard no_grad;
  auto ids = torch::randint(7, 50, {2, 6}, torch::kLong);
  const auto h = bert->hidden_states(ids);
  EXPECT_EQ(bert->masked_lm_logits(h.reshape({-1, 128})).sizes(), (std::vector<int64_t>{12, 50}));
  EXPECT_EQ(bert->next_sentence_logits(h).sizes(), (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(gpt->lm_logits(gpt->hidden_states(ids)).sizes(), (std::vector<int64_t>{2, 6, 50}));
  // Tied: the token embedding is the only (V, C) matrix; the heads reuse it.
  for (auto* model : {&bert, &gpt}) {
    int token_tables = 0;
    for (const auto& p : (*model)->named_parameters()) token_tables += p.value().sizes() == std::vector<int64_t>{50, 128};
    EXPECT_EQ(token_tables, 1);
  }
  EXPECT_THROW(gpt->masked_lm_logits(h.reshape({-1, 128})), lmlab::Error);
}

TEST(Model, ClassifierHeadCanBeAddedForFineTuning) {
  auto model = eval_model(Architecture::Gpt);
  model->set_num_labels(3);
  torch::NoGradGuard no_grad;
  auto ids = torch::randint(7, 50, {2, 6}, torch::kLong);
  auto padding = torch::ones({2, 6}, torch::kBool);
  padding[1].slice(0, 4).fill_(false);
  EXPECT_EQ(model->classifier_logits(model->hidden_states(ids, {}, padding), padding).sizes(),
            (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(model->config().num_labels, 3);
}

TEST(Model, TooLongSequenceIsAClearError) {
  auto model = eval_model(Architecture::Bert);
  try {
    model->hidden_states(torch::ones({1, 40}, torch::kLong));
    FAIL() << "no error";
  } catch (const lmlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("max_seq_len (32)"), std::string::npos) << e.what();
  }
}

TEST(Model, CapturesAttentionOfChosenLayers) {
  auto model = eval_model(Architecture::Bert);
  torch::NoGradGuard no_grad;
  model->body().set_attention_capture({1});
  model->hidden_states(torch::randint(7, 50, {1, 7}, torch::kLong));
  const auto maps = model->body().captured_attention();
  EXPECT_EQ(maps.sizes(), (std::vector<int64_t>{1, 1, 2, 7, 7}));
  EXPECT_THROW(model->body().set_attention_capture({2}), lmlab::Error);
}

TEST(Model, EvalModeRestoresTheTrainingModeEvenOnErrors) {
  auto model = eval_model(Architecture::Bert);
  model->train();
  try {
    EvalMode eval(*model);
    EXPECT_FALSE(model->is_training());
    model->hidden_states(torch::ones({1, 40}, torch::kLong));  // too long: throws
  } catch (const lmlab::Error&) {
  }
  EXPECT_TRUE(model->is_training());
  model->eval();
  { EvalMode eval(*model); }
  EXPECT_FALSE(model->is_training());
}

TEST(ModelConfig, JsonRoundTripAndClearErrors) {
  auto config = ModelConfig::preset("small", Architecture::Gpt);
  const auto back = ModelConfig::from_json(config.to_json(), "test");
  EXPECT_EQ(back.to_json(), config.to_json());
  const auto message = [](const std::string& json) {
    try {
      ModelConfig::from_json(json, "my.json");
    } catch (const lmlab::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{\"d_model\": 100, \"n_heads\": 3}").find("divisible by n_heads"), std::string::npos);
  EXPECT_NE(message("{\"max_seq_len\": 100000}").find("max_seq_len"), std::string::npos);
  EXPECT_NE(message("{\"colour\": 1}").find("unknown model setting 'colour'"), std::string::npos);
  EXPECT_NE(message("{\"n_layer\": 1}").find("did you mean 'n_layers'?"), std::string::npos);
  EXPECT_NE(message("{\"n_layers\": \"two\"}").find("my.json: setting 'n_layers' expects an integer"), std::string::npos);
  EXPECT_NE(message("{not json").find("my.json is not valid JSON"), std::string::npos);
  EXPECT_THROW(ModelConfig::preset("huge", Architecture::Bert), lmlab::Error);
}

}  // namespace

// The count a config predicts (used to refuse absurd configs before any memory is taken) is
// the number of values the built model holds, for every shape of model LM Lab builds.
TEST(ModelConfig, ParameterCountIsWhatTheModelHolds) {
  for (const auto arch : {Architecture::Bert, Architecture::Gpt}) {
    for (int variant = 0; variant < 4; ++variant) {
      auto config = ModelConfig::preset("tiny", arch);
      config.vocab_size = 300, config.d_ff = 96, config.max_seq_len = 24;
      if (variant == 1) config.num_labels = 3;
      if (variant == 2) config.type_vocab_size = 0;  // DistilBERT
      if (variant == 3) config.position_encoding = lmlab::PositionEncoding::Rotary;
      LanguageModel model(config);
      int64_t held = 0;
      for (const auto& p : model->parameters()) held += p.numel();
      EXPECT_EQ(config.parameter_count(), static_cast<double>(held)) << to_string(arch) << " variant " << variant;
    }
  }
  auto huge = ModelConfig::preset("base", Architecture::Gpt);
  huge.n_layers = 96, huge.d_model = 16384, huge.n_heads = 16, huge.d_ff = 65536;
  try {
    huge.validate();
    FAIL() << "a 300-billion-parameter config was accepted";
  } catch (const lmlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("LM Lab builds models of up to 2 billion"), std::string::npos) << e.what();
  }
}
