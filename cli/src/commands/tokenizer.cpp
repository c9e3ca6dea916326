#include "../command.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/settings/setting.h"
#include "lmlab/tokenizer_files.h"
#include "lmlab/tokenizer_stats.h"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace lmlab::cli {

namespace {

int train_tokenizer(const Options& options) {
  SentencePieceTrainOptions train;
  train.vocab_size = static_cast<int>(options.integer("vocab", 300, 1'000'000));
  train.model_type = options.text("type");
  train.character_coverage = options.real("character-coverage", 0.98, 1.0);
  const auto tokenizer = SentencePieceTokenizer::train(options.text("corpus"), train);
  tokenizer.save(options.text("out"));
  std::cerr << "wrote " << options.text("out") << " (" << tokenizer.vocab_size()
            << " pieces)\n";
  return 0;
}

// --model FILE (a SentencePiece .model) or --from DIR (any checkpoint's own tokenizer).
std::shared_ptr<const Tokenizer> tokenizer_of(const Options& options) {
  if (options.has("model") == options.has("from")) throw UsageError("give one of --model FILE or --from CHECKPOINT");
  if (options.has("from")) return load_tokenizer(options.text("from"));
  return std::make_shared<const SentencePieceTokenizer>(SentencePieceTokenizer::load(options.text("model")));
}

int encode_text(const Options& options) {
  const auto tokenizer = tokenizer_of(options);
  nlohmann::ordered_json out;
  if (options.has("stats")) {
    if (options.has("text")) throw UsageError("give --text or --stats, not both");
    const auto path = options.text("stats");
    const std::string text = read_file(path, "text");
    if (find_invalid_utf8(text) != std::string::npos) throw Error(path + " is not valid UTF-8 text");
    const auto stats = measure_tokenizer(*tokenizer, text);
    out = {{"file", path}, {"vocab_size", tokenizer->vocab_size()}, {"words", stats.words},
           {"pieces", stats.pieces}, {"pieces_per_word", stats.pieces_per_word()},
           {"characters_per_piece", stats.characters_per_piece()}, {"byte_pieces", stats.byte_pieces},
           {"byte_share", stats.byte_share()}, {"unknown", stats.unknown}};
  } else {
    const std::string text = options.text("text");
    const auto ids = tokenizer->encode(text);
    out["ids"] = ids;
    out["pieces"] = nlohmann::json::array();
    for (int id : ids) out["pieces"].push_back(tokenizer->id_to_piece(id));
    out["decoded"] = tokenizer->decode(ids);
    if (!options.flag("json")) {
      // One piece per line with its id, then the decoding: what a learner reads.
      for (size_t i = 0; i < ids.size(); ++i)
        std::cout << std::setw(6) << ids[i] << "  " << tokenizer->id_to_piece(ids[i]) << "\n";
      std::cout << ids.size() << " pieces; decoded: " << out["decoded"].get<std::string>() << "\n";
      return 0;
    }
  }
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace

std::vector<Command> tokenizer_commands() {
  return {
      {"tokenizer-train",
       "Train a SentencePiece tokenizer with LM Lab's special tokens on a text file",
       {{"corpus", "FILE", "UTF-8 text, one sentence or paragraph per line", ""},
        {"vocab", "N", "vocabulary size", std::to_string(SentencePieceTrainOptions{}.vocab_size)},
        {"type", "bpe|unigram", "SentencePiece model type", "bpe"},
        {"character-coverage", "X",
         "share of the corpus's characters that get pieces of their own; the rarest rest falls back to bytes",
         number_text(SentencePieceTrainOptions{}.character_coverage)},
        {"out", "FILE", "where to write the .model file (written atomically)", ""}},
       train_tokenizer},
      {"tokenize",
       "Show the ids and pieces a tokenizer gives a text, and its decoding, or how well it fits a text file",
       {{"model", "FILE", "a SentencePiece tokenizer .model file", ""},
        {"from", "CHECKPOINT", "a checkpoint folder: its own tokenizer (SentencePiece, WordPiece or byte BPE)", ""},
        {"text", "TEXT", "the text to encode", ""},
        {"stats", "FILE", "measure a UTF-8 text file instead: pieces per word, byte-fallback share", ""},
        {"json", "", "print one JSON object (ids, pieces, decoded) instead of a table", ""}},
       encode_text},
  };
}

}  // namespace lmlab::cli
