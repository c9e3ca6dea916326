// For every described command, `lmlab-cli COMMAND --help` shows each setting of
// `lmlab-cli describe KIND --json` with the same default (both read from the binary).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <sstream>
#include <string>

namespace {

std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

// The default as a person reads it, written here from the JSON value: 0.001, 2000, auto, 0,1,2.
std::string shown(const nlohmann::json& setting) {
  const auto& v = setting["default"];
  if (setting.contains("special") && v.is_number() && v.get<double>() == setting["special"]["value"].get<double>())
    return setting["special"]["word"].get<std::string>() + ": " + setting["special"]["meaning"].get<std::string>();
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string list;
    for (const auto& item : v) list += (list.empty() ? "" : ",") + item.dump();
    return list;
  }
  std::ostringstream out;
  out << v.get<double>();
  return out.str();
}

void expect_help_matches(const std::string& command, const std::string& kind) {
  SCOPED_TRACE(command);
  const auto help = output_of(std::string(LMLAB_CLI) + " " + command + " --help");
  const auto description = nlohmann::json::parse(output_of(std::string(LMLAB_CLI) + " describe " + kind + " --json"));
  ASSERT_EQ(description["kind"], kind);
  ASSERT_FALSE(description["settings"].empty());
  for (const auto& s : description["settings"]) {
    const auto flag = s["flag"].get<std::string>();
    const auto at = help.find("\n  " + flag + " ");
    ASSERT_NE(at, std::string::npos) << flag << " is missing from --help";
    const auto line = help.substr(at + 1, help.find('\n', at + 1) - at - 1);
    if (s["required"].get<bool>()) {
      EXPECT_NE(line.find("(required)"), std::string::npos) << line;
    } else if (s["type"] != "flag" && !(s["default"].is_string() && s["default"].get<std::string>().empty())) {
      EXPECT_NE(line.find("(default " + shown(s) + ")"), std::string::npos) << line;
    }
  }
}

TEST(CliSettings, HelpShowsEveryDescribedSettingWithItsDefault) {
  expect_help_matches("pretrain", "pretrain");
  expect_help_matches("finetune", "finetune");
  expect_help_matches("distill", "distill");
  expect_help_matches("fewshot", "fewshot");
  expect_help_matches("generate", "generate");
}

}  // namespace
