#include "lmlab/train/freeze_state.h"

#include "lmlab/error.h"
#include "lmlab/parse_number.h"

#include <sstream>

namespace lmlab {

ModelPart part_of(const std::string& name) {
  for (const char* body : {"encoder.", "decoder."}) {
    if (name.rfind(std::string(body) + "embeddings.", 0) == 0) return {ModelPart::Embeddings, -1};
    const std::string layers = std::string(body) + "layers.";
    if (name.rfind(layers, 0) == 0) return {ModelPart::Layer, std::stoi(name.substr(layers.size()))};
  }
  return {ModelPart::Head, -1};
}

std::string part_name(const ModelPart& part) {
  if (part.kind == ModelPart::Embeddings) return "embeddings";
  if (part.kind == ModelPart::Layer) return "layer " + std::to_string(part.layer);
  return "head";
}

FreezeState FreezeState::none(int layer_count) {
  FreezeState s;
  s.layers.assign(static_cast<size_t>(layer_count), false);
  return s;
}

FreezeState FreezeState::parse(const std::string& spec, int layer_count) {
  auto s = none(layer_count);
  if (spec.empty() || spec == "none") return s;
  if (spec == "all-but-head") {
    s.embeddings = true;
    s.layers.assign(s.layers.size(), true);
    return s;
  }
  std::istringstream items(spec);
  for (std::string item; std::getline(items, item, ',');) {
    if (item == "embeddings") {
      s.embeddings = true;
    } else if (item == "head") {
      s.head = true;
    } else {
      const auto layer = parse_integer(item);
      if (!layer || *layer < 0 || *layer >= layer_count)
        throw Error("freeze: '" + item + "' is not embeddings, head or a layer number from 0 to " +
                    std::to_string(layer_count - 1));
      s.layers[static_cast<size_t>(*layer)] = true;
    }
  }
  return s;
}

bool FreezeState::frozen(const ModelPart& part) const {
  if (part.kind == ModelPart::Embeddings) return embeddings;
  if (part.kind == ModelPart::Head) return head;
  return layers.at(static_cast<size_t>(part.layer));
}

std::string FreezeState::describe() const {
  std::vector<std::string> items;
  if (embeddings) items.push_back("embeddings");
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i]) items.push_back(std::to_string(i));
  if (head) items.push_back("head");
  if (items.empty()) return "none";
  std::string out = items[0];
  for (size_t i = 1; i < items.size(); ++i) out += "," + items[i];
  return out;
}

bool FreezeState::operator==(const FreezeState& o) const {
  return embeddings == o.embeddings && layers == o.layers && head == o.head;
}

}  // namespace lmlab
