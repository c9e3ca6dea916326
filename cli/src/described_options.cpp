#include "described_options.h"

#include "lmlab/atomic_file.h"

namespace lmlab::cli {

OptionSpec option_of(const Setting& setting) {
  std::string help = setting.help;
  std::string default_text = setting.default_text();
  if (setting.special) {
    const auto meaning = setting.special->word + ": " + setting.special->meaning;
    if (default_text == setting.special->word) default_text = meaning;
    else help += " (" + meaning + ")";
  }
  if (setting.type == SettingType::Choice) {
    std::string choices;
    for (const auto& c : setting.choices) choices += (choices.empty() ? "" : "|") + c;
    return {setting.flag().substr(2), choices, help, default_text, setting.required};
  }
  const bool flag = setting.type == SettingType::Flag;
  return {setting.flag().substr(2), flag ? "" : setting.value_name, help, flag ? "" : default_text,
          setting.required};
}

OptionSpec config_option() {
  return {"config", "FILE.json", "settings from a JSON object with the keys `lmlab-cli describe` lists (options given "
                                 "here win)", ""};
}

nlohmann::json read_config_file(const std::string& path) {
  const auto text = read_file(path, "config file");
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) throw Error(path + " is not valid JSON");
  return json;
}

std::string flag_hints(const std::string& message, const std::vector<std::string>& keys) {
  std::string out = message;
  const std::string marker = "setting '";
  for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at)) {
    const size_t end = out.find('\'', at + marker.size());
    if (end == std::string::npos) break;
    const auto key = out.substr(at + marker.size(), end - at - marker.size());
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      at = end;
      continue;
    }
    std::string flag = "option '--" + key + "'";
    std::replace(flag.begin(), flag.end(), '_', '-');
    out.replace(at, end + 1 - at, flag);
    at += flag.size();
  }
  return out;
}

}  // namespace lmlab::cli
