#include "lmlab/model/language_model.h"
#include "lmlab/session/training_job.h"

namespace lmlab {

void describe_model(SessionInfo& info, LanguageModelImpl& model) {
  const auto& config = model.config();
  info.arch = to_string(config.arch);
  info.layers = config.n_layers;
  info.heads = config.n_heads;
  info.parameters = 0;
  for (const auto& p : model.parameters()) info.parameters += p.numel();
}

}  // namespace lmlab
