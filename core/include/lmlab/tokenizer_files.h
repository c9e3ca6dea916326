#pragma once

#include "lmlab/tokenizer.h"

#include <memory>
#include <string>

namespace lmlab {

// The tokenizer stored in a folder (an LM Lab checkpoint or a Hugging Face model folder):
//   tokenizer.model                 LM Lab's SentencePiece
//   vocab.txt (+ tokenizer_config.json: do_lower_case, strip_accents)    BERT WordPiece
//   vocab.json + merges.txt         GPT-2 / RoBERTa byte-level BPE
//   tokenizer.json                  BERT WordPiece saved by Hugging Face's `tokenizers` alone
// Throws lmlab::Error naming the folder when none is there, or the file at fault.
std::shared_ptr<const Tokenizer> load_tokenizer(const std::string& dir);

}  // namespace lmlab
