#include "wordpiece_json.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include <nlohmann/json.hpp>

namespace lmlab {

namespace {

std::string type_of(const nlohmann::json& part) {
  return part.is_object() && part.contains("type") && part["type"].is_string() ? part["type"].get<std::string>() : "";
}

}  // namespace

WordPieceTokenizer load_wordpiece_tokenizer_json(const std::string& path) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(path, "tokenizer"));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + " is not valid JSON: " + e.what());
  }
  const auto refuse = [&](const std::string& what) { throw Error(path + ": " + what); };
  if (!j.is_object() || !j.contains("model")) refuse("has no \"model\"");
  const auto& model = j["model"];
  if (type_of(model) != "WordPiece")
    refuse("model type '" + type_of(model) + "' is not WordPiece (LM Lab reads GPT-2 and RoBERTa tokenizers from "
           "vocab.json and merges.txt)");
  if (model.value("continuing_subword_prefix", std::string("##")) != "##")
    refuse("continuing_subword_prefix is not \"##\"");
  if (!model.contains("vocab") || !model["vocab"].is_object() || model["vocab"].empty())
    refuse("model.vocab is not a non-empty object of token: id");

  // Tokens in id order; the ids must be exactly 0..N-1.
  std::vector<std::string> vocab(model["vocab"].size());
  for (const auto& [token, id] : model["vocab"].items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() >= static_cast<int64_t>(vocab.size()) ||
        !vocab[id.get<size_t>()].empty())
      refuse("model.vocab gives '" + token + "' the id " + id.dump() + "; ids must be 0 to " +
             std::to_string(vocab.size() - 1) + ", each once");
    vocab[id.get<size_t>()] = token;
  }

  WordPieceTokenizer::Options options;
  const auto& normalizer = j.contains("normalizer") ? j["normalizer"] : nlohmann::json();
  if (type_of(normalizer) != "BertNormalizer") refuse("normalizer '" + type_of(normalizer) + "' is not BertNormalizer");
  if (!normalizer.value("clean_text", true) || !normalizer.value("handle_chinese_chars", true))
    refuse("BertNormalizer without clean_text or handle_chinese_chars is not supported");
  options.lower_case = normalizer.value("lowercase", true);
  // strip_accents null follows lower-casing, as in BERT.
  options.strip_accents = normalizer.contains("strip_accents") && normalizer["strip_accents"].is_boolean()
                              ? normalizer["strip_accents"].get<bool>()
                              : options.lower_case;
  const auto& pre = j.contains("pre_tokenizer") ? j["pre_tokenizer"] : nlohmann::json();
  if (type_of(pre) != "BertPreTokenizer") refuse("pre_tokenizer '" + type_of(pre) + "' is not BertPreTokenizer");
  if (model.contains("max_input_chars_per_word") && model["max_input_chars_per_word"].is_number_integer())
    options.max_chars_per_word = model["max_input_chars_per_word"].get<int>();
  return WordPieceTokenizer(std::move(vocab), options, path);
}

}  // namespace lmlab
