#pragma once

#include "lmlab/inspect/embedding_neighbours_result.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <string>
#include <vector>

namespace lmlab {

// What the token embedding table learned about a word: its vector is the mean of its pieces'
// rows (V, D), and its neighbours are the other rows by cosine similarity, the word's own
// pieces, the special tokens and byte-fallback pieces (<0xE2>) left out; all are placed on the table's 2-D PCA map (the
// word at its pieces' mean there, PCA being linear). Throws lmlab::Error for a word without
// pieces or top_k < 1.
WordNeighbours embedding_neighbours(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& word,
                                    int top_k = 10);

}  // namespace lmlab
