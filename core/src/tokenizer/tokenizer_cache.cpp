#include "lmlab/tokenizer_cache.h"

#include "lmlab/atomic_file.h"
#include "lmlab/cache_dir.h"
#include "lmlab/error.h"
#include "fnv1a.h"

#include <cstdio>
#include <filesystem>

namespace lmlab {

namespace fs = std::filesystem;

TokenizerCache::TokenizerCache(std::string dir) : dir_(std::move(dir)) {}

std::string TokenizerCache::default_dir() { return cache_dir() + "/tokenizers"; }

std::string TokenizerCache::path_for(const std::string& corpus_bytes, const SentencePieceTrainOptions& o) const {
  const std::string recipe = o.model_type + "|" + std::to_string(o.vocab_size) + "|" +
                             std::to_string(o.character_coverage) + "|" + std::to_string(o.max_sentences) + "|" +
                             std::to_string(o.seed);
  char name[64];
  std::snprintf(name, sizeof name, "%016llx-%s-%d.model",
                static_cast<unsigned long long>(fnv1a(recipe, fnv1a(corpus_bytes))), o.model_type.c_str(),
                o.vocab_size);
  return (fs::path(dir_) / name).string();
}

SentencePieceTokenizer TokenizerCache::for_corpus(const std::string& corpus_path,
                                                  const SentencePieceTrainOptions& options) const {
  const auto path = path_for(read_file(corpus_path, "corpus"), options);
  if (fs::exists(path)) {
    try {
      return SentencePieceTokenizer::load(path);
    } catch (const Error&) {
      // A damaged cache entry is retrained below and overwritten.
    }
  }
  auto tokenizer = SentencePieceTokenizer::train(corpus_path, options);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  try {
    if (!ec) tokenizer.save(path);
  } catch (const Error&) {
    // Read-only cache: the next run trains again.
  }
  return tokenizer;
}

}  // namespace lmlab
