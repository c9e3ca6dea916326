#pragma once

#include <string>
#include <vector>

namespace lmlab {

// What the token embedding table learned about a word (plain types, for the GUI and the CLI).
// The map: every row of the table on the table's first two principal components.
struct EmbeddingNeighbour {
  int id = 0;
  std::string piece;
  double cosine = 0;  // with the word's vector, in [-1, 1]
  float x = 0, y = 0;  // its place on the map
};

struct WordNeighbours {
  std::vector<std::string> pieces;          // the word as the tokenizer splits it
  float x = 0, y = 0;                       // the word's vector (its pieces' mean) on the map
  std::vector<EmbeddingNeighbour> nearest;  // most similar first
  std::vector<float> map_x, map_y;          // every token of the table, by id
  double explained[2] = {0, 0};             // each axis's share of the table's variance
};

}  // namespace lmlab
