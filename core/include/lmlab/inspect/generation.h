#pragma once

#include "lmlab/inspect/generation_settings.h"
#include "lmlab/inspect/masked_text.h"

#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

// What a GPT reads to guess the token after context: its last max_seq_len ids, or </s> (a
// document boundary, "start of text") when context is empty.
std::vector<int> next_token_window(const std::vector<int>& context, const SpecialIds& specials, int max_seq_len);
// Logits (..., V) of the tokens a GPT never writes (specials other than </s>) set to -inf.
at::Tensor exclude_unwritten_tokens(at::Tensor logits, const SpecialIds& specials);

// Continues prompt_ids with a GPT-style model; returns only the new ids. The context slides
// when it grows past max_seq_len. Special tokens other than </s> are never produced.
std::vector<int> generate_ids(LanguageModelImpl& model, const SpecialIds& specials,
                              std::vector<int> prompt_ids, const GenerationSettings& settings);

// The k most likely next tokens after prompt, at a temperature (0 is read as 1: the model's
// own distribution), with the same special tokens excluded as in sampling.
std::vector<TokenGuess> next_token_top(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& prompt,
                                       int k, double temperature);

// Text in, continuation text out.
std::string generate_text(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& prompt,
                          const GenerationSettings& settings);

}  // namespace lmlab
