#pragma once

#include "lmlab/inspect/embedding_neighbours_result.h"
#include "lmlab/inspect/generation_settings.h"
#include "lmlab/inspect/masked_text.h"
#include "lmlab/inspect/saliency_result.h"
#include "lmlab/inspect/token_loss_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

class TrainingJob;

// Questions a playground asks a job's model, in plain types, so the GUI can post them to the
// session thread without including torch. Each throws lmlab::Error on bad settings or a model
// of the wrong kind.

struct GenerationQuery {
  std::string prompt;
  GenerationSettings settings;
  int next_k = 10;  // how many next-token candidates to report for the prompt's last position
};

struct GenerationAnswer {
  std::string continuation;
  int tokens = 0;            // how many the model wrote
  bool reached_end = false;  // it wrote its end-of-text token before the number asked for
  std::vector<TokenGuess> next;  // most likely first, at the query's temperature
};

GenerationAnswer answer_generation(TrainingJob& job, const GenerationQuery& query);
// The next-token candidates alone, without sampling: cheap enough to follow the prompt and the
// temperature as they are edited.
std::vector<TokenGuess> answer_next_tokens(TrainingJob& job, const GenerationQuery& query);

// The job's tokenizer applied to text: each piece with its id.
std::vector<TokenGuess> tokenize_with(TrainingJob& job, const std::string& text);

// Each token's loss under the job's model (token_loss.h), with the top 5 expected instead.
TokenLosses answer_token_losses(TrainingJob& job, const std::string& text);

// What the job's classifier's prediction for a text (or a pair: text_b) rests on (saliency.h),
// integrated gradients at 64 steps.
Saliency answer_saliency(TrainingJob& job, const std::string& text_a, const std::string& text_b);

// The word's nearest tokens in the job's token embedding table (embedding_neighbours.h), the
// top 12, with the table's 2-D map.
WordNeighbours answer_embedding_neighbours(TrainingJob& job, const std::string& word);

}  // namespace lmlab
