#pragma once

#include "options.h"

#include "lmlab/error.h"
#include "lmlab/settings/description.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace lmlab::cli {

// A run kind's options come from its declared settings (lmlab/settings/description.h): one
// option per setting, named by its flag, with the request's default in --help; plus
// --config FILE.json with the same keys (options given on the command line win).

OptionSpec option_of(const Setting& setting);
OptionSpec config_option();
// A JSON object read from a config file; malformed files are named.
nlohmann::json read_config_file(const std::string& path);
// A core error about a setting ("setting 'lr' must be …") as the CLI words it ("option
// '--lr' must be …"): every "setting 'some_key'" of a key in keys written as the option
// "--some-key" (other settings named, e.g. a model setting inside --model, stay as they are).
std::string flag_hints(const std::string& message, const std::vector<std::string>& keys);

template <class Request>
std::vector<OptionSpec> described_options(const Description<Request>& description,
                                          const std::vector<std::string>& keys = {}) {
  std::vector<OptionSpec> options;
  for (const auto& e : description.entries())
    if (keys.empty() || std::find(keys.begin(), keys.end(), e.setting.key) != keys.end())
      options.push_back(option_of(e.setting));
  options.push_back(config_option());
  return options;
}

// The request a command line asks for: the struct's defaults, then --config's values, then
// each option given. Throws UsageError naming the option at fault, or a required one missing.
template <class Request>
Request described_request(const Description<Request>& description, const Options& options,
                          const std::vector<std::string>& keys = {}) {
  Request request;
  if (options.given("config")) {
    // A config file's mistakes are usage mistakes, worded with the file's own keys.
    const auto path = options.text("config");
    try {
      description.apply(request, read_config_file(path), path);
    } catch (const Error& error) {
      throw UsageError(error.what());
    }
  }
  for (const auto& e : description.entries()) {
    if (!keys.empty() && std::find(keys.begin(), keys.end(), e.setting.key) == keys.end()) continue;
    const auto name = e.setting.flag().substr(2);
    if (!options.given(name)) continue;
    try {
      e.set(request, e.setting.type == SettingType::Flag ? nlohmann::json(options.flag(name))
                                                         : e.setting.parse_text(options.text(name)));
    } catch (const Error& error) {
      throw UsageError(flag_hints(error.what(), description.keys()));
    }
  }
  try {
    description.check_required(request, keys);
    description.check_rules(request);
  } catch (const Error& error) {
    throw UsageError(flag_hints(error.what(), description.keys()));
  }
  return request;
}

}  // namespace lmlab::cli
