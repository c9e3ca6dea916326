#include "lmlab/train/step_metrics.h"

#include <nlohmann/json.hpp>

namespace lmlab {

std::string StepMetrics::to_json() const {
  nlohmann::ordered_json j;
  j["step"] = step;
  j["loss"] = loss;
  const auto put = [&](const char* key, const std::optional<double>& value) {
    if (value) j[key] = *value;
  };
  put("mlm_loss", mlm_loss);
  put("mlm_accuracy", mlm_accuracy);
  put("nsp_loss", nsp_loss);
  put("nsp_accuracy", nsp_accuracy);
  put("clm_loss", clm_loss);
  put("clm_accuracy", clm_accuracy);
  j["lr"] = lr;
  j["tokens_per_s"] = tokens_per_s;
  j["ms"] = ms;
  if (allreduce_bytes) j["allreduce_bytes"] = *allreduce_bytes;
  return j.dump();
}

}  // namespace lmlab
