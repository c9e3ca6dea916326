#include "lmlab/settings/run_kinds.h"

#include "lmlab/inspect/generation_settings.h"
#include "lmlab/model_config.h"
#include "lmlab/session/fewshot_request.h"
#include "lmlab/session/finetune_request.h"
#include "lmlab/session/pretrain_request.h"

namespace lmlab {

std::vector<std::string> described_kinds() { return {"pretrain", "finetune", "distill", "fewshot", "generate", "model"}; }

nlohmann::ordered_json describe_kind(const std::string& kind) {
  if (kind == "pretrain") return pretrain_description().to_json();
  if (kind == "finetune") return finetune_description().to_json();
  if (kind == "distill") return distill_description().to_json();
  if (kind == "fewshot") return fewshot_description().to_json();
  if (kind == "generate") return generation_description().to_json();
  if (kind == "model") return model_config_description().to_json();
  const auto near = closest_key(kind, described_kinds());
  throw Error("unknown run kind '" + kind + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
}

}  // namespace lmlab
