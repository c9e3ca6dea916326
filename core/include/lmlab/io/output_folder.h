#pragma once

#include <string>
#include <vector>

namespace lmlab {

// What a folder holds, as far as LM Lab's writers care: its own checkpoint of an architecture,
// its own Hugging Face export of a model type, or anything else. An output folder that
// exists is replaced only when it holds the same kind as the writer makes, so a mistyped
// --out never wipes a downloaded model, another architecture's checkpoint or its resume state.
struct FolderKind {
  enum class Holds { Nothing, Checkpoint, Export, Other };
  Holds holds = Holds::Nothing;
  std::string model;  // "bert" / "gpt" for a checkpoint, "bert" / "gpt2" for an export

  static FolderKind checkpoint(std::string arch) { return {Holds::Checkpoint, std::move(arch)}; }
  static FolderKind exported(std::string model_type) { return {Holds::Export, std::move(model_type)}; }
  bool operator==(const FolderKind& other) const { return holds == other.holds && model == other.model; }
  // "an LM Lab BERT checkpoint", "a Hugging Face GPT-2 folder written by LM Lab", ...
  std::string description() const;
};

// The kind of an existing folder (Nothing when it is missing or empty). Reads config.json
// only; a folder whose config.json is unreadable or foreign holds Other.
FolderKind folder_kind(const std::string& dir);

// The key an LM Lab export writes into config.json (transformers keeps unknown keys), so the
// next export knows the folder as its own.
constexpr const char* kExportedByKey = "exported_by";

// Checks, before any work, that dir can be written as a folder of kind: its parent exists and
// is writable, and what stands there is nothing, an empty folder or the same kind, and not
// one of inputs (nor a folder holding one). Throws lmlab::Error naming dir and the cause.
void check_output_folder(const std::string& dir, const FolderKind& kind, const std::vector<std::string>& inputs = {});

// Checks, before any work, that a file (a run log) can be created or appended: its parent
// exists and is writable, and it is not a folder.
void check_output_file(const std::string& path, const std::string& what);

}  // namespace lmlab
