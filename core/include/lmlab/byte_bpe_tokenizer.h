#pragma once

#include "lmlab/tokenizer.h"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lmlab {

// GPT-2's and RoBERTa's byte-level BPE, for models imported from a Hugging Face folder
// (vocab.json + merges.txt): text is split into words the way GPT-2's pre-tokenizer does
// (contractions, letters with one leading space, numbers, other symbols, spaces), every byte
// of a word is mapped to a printable character, and the merges are applied lowest rank
// first. Any text round-trips, Korean and emoji included, because every byte has a token.
class ByteBpeTokenizer final : public Tokenizer {
 public:
  // Throws lmlab::Error naming the file and line at fault.
  static ByteBpeTokenizer load(const std::string& vocab_json, const std::string& merges_txt);
  ByteBpeTokenizer(std::unordered_map<std::string, int> vocab, std::vector<std::pair<std::string, std::string>> merges,
                   const std::string& origin);

  std::vector<int> encode(std::string_view text) const override;
  std::string decode(const std::vector<int>& ids) const override;
  int vocab_size() const override { return static_cast<int>(pieces_.size()); }
  std::string id_to_piece(int id) const override;
  int piece_to_id(std::string_view piece) const override;
  SpecialIds special_ids() const override { return specials_; }
  // vocab.json and merges.txt, as a Hugging Face GPT-2 or RoBERTa folder has them.
  std::vector<std::pair<std::string, std::string>> files() const override;

  // GPT-2's pre-tokenizer: the words BPE runs on, as UTF-8 (for tests and the tokenizer view).
  static std::vector<std::string> pre_tokens(std::string_view text);

 private:
  std::vector<std::string> bpe(const std::string& mapped_word) const;

  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> pieces_;
  std::vector<std::pair<std::string, std::string>> merges_;
  std::map<std::pair<std::string, std::string>, int> ranks_;
  SpecialIds specials_;
  std::vector<std::string_view> typed_specials_;  // the special literals this vocabulary has
};

}  // namespace lmlab
