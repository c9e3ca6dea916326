// The declared settings (lmlab/settings/description.h): every default valid against its own
// range, every key bound to its own field, config files refused with the nearest key.
#include "lmlab/error.h"
#include "lmlab/inspect/generation_settings.h"
#include "lmlab/model_config.h"
#include "lmlab/session/fewshot_request.h"
#include "lmlab/session/finetune_request.h"
#include "lmlab/session/pretrain_request.h"
#include "lmlab/settings/run_kinds.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using lmlab::Description;
using nlohmann::json;

json plain(const nlohmann::ordered_json& j) { return json::parse(j.dump()); }

template <class Request>
std::string error_of(const Description<Request>& d, const json& object) {
  Request r;
  try {
    d.apply(r, object, "my.json");
  } catch (const lmlab::Error& e) {
    return e.what();
  }
  return "no error";
}

// A value in range for a setting that differs from its default, so a set() is visible.
json other_value(const lmlab::Setting& s) {
  switch (s.type) {
    case lmlab::SettingType::Integer:
    case lmlab::SettingType::Real: {
      const double v = s.default_value == json(s.max) ? s.min : s.max;
      return s.type == lmlab::SettingType::Integer ? json(static_cast<int64_t>(v)) : json(v);
    }
    case lmlab::SettingType::Flag: return !s.default_value.get<bool>();
    case lmlab::SettingType::Choice:
      for (const auto& c : s.choices)
        if (json(c) != s.default_value) return c;
      return s.choices.front();
    case lmlab::SettingType::IntegerList: return json::array({static_cast<int64_t>(s.max)});
    default: return "some/other/value";
  }
}

// For every setting: its default passes its own checks; setting another value through the
// description changes that key alone (no two keys share a field, no key misses its field).
template <class Request>
void walk_every_setting(const Description<Request>& d) {
  const auto defaults = d.values(Request{});
  for (const auto& e : d.entries()) {
    SCOPED_TRACE(d.kind() + "." + e.setting.key);
    if (!e.setting.required) {
      ASSERT_FALSE(e.setting.default_value.is_null());
      EXPECT_EQ(e.setting.parse(e.setting.default_value), e.setting.default_value);
    }
    Request r;
    const auto value = other_value(e.setting);
    d.set(r, e.setting.key, value);
    const auto after = d.values(r);
    for (const auto& [key, v] : defaults.items()) {
      if (key == e.setting.key)
        EXPECT_EQ(plain(after[key]), e.setting.parse(value));
      else
        EXPECT_EQ(plain(after[key]), plain(v)) << "setting " << e.setting.key << " also changed " << key;
    }
    // Every value a description can write (run.json) reads back the same; required settings
    // not given yet (student_layers 0) are left out, as a run cannot have them.
    auto written = after;
    for (const auto& other : d.entries())
      if (other.setting.required && other.setting.key != e.setting.key) written.erase(other.setting.key);
    Request back;
    d.apply(back, written, "values");
    EXPECT_EQ(d.values(back), after);
  }
}

TEST(Settings, EveryDefaultIsValidAndEveryKeyHasItsOwnField) {
  walk_every_setting(lmlab::pretrain_description());
  walk_every_setting(lmlab::finetune_description());
  walk_every_setting(lmlab::distill_description());
  walk_every_setting(lmlab::fewshot_description());
  walk_every_setting(lmlab::generation_description());
  walk_every_setting(lmlab::model_config_description());
}

// The defaults people read about are the structs' own (read here field by field, not
// through the descriptions' getters).
TEST(Settings, DescribedDefaultsAreTheRequestDefaults) {
  const auto setting_default = [](const std::string& kind, const std::string& key) {
    const auto description = lmlab::describe_kind(kind);
    for (const auto& s : description["settings"])
      if (s["key"] == key) return plain(s["default"]);
    return json();
  };
  const lmlab::FinetuneRequest f;
  EXPECT_EQ(setting_default("finetune", "epochs"), f.epochs);
  EXPECT_EQ(setting_default("finetune", "seq"), f.seq_len);
  EXPECT_EQ(setting_default("finetune", "lr"), f.lr);
  EXPECT_EQ(setting_default("finetune", "train_probe"), f.train_probe_size);
  EXPECT_EQ(setting_default("distill", "temperature"), f.temperature);
  const lmlab::PretrainRequest p;
  EXPECT_EQ(setting_default("pretrain", "steps"), p.steps);
  EXPECT_EQ(setting_default("pretrain", "seq"), p.seq_len);
  EXPECT_EQ(setting_default("pretrain", "lr"), p.lr);
  EXPECT_EQ(setting_default("pretrain", "vocab"), p.vocab_size);
  EXPECT_EQ(setting_default("pretrain", "warmup"), p.warmup_steps);
  const lmlab::GenerationSettings g;
  EXPECT_EQ(setting_default("generate", "temperature"), g.temperature);
  EXPECT_EQ(setting_default("generate", "top_p"), g.top_p);
  EXPECT_EQ(setting_default("generate", "max_tokens"), g.max_tokens);
  EXPECT_EQ(setting_default("fewshot", "k"), json(lmlab::FewShotRequest{}.ks));
  EXPECT_EQ(setting_default("model", "d_model"), lmlab::ModelConfig{}.d_model);
}

TEST(Settings, ConfigFilesAreCheckedAndMisspeltKeysNamed) {
  const auto& d = lmlab::finetune_description();
  EXPECT_EQ(error_of(d, {{"epoch", 3}}), "my.json: unknown finetune setting 'epoch'; did you mean 'epochs'?");
  EXPECT_EQ(error_of(d, {{"colour", 3}}), "my.json: unknown finetune setting 'colour'");
  EXPECT_EQ(error_of(d, {{"lr", "fast"}}), "my.json: setting 'lr' expects a number or 'auto', got \"fast\"");
  EXPECT_EQ(error_of(d, {{"lr", 2}}), "my.json: setting 'lr' must be between 1e-07 and 0.5 (or auto), got 2");
  EXPECT_EQ(error_of(d, {{"epochs", 2.5}}), "my.json: setting 'epochs' expects an integer, got 2.5");
  EXPECT_EQ(error_of(d, {{"schedule", "steep"}}), "my.json: setting 'schedule' must be one of linear, cosine, slanted, got \"steep\"");
  EXPECT_EQ(error_of(d, {{"from_scratch", "yes"}}), "my.json: setting 'from_scratch' expects true or false, got \"yes\"");
  EXPECT_EQ(error_of(d, json::array()), "my.json must hold a JSON object of finetune settings");

  lmlab::FinetuneRequest r;
  d.apply(r, {{"lr", "auto"}, {"train_limit", "all"}, {"seq", 64}, {"gradual_unfreeze", 10}}, "ok.json");
  EXPECT_EQ(r.lr, 0);
  EXPECT_EQ(r.max_train_examples, 0u);
  EXPECT_EQ(r.seq_len, 64);
  EXPECT_EQ(r.gradual_unfreeze_every, 10);
}

TEST(Settings, TextValuesAsTheCommandLineWritesThem) {
  const auto& lr = lmlab::finetune_description().setting("lr");
  EXPECT_EQ(lr.parse_text("1e-4"), 1e-4);
  EXPECT_EQ(lr.parse_text("auto"), 0);
  EXPECT_THROW(lr.parse_text("1e-4x"), lmlab::Error);
  const auto& ks = lmlab::fewshot_description().setting("k");
  EXPECT_EQ(ks.parse_text("0,2,8"), json::array({0, 2, 8}));
  EXPECT_THROW(ks.parse_text("0,100"), lmlab::Error);
  const auto& steps = lmlab::pretrain_description().setting("steps");
  EXPECT_EQ(steps.parse_text("300"), 300);
  EXPECT_THROW(steps.parse_text("3.5"), lmlab::Error);
  EXPECT_EQ(steps.default_text(), "2000");
  EXPECT_EQ(lmlab::pretrain_description().setting("warmup").default_text(), "auto");
  EXPECT_EQ(lmlab::pretrain_description().setting("weight_decay").default_text(), "0.01");
  EXPECT_EQ(lmlab::pretrain_description().setting("weight_decay").flag(), "--weight-decay");
}

TEST(Settings, RulesBetweenSettingsNameBoth) {
  lmlab::FinetuneRequest r;
  r.freeze = "embeddings";
  r.gradual_unfreeze_every = 5;
  try {
    lmlab::finetune_description().check_rules(r);
    FAIL() << "freeze with gradual unfreezing was accepted";
  } catch (const lmlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("setting 'freeze' and setting 'gradual_unfreeze'"), std::string::npos);
  }
  lmlab::FinetuneRequest missing;
  EXPECT_THROW(lmlab::finetune_description().check_required(missing), lmlab::Error);
  missing.train = "t.csv", missing.from = "ckpt";
  EXPECT_NO_THROW(lmlab::finetune_description().check_required(missing));
  EXPECT_THROW(lmlab::distill_description().check_required(missing), lmlab::Error);  // student_layers
}

TEST(Settings, UnknownKindNamesTheNearest) {
  try {
    (void)lmlab::describe_kind("finetun");
    FAIL();
  } catch (const lmlab::Error& e) {
    EXPECT_EQ(std::string(e.what()), "unknown run kind 'finetun'; did you mean 'finetune'?");
  }
}

}  // namespace
