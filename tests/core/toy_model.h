#pragma once

#include "temp_dir.h"

#include "lmlab/model_config.h"
#include "lmlab/sentencepiece_tokenizer.h"

#include <memory>
#include <string>

namespace lmlab::test {

// "A tiny model on the toy corpus", the start most core tests share: the toy corpus
// (toy_corpus.h) written into dir, a SentencePiece tokenizer trained on it, and the tiny
// preset sized to that tokenizer. Tests change the config further as they need.
struct ToyModelSetup {
  std::string corpus_path, corpus_text;
  std::shared_ptr<SentencePieceTokenizer> tokenizer;
  ModelConfig config;  // the tiny preset, the tokenizer's vocabulary, max_seq_len as asked
};

ToyModelSetup toy_model_setup(const TempDir& dir, int documents, unsigned corpus_seed, int vocab_size, int max_seq_len,
                              Architecture arch = Architecture::Bert);

}  // namespace lmlab::test
