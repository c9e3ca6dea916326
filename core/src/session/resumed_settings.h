#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace lmlab {

// A resumed run is the same run: every setting as it was (the schedule, the data and the seed
// decide the rest), 'resume' itself apart. saved: the checkpoint's "settings" (by key); now:
// the resuming request's. Throws lmlab::Error naming dir, the setting and both values.
void check_resumed_settings(const nlohmann::json& saved, const nlohmann::json& now, const std::string& dir);

}  // namespace lmlab
