#include "lmlab/inspect/generation_settings.h"

namespace lmlab {

namespace {

using T = SettingType;

Description<GenerationSettings> make_generation() {
  Description<GenerationSettings> d("generate", "Continue a prompt with a GPT checkpoint");
  d.add(&GenerationSettings::max_tokens, {"max_tokens", T::Integer, 1, 100000, {}, {}, "tokens", "N", "tokens to add at most"});
  d.add(&GenerationSettings::temperature, {"temperature", T::Real, 0, 100, {}, {}, "", "T",
                                           "sampling temperature; 0 always takes the most likely token"});
  d.add(&GenerationSettings::top_k, {"top_k", T::Integer, 1, 1e6, {}, SpecialValue{0, "off", "no top-k cut"}, "tokens", "K",
                                     "sample among the K likeliest tokens"});
  d.add(&GenerationSettings::top_p, {"top_p", T::Real, 1e-6, 1, {}, {}, "", "P",
                                     "sample among the likeliest tokens holding P of the probability (1: no cut)"});
  d.add(&GenerationSettings::seed, {"seed", T::Integer, 0, kMaxSeed, {}, {}, "", "N", "random seed for sampling"});
  d.add(&GenerationSettings::stop_at_eos, {"stop_at_eos", T::Flag, 0, 0, {}, {}, "", "",
                                           "stop at the end-of-text token"});
  return d;
}

}  // namespace

const Description<GenerationSettings>& generation_description() {
  static const auto description = make_generation();
  return description;
}

void GenerationSettings::validate() const { generation_description().check(*this); }

}  // namespace lmlab
