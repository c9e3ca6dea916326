#pragma once

#include "lmlab/inspect/token_loss_result.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>

namespace lmlab {

// Each token's loss under the model. GPT: -ln p(token | the tokens before it), one forward; the
// first token has no context and is not scored. BERT: each token masked in turn, alone (the
// pseudo-log-likelihood of Salazar et al., 2020), all masked copies in one batch. Eval mode,
// no grad. Throws lmlab::Error for an empty text, one longer than the model reads, or top_k < 1.
TokenLosses token_losses(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int top_k = 5);

}  // namespace lmlab
