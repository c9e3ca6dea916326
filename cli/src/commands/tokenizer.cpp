#include "../command.h"

#include "lmlab/sentencepiece_tokenizer.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace lmlab::cli {

namespace {

int train_tokenizer(const Options& options) {
  SentencePieceTrainOptions train;
  train.vocab_size = static_cast<int>(options.integer("vocab", 300, 1'000'000));
  train.model_type = options.text("type");
  const auto tokenizer = SentencePieceTokenizer::train(options.text("corpus"), train);
  tokenizer.save(options.text("out"));
  std::cerr << "wrote " << options.text("out") << " (" << tokenizer.vocab_size()
            << " pieces)\n";
  return 0;
}

int encode_text(const Options& options) {
  const auto tokenizer = SentencePieceTokenizer::load(options.text("model"));
  const std::string text = options.text("text");
  const auto ids = tokenizer.encode(text);
  nlohmann::json out;
  out["ids"] = ids;
  out["pieces"] = nlohmann::json::array();
  for (int id : ids) out["pieces"].push_back(tokenizer.id_to_piece(id));
  out["decoded"] = tokenizer.decode(ids);
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace

std::vector<Command> tokenizer_commands() {
  return {
      {"tokenizer-train",
       "Train a SentencePiece tokenizer with LM Lab's special tokens on a text file",
       {{"corpus", "FILE", "UTF-8 text, one sentence or paragraph per line", ""},
        {"vocab", "N", "vocabulary size", "8000"},
        {"type", "bpe|unigram", "SentencePiece model type", "bpe"},
        {"out", "FILE", "where to write the .model file (written atomically)", ""}},
       train_tokenizer},
      {"tokenize",
       "Show the ids and pieces a tokenizer gives a text, and its decoding",
       {{"model", "FILE", "a tokenizer .model file", ""},
        {"text", "TEXT", "the text to encode", ""}},
       encode_text},
  };
}

}  // namespace lmlab::cli
