#pragma once

#include "lmlab/settings/description.h"

#include <cstdint>

namespace lmlab {

// How a GPT continues a prompt: the playground and `lmlab-cli generate` start from these
// defaults (generation_description() declares each one).
struct GenerationSettings {
  int max_tokens = 30;
  double temperature = 0.8;  // 0: greedy (always the most likely token)
  int top_k = 0;             // 0: no top-k cut
  double top_p = 0.95;       // nucleus sampling; 1: no cut
  uint64_t seed = 1234;
  bool stop_at_eos = true;

  void validate() const;  // throws lmlab::Error naming the bad setting by its key
};

const Description<GenerationSettings>& generation_description();

}  // namespace lmlab
