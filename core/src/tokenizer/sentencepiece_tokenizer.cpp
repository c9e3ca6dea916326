#include "lmlab/sentencepiece_tokenizer.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "spm_bridge_loader.h"
#include "../data/readers/text_lines.h"

#include <array>
#include <cctype>
#include <fstream>
#include <regex>
#include <utility>

namespace lmlab {

struct SentencePieceTokenizer::Model {
  std::string bytes;
  spmb_model* handle = nullptr;
  int vocab_size = 0;

  ~Model() {
    if (handle) detail::spm_bridge().unload(handle);
  }
};

namespace {

// LM Lab's specials in id order; SpecialIds' defaults must match this table.
constexpr std::array<const char*, 7> kSpecialPieces = {"[PAD]", "[UNK]", "[CLS]", "[SEP]",
                                                       "[MASK]", "<s>", "</s>"};

bool has_text(const std::string& corpus_path) {
  std::ifstream in(corpus_path, std::ios::binary);
  char c;
  while (in.get(c))
    if (!std::isspace(static_cast<unsigned char>(c))) return true;
  return false;
}

// SentencePiece's failures in LM Lab's words: its advice names options of its own command line
// ("--character_coverage") that LM Lab's settings do not have.
std::string training_failure(const std::string& spm_message, const std::string& corpus_path, int vocab_size) {
  static const std::regex too_small(R"(Vocabulary size is smaller than required_chars\. (\d+) vs (\d+))");
  std::smatch found;
  if (std::regex_search(spm_message, found, too_small))
    return "setting 'vocab' " + std::to_string(vocab_size) + " is too small for '" + corpus_path + "': its " +
           "characters and LM Lab's special pieces alone need " + found[2].str() + " pieces; raise setting 'vocab' " +
           "to at least " + found[2].str();
  if (spm_message.find("sentences_.empty()") != std::string::npos)
    return "'" + corpus_path + "' holds no sentence a tokenizer can learn from (every line is empty or too long)";
  return "tokenizer training on '" + corpus_path + "' failed: " + spm_message;
}

}  // namespace

SentencePieceTokenizer::SentencePieceTokenizer(std::shared_ptr<const Model> model)
    : model_(std::move(model)) {}

SentencePieceTokenizer SentencePieceTokenizer::train(const std::string& corpus_path,
                                                     const SentencePieceTrainOptions& options) {
  const std::string text = read_file(corpus_path, "corpus");  // existence, a regular file, readability
  if (!has_text(corpus_path)) throw Error("corpus '" + corpus_path + "' is empty");
  readers::checked_lines(text, corpus_path);  // UTF-8 text, lines under 1 MiB, as every reader checks
  if (options.vocab_size < 300 || options.vocab_size > 1'000'000)
    throw Error("tokenizer vocab_size " + std::to_string(options.vocab_size) +
                " is out of range (300 to 1000000; byte fallback alone needs 263 ids)");
  if (options.model_type != "unigram" && options.model_type != "bpe")
    throw Error("tokenizer model_type '" + options.model_type + "' is not unigram or bpe");

  const std::vector<std::pair<std::string, std::string>> flags = {
      {"input", corpus_path},
      {"vocab_size", std::to_string(options.vocab_size)},
      {"model_type", options.model_type},
      {"character_coverage", std::to_string(options.character_coverage)},
      {"input_sentence_size", std::to_string(options.max_sentences)},
      {"shuffle_input_sentence", "true"},
      {"random_seed", std::to_string(options.seed)},
      {"num_threads", std::to_string(options.threads)},
      {"byte_fallback", "true"},
      {"hard_vocab_limit", "false"},  // a small corpus yields a smaller vocabulary, not an error
      {"pad_id", "0"}, {"pad_piece", kSpecialPieces[0]},
      {"unk_id", "1"}, {"unk_piece", kSpecialPieces[1]},
      {"bos_id", "5"}, {"bos_piece", kSpecialPieces[5]},
      {"eos_id", "6"}, {"eos_piece", kSpecialPieces[6]},
      // user-defined symbols fill the free ids 2, 3, 4 in order, and are matched in raw
      // text, so "[MASK]" typed by a learner becomes the mask token.
      {"user_defined_symbols", "[CLS],[SEP],[MASK]"},
      {"minloglevel", "2"},
  };
  std::vector<const char*> keys, values;
  for (const auto& [k, v] : flags) {
    keys.push_back(k.c_str());
    values.push_back(v.c_str());
  }
  const auto& bridge = detail::spm_bridge();
  char* bytes = nullptr;
  size_t len = 0;
  char* err = nullptr;
  if (bridge.train(keys.data(), values.data(), keys.size(), &bytes, &len, &err) != 0)
    throw Error(training_failure(bridge.take_error(err), corpus_path, options.vocab_size));
  std::string model(bytes, len);
  bridge.free(bytes);
  return from_bytes(std::move(model), "tokenizer trained on '" + corpus_path + "'");
}

SentencePieceTokenizer SentencePieceTokenizer::load(const std::string& model_path) {
  return from_bytes(read_file(model_path, "tokenizer model"),
                    "tokenizer model '" + model_path + "'");
}

SentencePieceTokenizer SentencePieceTokenizer::from_bytes(std::string model_bytes,
                                                          const std::string& origin) {
  if (model_bytes.empty()) throw Error(origin + " is empty");
  const auto& bridge = detail::spm_bridge();
  auto model = std::make_shared<Model>();
  model->bytes = std::move(model_bytes);
  char* err = nullptr;
  if (bridge.load(model->bytes.data(), model->bytes.size(), &model->handle, &err) != 0)
    throw Error(origin + " is not a valid SentencePiece model: " + bridge.take_error(err));
  model->vocab_size = bridge.vocab_size(model->handle);
  SentencePieceTokenizer tokenizer(model);
  for (int id = 0; id < static_cast<int>(kSpecialPieces.size()); ++id) {
    if (id >= model->vocab_size || tokenizer.id_to_piece(id) != kSpecialPieces[id])
      throw Error(origin + " lacks LM Lab's special token " + kSpecialPieces[id] + " at id " +
                  std::to_string(id) + " (train it with LM Lab)");
  }
  return tokenizer;
}

void SentencePieceTokenizer::save(const std::string& model_path) const {
  write_file_atomically(model_path, model_->bytes);
}

const std::string& SentencePieceTokenizer::model_bytes() const { return model_->bytes; }

std::vector<int> SentencePieceTokenizer::encode(std::string_view text) const {
  const auto& bridge = detail::spm_bridge();
  int* ids = nullptr;
  size_t count = 0;
  char* err = nullptr;
  if (bridge.encode(model_->handle, text.data(), text.size(), &ids, &count, &err) != 0)
    throw Error("tokenizer could not encode text: " + bridge.take_error(err));
  std::vector<int> out(ids, ids + count);
  bridge.free(ids);
  return out;
}

std::string SentencePieceTokenizer::decode(const std::vector<int>& ids) const {
  for (int id : ids)
    if (id < 0 || id >= model_->vocab_size)
      throw Error("token id " + std::to_string(id) + " is outside the vocabulary (size " +
                  std::to_string(model_->vocab_size) + ")");
  const auto& bridge = detail::spm_bridge();
  char* text = nullptr;
  size_t len = 0;
  char* err = nullptr;
  if (bridge.decode(model_->handle, ids.data(), ids.size(), &text, &len, &err) != 0)
    throw Error("tokenizer could not decode ids: " + bridge.take_error(err));
  std::string out(text, len);
  bridge.free(text);
  return out;
}

int SentencePieceTokenizer::vocab_size() const { return model_->vocab_size; }

std::string SentencePieceTokenizer::id_to_piece(int id) const {
  const auto& bridge = detail::spm_bridge();
  std::array<char, 128> buf{};
  const int n = bridge.id_to_piece(model_->handle, id, buf.data(), buf.size());
  if (n < 0) throw Error("token id " + std::to_string(id) + " is outside the vocabulary");
  if (static_cast<size_t>(n) < buf.size()) return std::string(buf.data(), n);
  std::string piece(static_cast<size_t>(n) + 1, '\0');
  bridge.id_to_piece(model_->handle, id, piece.data(), piece.size());
  piece.resize(n);
  return piece;
}

int SentencePieceTokenizer::piece_to_id(std::string_view piece) const {
  return detail::spm_bridge().piece_to_id(model_->handle, piece.data(), piece.size());
}

}  // namespace lmlab
