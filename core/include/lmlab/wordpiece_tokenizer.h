#pragma once

#include "lmlab/tokenizer.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace lmlab {

// BERT's tokenizer, for models imported from a Hugging Face folder (vocab.txt): a basic
// tokenizer (clean the text, split on whitespace and punctuation, put spaces around CJK
// ideographs, optionally lower-case and strip accents), then greedy longest-match-first word
// pieces with the "##" continuation prefix. The character classes (control and format
// characters, punctuation, nonspacing marks) and the lower-case and accent mappings come from
// Unicode's data (core/src/tokenizer/unicode_tables.h); Hangul syllables decompose into jamo,
// as NFD does for BERT's uncased models. tests/reference checks it against `tokenizers`.
class WordPieceTokenizer final : public Tokenizer {
 public:
  struct Options {
    bool lower_case = true;
    bool strip_accents = true;  // follows lower_case in BERT unless set explicitly
    int max_chars_per_word = 100;
  };

  // Throws lmlab::Error naming the file: unreadable, empty, duplicate tokens, no [UNK].
  static WordPieceTokenizer load(const std::string& vocab_file, Options options);
  WordPieceTokenizer(std::vector<std::string> vocab, Options options, const std::string& origin);

  std::vector<int> encode(std::string_view text) const override;
  std::string decode(const std::vector<int>& ids) const override;
  int vocab_size() const override { return static_cast<int>(vocab_.size()); }
  std::string id_to_piece(int id) const override;
  int piece_to_id(std::string_view piece) const override;
  SpecialIds special_ids() const override { return specials_; }
  // vocab.txt and tokenizer_config.json, as a Hugging Face BERT folder has them.
  std::vector<std::pair<std::string, std::string>> files() const override;

  // The basic tokenizer's words, before word pieces (for tests and the tokenizer view).
  std::vector<std::string> basic_tokens(std::string_view text) const;

 private:
  void word_pieces(const std::string& word, std::vector<int>& out) const;

  std::vector<std::string> vocab_;
  std::unordered_map<std::string, int> ids_;
  Options options_;
  SpecialIds specials_;
};

}  // namespace lmlab
