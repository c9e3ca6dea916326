#pragma once

#include "lmlab/sentencepiece_tokenizer.h"

#include <string>

namespace lmlab {

// A corpus's tokenizer is trained once and kept in a cache keyed by the corpus bytes and
// the training options, so later runs on the same corpus (and the lessons) reuse it.
class TokenizerCache {
 public:
  // dir: where the .model files live; default_dir() is $XDG_CACHE_HOME/lmlab/tokenizers.
  explicit TokenizerCache(std::string dir);
  static std::string default_dir();

  // The cached tokenizer for this corpus and options, training (and caching) it if needed.
  // A cache that cannot be written only costs the reuse; it is not an error.
  SentencePieceTokenizer for_corpus(const std::string& corpus_path, const SentencePieceTrainOptions& options) const;
  std::string path_for(const std::string& corpus_bytes, const SentencePieceTrainOptions& options) const;

 private:
  std::string dir_;
};

}  // namespace lmlab
