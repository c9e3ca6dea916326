#pragma once

#include "lmlab/tokenizer.h"

#include <memory>
#include <string>

namespace lmlab {

struct SentencePieceTrainOptions {
  // Measured on unseen news-style English and Korean text (datasets/README.md): with the
  // lessons' corpus, 16000 pieces give 1.45 pieces per English word, 8000 give 1.60.
  int vocab_size = 16000;
  // BPE by default: on the small corpora of the lessons, unigram pruning leaves mostly
  // single characters ("▁t h e"), while BPE learns whole words as GPT-2 and BERT have them.
  std::string model_type = "bpe";  // bpe | unigram
  // Every character of the corpus gets a piece (Korean needs its ~2,000 syllables: at 0.9995
  // a tenth of Korean text fell back to bytes); characters never seen still fall back to
  // UTF-8 byte pieces, so any text (emoji) survives encode -> decode.
  double character_coverage = 1.0;
  long max_sentences = 1'000'000;
  unsigned seed = 1234;
  int threads = 2;
};

// A SentencePiece model with LM Lab's special tokens at fixed ids (SpecialIds defaults).
// Runs sentencepiece through the isolated bridge (docs/sentencepiece-bridge.md).
class SentencePieceTokenizer final : public Tokenizer {
 public:
  // Trains on a UTF-8 text file, one sentence or paragraph per line.
  static SentencePieceTokenizer train(const std::string& corpus_path,
                                      const SentencePieceTrainOptions& options = {});
  static SentencePieceTokenizer load(const std::string& model_path);
  // origin names the bytes' source in error messages.
  static SentencePieceTokenizer from_bytes(std::string model_bytes, const std::string& origin);

  // Writes the model file atomically (temporary file, then rename).
  void save(const std::string& model_path) const;
  std::vector<std::pair<std::string, std::string>> files() const override { return {{"tokenizer.model", model_bytes()}}; }
  const std::string& model_bytes() const;

  std::vector<int> encode(std::string_view text) const override;
  std::string decode(const std::vector<int>& ids) const override;
  int vocab_size() const override;
  std::string id_to_piece(int id) const override;
  int piece_to_id(std::string_view piece) const override;
  SpecialIds special_ids() const override { return {}; }

 private:
  struct Model;
  explicit SentencePieceTokenizer(std::shared_ptr<const Model> model);
  std::shared_ptr<const Model> model_;
};

}  // namespace lmlab
