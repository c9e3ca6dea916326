#include "lmlab/wordpiece_tokenizer.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"
#include "lmlab/utf8.h"
#include "special_split.h"
#include "unicode_tables.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lmlab {

namespace {

template <size_t N>
char32_t lookup(const unicode_tables::CodePointMap (&table)[N], char32_t cp) {
  const auto* end = table + N;
  const auto* it = std::lower_bound(table, end, cp, [](const auto& m, char32_t key) { return m.from < key; });
  return it != end && it->from == cp ? it->to : cp;
}

bool is_whitespace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

template <size_t N>
bool in_ranges(const unicode_tables::CodePointRange (&table)[N], char32_t cp) {
  const auto* end = table + N;
  const auto* it = std::upper_bound(table, end, cp, [](char32_t key, const auto& r) { return key < r.first; });
  return it != table && cp <= (it - 1)->last;
}

// Cleaning drops control, format (the zero-width joiner of emoji sequences, a byte-order mark)
// and private-use characters; tab and newlines are whitespace.
bool is_control(char32_t c) {
  if (c == U'\t' || c == U'\n' || c == U'\r') return false;
  return in_ranges(unicode_tables::kControlFormatPrivate, c);
}

// BERT counts all ASCII non-alphanumerics as punctuation, plus Unicode's P* categories.
bool is_punctuation(char32_t c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
  return c >= 0x80 && in_ranges(unicode_tables::kPunctuation, c);
}

// BERT's "Chinese character" ranges: CJK ideographs get spaces around them. Hangul is not here.
bool is_cjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

char32_t to_lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  return c < 0x80 ? c : lookup(unicode_tables::kLowerCase, c);
}

// NFD with the nonspacing marks removed: a precomposed letter becomes its base letter, a
// Hangul syllable its jamo (as unicodedata.normalize("NFD") gives), marks (accents, kana's
// voicing marks, emoji variation selectors) disappear.
void strip_accents(char32_t c, std::u32string& out) {
  if (c >= 0x0300 && in_ranges(unicode_tables::kNonspacingMarks, c)) return;
  if (c >= 0xAC00 && c <= 0xD7A3) {
    const char32_t s = c - 0xAC00;
    out.push_back(0x1100 + s / (21 * 28));
    out.push_back(0x1161 + (s % (21 * 28)) / 28);
    if (s % 28 != 0) out.push_back(0x11A7 + s % 28);
    return;
  }
  out.push_back(c < 0xC0 ? c : lookup(unicode_tables::kAccentBase, c));
}

}  // namespace

WordPieceTokenizer WordPieceTokenizer::load(const std::string& vocab_file, Options options) {
  const std::string text = read_file(vocab_file, "WordPiece vocabulary");
  if (find_invalid_utf8(text) != std::string::npos) throw Error(vocab_file + " is not UTF-8 text");
  std::vector<std::string> vocab;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string token = text.substr(start, end - start);
    if (!token.empty() && token.back() == '\r') token.pop_back();
    vocab.push_back(token);
    start = end + 1;
  }
  return WordPieceTokenizer(std::move(vocab), options, vocab_file);
}

WordPieceTokenizer::WordPieceTokenizer(std::vector<std::string> vocab, Options options, const std::string& origin)
    : vocab_(std::move(vocab)), options_(options) {
  if (vocab_.empty()) throw Error(origin + " holds no tokens");
  for (size_t i = 0; i < vocab_.size(); ++i)
    if (!ids_.emplace(vocab_[i], static_cast<int>(i)).second && !vocab_[i].empty())
      throw Error(origin + ":" + std::to_string(i + 1) + ": token '" + vocab_[i] + "' appears twice");
  const auto need = [&](const char* piece) {
    const int id = piece_to_id(piece);
    if (id < 0) throw Error(origin + " has no " + piece + " token");
    return id;
  };
  specials_.unk = need("[UNK]");
  specials_.pad = need("[PAD]");
  specials_.cls = need("[CLS]");
  specials_.sep = need("[SEP]");
  specials_.mask = need("[MASK]");
  // BERT has no start / end of text tokens; its sequences are framed by [CLS] ... [SEP].
  specials_.bos = specials_.cls;
  specials_.eos = specials_.sep;
}

std::vector<std::string> WordPieceTokenizer::basic_tokens(std::string_view text) const {
  std::vector<std::string> tokens;
  std::u32string word;
  const auto flush = [&] {
    if (word.empty()) return;
    std::string utf8;
    for (char32_t c : word) append_utf8(utf8, c);
    tokens.push_back(std::move(utf8));
    word.clear();
  };
  for (char32_t c : decode_utf8(text)) {
    if (c == 0 || c == 0xFFFD || is_control(c)) continue;
    if (is_whitespace(c)) {
      flush();
      continue;
    }
    if (is_cjk(c) || is_punctuation(c)) {
      flush();
      word.push_back(c);
      flush();
      continue;
    }
    if (options_.lower_case) c = to_lower(c);
    if (options_.strip_accents) strip_accents(c, word);
    else word.push_back(c);
  }
  flush();
  return tokens;
}

void WordPieceTokenizer::word_pieces(const std::string& word, std::vector<int>& out) const {
  const std::u32string chars = decode_utf8(word);
  if (static_cast<int>(chars.size()) > options_.max_chars_per_word) {
    out.push_back(specials_.unk);
    return;
  }
  // Byte offset of every character, so substrings are taken on character boundaries.
  std::vector<size_t> offset;
  size_t at = 0;
  for (char32_t c : chars) {
    offset.push_back(at);
    std::string tmp;
    append_utf8(tmp, c);
    at += tmp.size();
  }
  offset.push_back(at);
  std::vector<int> pieces;
  size_t start = 0;
  while (start < chars.size()) {
    int found = -1;
    size_t end = chars.size();
    for (; end > start; --end) {
      std::string candidate = word.substr(offset[start], offset[end] - offset[start]);
      if (start > 0) candidate = "##" + candidate;
      found = piece_to_id(candidate);
      if (found >= 0) break;
    }
    if (found < 0) {  // one unknown stretch makes the whole word [UNK], as in BERT
      out.push_back(specials_.unk);
      return;
    }
    pieces.push_back(found);
    start = end;
  }
  out.insert(out.end(), pieces.begin(), pieces.end());
}

std::vector<int> WordPieceTokenizer::encode(std::string_view text) const {
  // Special tokens typed in the text stay whole, as in Hugging Face's tokenizer (the
  // constructor made sure the vocabulary has them all).
  std::vector<int> ids;
  split_at_specials(text, {"[MASK]", "[CLS]", "[SEP]", "[PAD]", "[UNK]"},
                    [&](std::string_view segment, std::string_view special) {
                      for (const auto& word : basic_tokens(segment)) word_pieces(word, ids);
                      if (!special.empty()) ids.push_back(piece_to_id(special));
                    });
  return ids;
}

std::string WordPieceTokenizer::decode(const std::vector<int>& ids) const {
  std::string out;
  for (int id : ids) {
    if (id == specials_.pad || id == specials_.cls || id == specials_.sep) continue;
    const std::string piece = id_to_piece(id);
    if (piece.rfind("##", 0) == 0) {
      out += piece.substr(2);
    } else {
      if (!out.empty()) out += ' ';
      out += piece;
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> WordPieceTokenizer::files() const {
  std::string vocab;
  for (const auto& token : vocab_) vocab += token + "\n";
  const nlohmann::ordered_json config{{"tokenizer_class", "BertTokenizer"},
                                      {"do_lower_case", options_.lower_case},
                                      {"strip_accents", options_.strip_accents}};
  return {{"vocab.txt", vocab}, {"tokenizer_config.json", config.dump(2) + "\n"}};
}

std::string WordPieceTokenizer::id_to_piece(int id) const {
  if (id < 0 || id >= vocab_size()) throw Error("token id " + std::to_string(id) + " is outside the vocabulary");
  return vocab_[static_cast<size_t>(id)];
}

int WordPieceTokenizer::piece_to_id(std::string_view piece) const {
  const auto it = ids_.find(std::string(piece));
  return it == ids_.end() ? -1 : it->second;
}

}  // namespace lmlab
