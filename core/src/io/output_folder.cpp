#include "lmlab/io/output_folder.h"

#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace lmlab {
namespace fs = std::filesystem;

namespace {

std::string upper_model(const std::string& model) {
  if (model == "bert") return "BERT";
  if (model == "gpt") return "GPT";
  if (model == "gpt2") return "GPT-2";
  return model;
}

// The folder dir lives in, checked to exist and to take new entries.
void check_parent_writable(const fs::path& target, const std::string& shown, const std::string& what) {
  const fs::path parent = target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(parent, ec))
    throw Error("output_parent_missing", {{"file", shown}, {"folder", parent.string()}},
                "cannot write " + what + " '" + shown + "': its parent folder '" + parent.string() + "' does not exist");
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    throw Error("output_read_only", {{"file", shown}, {"folder", parent.string()}},
                "cannot write " + what + " '" + shown + "': folder '" + parent.string() +
                    "' is read-only or not yours (choose another place)");
}

bool same_or_inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  if (fs::equivalent(path, folder, ec)) return true;
  const fs::path canonical_path = fs::weakly_canonical(path, ec);
  const fs::path canonical_folder = fs::weakly_canonical(folder, ec);
  const auto mismatch =
      std::mismatch(canonical_folder.begin(), canonical_folder.end(), canonical_path.begin(), canonical_path.end());
  return mismatch.first == canonical_folder.end();
}

}  // namespace

std::string FolderKind::description() const {
  switch (holds) {
    case Holds::Nothing: return "nothing";
    case Holds::Checkpoint: return "an LM Lab " + upper_model(model) + " checkpoint";
    case Holds::Export: return "a Hugging Face " + upper_model(model) + " folder exported by LM Lab";
    case Holds::Other: break;
  }
  return "files LM Lab did not write (a downloaded model, data or other files)";
}

FolderKind folder_kind(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) return {};
  FolderKind other{FolderKind::Holds::Other, ""};
  const fs::path config_path = fs::path(dir) / "config.json";
  if (!fs::is_regular_file(config_path, ec) || fs::file_size(config_path, ec) > (1 << 20)) return other;
  std::ifstream in(config_path);
  const auto config = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!config.is_object()) return other;
  const auto text = [&](const char* key) {
    const auto it = config.find(key);
    return it != config.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (!text("arch").empty()) return FolderKind::checkpoint(text("arch"));
  if (text(kExportedByKey).rfind("LM Lab", 0) == 0) return FolderKind::exported(text("model_type"));
  return other;
}

void check_output_folder(const std::string& dir, const FolderKind& kind, const std::vector<std::string>& inputs) {
  if (dir.empty()) throw Error("no output folder given");
  const fs::path target = fs::absolute(dir).lexically_normal();
  const std::string what = kind.description();
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    throw Error("output_not_folder", {{"file", dir}}, "'" + dir + "' exists and is not a folder");
  for (const auto& input : inputs)
    if (!input.empty() && fs::exists(input, ec) && same_or_inside(input, target))
      throw Error("output_is_input", {{"folder", dir}, {"file", input}},
                  "'" + dir + "' is where this run reads '" + input + "' from; refusing to replace its input " +
                      "(choose another output folder)");
  const FolderKind there = folder_kind(target.string());
  if (there.holds != FolderKind::Holds::Nothing && !(there == kind))
    throw Error("output_holds_other", {{"folder", dir}},
                "'" + dir + "' holds " + there.description() + "; refusing to replace it with " + what +
                    " (choose another output folder)");
  check_parent_writable(target, dir, what);
  if (fs::exists(target, ec) && ::access(target.c_str(), W_OK | X_OK) != 0)
    throw Error("output_read_only", {{"file", dir}, {"folder", dir}}, "cannot write " + what + " '" + dir + "': it is read-only");
}

void check_output_file(const std::string& path, const std::string& what) {
  const fs::path target = fs::absolute(path).lexically_normal();
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw Error("file_is_folder", {{"file", path}}, what + " '" + path + "' is a folder, not a file");
  check_parent_writable(target, path, what);
  if (fs::exists(target, ec) && ::access(target.c_str(), W_OK) != 0)
    throw Error("output_read_only", {{"file", path}, {"folder", target.parent_path().string()}},
                "cannot write " + what + " '" + path + "': it is read-only");
}

}  // namespace lmlab
