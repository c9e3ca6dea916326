#include "lmlab/session/job_queries.h"

#include "lmlab/inspect/embedding_neighbours.h"
#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/saliency.h"
#include "lmlab/inspect/token_loss.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/session/training_job.h"

namespace lmlab {

GenerationAnswer answer_generation(TrainingJob& job, const GenerationQuery& q) {
  auto& holder = model_holder(job);
  GenerationAnswer answer;
  answer.next = answer_next_tokens(job, q);
  const auto& tokenizer = holder.tokenizer();
  const auto ids = generate_ids(holder.model(), tokenizer.special_ids(), tokenizer.encode(q.prompt), q.settings);
  answer.continuation = tokenizer.decode(ids);
  answer.tokens = static_cast<int>(ids.size());
  answer.reached_end = q.settings.stop_at_eos && answer.tokens < q.settings.max_tokens;
  return answer;
}

std::vector<TokenGuess> answer_next_tokens(TrainingJob& job, const GenerationQuery& q) {
  auto& holder = model_holder(job);
  return next_token_top(holder.model(), holder.tokenizer(), q.prompt, q.next_k, q.settings.temperature);
}

std::vector<TokenGuess> tokenize_with(TrainingJob& job, const std::string& text) {
  const auto& tokenizer = model_holder(job).tokenizer();
  std::vector<TokenGuess> pieces;
  for (int id : tokenizer.encode(text)) pieces.push_back({id, tokenizer.id_to_piece(id), 0});
  return pieces;
}

TokenLosses answer_token_losses(TrainingJob& job, const std::string& text) {
  auto& holder = model_holder(job);
  return token_losses(holder.model(), holder.tokenizer(), text, 5);
}

Saliency answer_saliency(TrainingJob& job, const std::string& text_a, const std::string& text_b) {
  auto& holder = model_holder(job);
  return saliency(holder.model(), holder.tokenizer(), text_a, text_b, 64);
}

WordNeighbours answer_embedding_neighbours(TrainingJob& job, const std::string& word) {
  auto& holder = model_holder(job);
  return embedding_neighbours(holder.model(), holder.tokenizer(), word, 12);
}

}  // namespace lmlab
