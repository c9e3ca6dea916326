#include "lmlab/tokenizer_stats.h"

namespace lmlab {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

TokenizerStats measure_tokenizer(const Tokenizer& tokenizer, std::string_view text) {
  TokenizerStats stats;
  const int unk = tokenizer.special_ids().unk;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    start = end + 1;
    bool in_word = false;
    for (char c : line) {
      if (is_space(c)) {
        in_word = false;
        continue;
      }
      if (!in_word) ++stats.words;
      in_word = true;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++stats.characters;  // not a continuation byte
    }
    for (int id : tokenizer.encode(line)) {
      ++stats.pieces;
      if (id == unk) ++stats.unknown;
      else if (is_byte_piece(tokenizer.id_to_piece(id))) ++stats.byte_pieces;
    }
  }
  return stats;
}

}  // namespace lmlab
