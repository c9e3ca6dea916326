#include "lmlab/tokenizer.h"

namespace lmlab {

std::vector<std::string> Tokenizer::pieces(std::string_view text) const {
  std::vector<std::string> out;
  for (int id : encode(text)) out.push_back(id_to_piece(id));
  return out;
}

}  // namespace lmlab
