#include "lmlab/tokenizer.h"

namespace lmlab {

std::vector<std::string> Tokenizer::pieces(std::string_view text) const {
  std::vector<std::string> out;
  for (int id : encode(text)) out.push_back(id_to_piece(id));
  return out;
}

bool is_byte_piece(std::string_view piece) {
  return piece.size() == 6 && piece.substr(0, 3) == "<0x" && piece[5] == '>';
}

}  // namespace lmlab
