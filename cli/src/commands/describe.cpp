#include "../command.h"
#include "../described_options.h"

#include "lmlab/settings/run_kinds.h"

#include <iostream>

namespace lmlab::cli {

namespace {

// A run kind's settings as declared in core: as JSON for scripts and GUIs of others, or as a
// table for people. The defaults are the request structs' own.
int describe(const Options& o) {
  if (!o.has("kind")) {
    std::cout << "Described kinds:";
    for (const auto& kind : described_kinds()) std::cout << " " << kind;
    std::cout << "\n";
    return 0;
  }
  const auto description = describe_kind(o.text("kind"));
  if (o.flag("json")) {
    std::cout << description.dump(2) << "\n";
    return 0;
  }
  std::cout << description["kind"].get<std::string>() << ": " << description["summary"].get<std::string>() << "\n\n";
  for (const auto& s : description["settings"]) {
    const auto key = s["key"].get<std::string>();
    std::cout << "  " << key << std::string(key.size() < 20 ? 20 - key.size() : 1, ' ') << s["type"].get<std::string>();
    if (s.contains("min")) std::cout << " [" << s["min"].dump() << ", " << s["max"].dump() << "]";
    if (s.contains("choices")) std::cout << " " << s["choices"].dump();
    if (s["required"].get<bool>())
      std::cout << ", required";
    else
      std::cout << ", default " << s["default"].dump();
    std::cout << "\n      " << s["help"].get<std::string>() << "\n";
  }
  return 0;
}

}  // namespace

Command describe_command() {
  std::string kinds;
  for (const auto& kind : described_kinds()) kinds += (kinds.empty() ? "" : "|") + kind;
  return {"describe",
          "Every setting of a run kind: key, type, default, range, help (the keys --config files take)",
          {{"kind", "KIND", kinds + " (none: list them)", "", false, true},
           {"json", "", "print the description as JSON", ""}},
          describe};
}

}  // namespace lmlab::cli
