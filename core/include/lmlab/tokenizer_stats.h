#pragma once

#include "lmlab/tokenizer.h"

#include <cstddef>
#include <string_view>

namespace lmlab {

// How well a tokenizer fits a text: how many pieces a word costs, and how much of the text
// it could only spell out byte by byte (SentencePiece's byte fallback, <0xE3>) or not at all.
struct TokenizerStats {
  size_t words = 0;        // runs of non-space characters
  size_t characters = 0;   // code points outside spaces
  size_t pieces = 0;
  size_t byte_pieces = 0;  // pieces spelled <0xNN>
  size_t unknown = 0;      // the unknown-token id

  double pieces_per_word() const { return words ? static_cast<double>(pieces) / words : 0; }
  double characters_per_piece() const { return pieces ? static_cast<double>(characters) / pieces : 0; }
  double byte_share() const { return pieces ? static_cast<double>(byte_pieces) / pieces : 0; }
};

// Encodes the text line by line (each line as the tokenizer would see one sentence).
TokenizerStats measure_tokenizer(const Tokenizer& tokenizer, std::string_view text);

}  // namespace lmlab
