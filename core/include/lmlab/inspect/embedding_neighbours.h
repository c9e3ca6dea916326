#pragma once

#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>
#include <vector>

namespace lmlab {

struct EmbeddingNeighbour {
  int id = 0;
  std::string piece;
  double cosine = 0;  // with the word's vector, in [-1, 1]
};

struct WordNeighbours {
  std::vector<std::string> pieces;  // the word as the tokenizer splits it
  std::vector<EmbeddingNeighbour> nearest;  // most similar first
};

// What the token embedding table learned about a word: its vector is the mean of its pieces'
// rows (E, D), and its neighbours are the other rows by cosine similarity, the word's own
// pieces and the special tokens left out. Throws lmlab::Error for a word without pieces or
// top_k < 1.
WordNeighbours embedding_neighbours(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& word,
                                    int top_k = 10);

}  // namespace lmlab
