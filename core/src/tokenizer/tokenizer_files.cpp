#include "lmlab/tokenizer_files.h"

#include "lmlab/atomic_file.h"
#include "lmlab/byte_bpe_tokenizer.h"
#include "lmlab/error.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/wordpiece_tokenizer.h"
#include "wordpiece_json.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

// BERT's casing from tokenizer_config.json: strip_accents null or absent follows lower-casing.
WordPieceTokenizer::Options wordpiece_options(const fs::path& dir) {
  WordPieceTokenizer::Options options;
  const auto config = dir / "tokenizer_config.json";
  if (!fs::exists(config)) return options;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(config.string(), "tokenizer config"));
  } catch (const nlohmann::json::exception& e) {
    throw Error(config.string() + " is not valid JSON: " + e.what());
  }
  if (j.contains("do_lower_case") && j["do_lower_case"].is_boolean()) options.lower_case = j["do_lower_case"].get<bool>();
  options.strip_accents = j.contains("strip_accents") && j["strip_accents"].is_boolean() ? j["strip_accents"].get<bool>()
                                                                                         : options.lower_case;
  return options;
}

}  // namespace

std::shared_ptr<const Tokenizer> load_tokenizer(const std::string& dir) {
  const fs::path root(dir);
  if (fs::exists(root / "tokenizer.model"))
    return std::make_shared<const SentencePieceTokenizer>(SentencePieceTokenizer::load((root / "tokenizer.model").string()));
  if (fs::exists(root / "vocab.txt"))
    return std::make_shared<const WordPieceTokenizer>(
        WordPieceTokenizer::load((root / "vocab.txt").string(), wordpiece_options(root)));
  if (fs::exists(root / "vocab.json") && fs::exists(root / "merges.txt"))
    return std::make_shared<const ByteBpeTokenizer>(
        ByteBpeTokenizer::load((root / "vocab.json").string(), (root / "merges.txt").string()));
  if (fs::exists(root / "tokenizer.json"))
    return std::make_shared<const WordPieceTokenizer>(load_wordpiece_tokenizer_json((root / "tokenizer.json").string()));
  throw Error(dir + " holds no tokenizer (tokenizer.model, vocab.txt, vocab.json with merges.txt, or a WordPiece "
                    "tokenizer.json)");
}

}  // namespace lmlab
