#include "toy_model.h"

#include "toy_corpus.h"

namespace lmlab::test {

ToyModelSetup toy_model_setup(const TempDir& dir, int documents, unsigned corpus_seed, int vocab_size, int max_seq_len,
                              Architecture arch) {
  ToyModelSetup setup;
  setup.corpus_text = toy_corpus(documents, corpus_seed);
  setup.corpus_path = dir.write("corpus.txt", setup.corpus_text);
  SentencePieceTrainOptions options;
  options.vocab_size = vocab_size;
  setup.tokenizer = std::make_shared<SentencePieceTokenizer>(SentencePieceTokenizer::train(setup.corpus_path, options));
  setup.config = ModelConfig::preset("tiny", arch);
  setup.config.vocab_size = setup.tokenizer->vocab_size();
  setup.config.max_seq_len = max_seq_len;
  return setup;
}

}  // namespace lmlab::test
