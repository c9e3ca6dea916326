#include "resumed_settings.h"

#include "lmlab/error.h"

namespace lmlab {

void check_resumed_settings(const nlohmann::json& saved, const nlohmann::json& now, const std::string& dir) {
  for (const auto& [key, value] : now.items())
    if (key != "resume" && (!saved.is_object() || !saved.contains(key) || saved[key] != value))
      throw Error(dir + " was trained with setting '" + key + "' " +
                  (saved.is_object() && saved.contains(key) ? saved[key].dump() : std::string("unset")) +
                  "; this run asks for " + value.dump() + " (resume with the same settings)");
}

}  // namespace lmlab
