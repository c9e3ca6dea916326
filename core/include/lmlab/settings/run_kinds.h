#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lmlab {

// The declared settings of every run kind (pretrain, finetune, distill, fewshot, generate)
// and of the model's shape (model), by name: `lmlab-cli describe`, the consistency tests.
std::vector<std::string> described_kinds();
// Throws lmlab::Error naming the closest kind for an unknown one.
nlohmann::ordered_json describe_kind(const std::string& kind);

}  // namespace lmlab
