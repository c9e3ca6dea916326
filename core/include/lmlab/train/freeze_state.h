#pragma once

#include <string>
#include <vector>

namespace lmlab {

// Torch-free, so the GUI's freeze panel reads and writes the same syntax as the CLI's --freeze.

// The parts of a LanguageModel that can be frozen: the embeddings, each transformer layer,
// and the head (everything else: pooler, MLM / NSP / LM heads, classifier, final norm).
struct ModelPart {
  enum Kind { Embeddings, Layer, Head } kind = Head;
  int layer = -1;  // for Layer
};
ModelPart part_of(const std::string& parameter_name);
// "embeddings", "layer N" (from 0) or "head": how reports and JSON name a part.
std::string part_name(const ModelPart& part);

// Which parts are frozen. Freezing the embeddings and the lowest layers also shortens the
// backward pass: autograd stops below the lowest part that still trains.
struct FreezeState {
  bool embeddings = false;
  std::vector<bool> layers;  // true = frozen
  bool head = false;

  static FreezeState none(int layer_count);
  // "none", "all-but-head", or a comma list of "embeddings", "head" and layer numbers.
  static FreezeState parse(const std::string& spec, int layer_count);
  bool frozen(const ModelPart& part) const;
  std::string describe() const;  // the same syntax parse() reads
  bool operator==(const FreezeState& other) const;
};

}  // namespace lmlab
