#pragma once

#include "lmlab/wordpiece_tokenizer.h"

#include <string>

namespace lmlab {

// A BERT tokenizer saved by Hugging Face's `tokenizers` as one tokenizer.json (many model
// folders ship no vocab.txt): a WordPiece model with the "##" prefix, BertNormalizer and
// BertPreTokenizer. Throws lmlab::Error naming the file and field LM Lab cannot follow
// (another model type, normaliser or pre-tokenizer, ids that are not 0..N-1).
WordPieceTokenizer load_wordpiece_tokenizer_json(const std::string& path);

}  // namespace lmlab
