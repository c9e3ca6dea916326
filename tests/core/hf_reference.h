#pragma once

#include "hf_fixture.h"

namespace lmlab::test {

// Forward passes written from the models' equations directly over Hugging Face's tensors
// (their names and layouts: separate q/k/v, Conv1D (in, out) weights, RoBERTa's offset
// positions), sharing nothing with LM Lab's modules or its import map.

struct EncoderOutput {
  at::Tensor hidden;      // (B, T, C)
  at::Tensor masked_lm;   // (B, T, V)
};

// type: "bert", "distilbert" or "roberta". segments may be undefined (all 0); padding is
// (B, T) bool, true for real tokens, or undefined.
EncoderOutput reference_encoder(const HfTensors& t, const std::string& type, const HfShape& shape,
                                const at::Tensor& ids, const at::Tensor& segments, const at::Tensor& padding);
// BERT's next-sentence logits (B, 2) from the pooled first position.
at::Tensor reference_next_sentence(const HfTensors& t, const at::Tensor& hidden);
// GPT-2's next-token logits (B, T, V).
at::Tensor reference_gpt2(const HfTensors& t, const HfShape& shape, const at::Tensor& ids);

}  // namespace lmlab::test
