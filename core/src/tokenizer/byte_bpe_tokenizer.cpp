#include "lmlab/byte_bpe_tokenizer.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "lmlab/utf8.h"
#include "special_split.h"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>

namespace lmlab {

namespace {

// GPT-2's byte <-> printable character table: printable Latin-1 bytes stand for themselves,
// the others (controls, space, ...) for U+0100 onwards, so a space becomes "Ġ" (U+0120).
struct ByteTable {
  std::array<char32_t, 256> to_char{};
  std::unordered_map<char32_t, unsigned char> to_byte;
  ByteTable() {
    char32_t next = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      to_char[static_cast<size_t>(b)] = printable ? static_cast<char32_t>(b) : next++;
      to_byte[to_char[static_cast<size_t>(b)]] = static_cast<unsigned char>(b);
    }
  }
};

const ByteTable& bytes() {
  static const ByteTable table;
  return table;
}

bool is_space(char32_t c) {
  return c == U' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_number(char32_t c) {
  return (c >= U'0' && c <= U'9') || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE) ||
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0x660 && c <= 0x669);
}

// \p{L}, approximately: ASCII and Latin-1 letters, and every other script's characters except
// the punctuation, symbol, emoji and combining-mark blocks (those count as "other").
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (is_space(c) || is_number(c)) return false;
  if (c >= 0x300 && c <= 0x36F) return false;                    // combining marks
  if (c >= 0x2000 && c <= 0x2BFF) return false;                  // punctuation, arrows, math, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;                  // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE0F) return false;                  // variation selectors
  if ((c >= 0xFF01 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;                // emoji and pictographs
  return true;
}

bool is_other(char32_t c) { return !is_space(c) && !is_letter(c) && !is_number(c); }

std::string utf8_of(const std::u32string& s, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) append_utf8(out, s[i]);
  return out;
}

}  // namespace

std::vector<std::string> ByteBpeTokenizer::pre_tokens(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  std::vector<std::string> words;
  size_t i = 0;
  const size_t n = s.size();
  const auto run = [&](size_t from, bool (*in)(char32_t)) {
    size_t j = from;
    while (j < n && in(s[j])) ++j;
    return j;
  };
  while (i < n) {
    // 's 't 're 've 'm 'll 'd
    if (s[i] == U'\'' && i + 1 < n) {
      size_t len = 0;
      for (const char* c : {"s", "t", "re", "ve", "m", "ll", "d"}) {
        const size_t l = std::char_traits<char>::length(c);
        bool match = i + l < n;
        for (size_t k = 0; match && k < l; ++k) match = s[i + 1 + k] == static_cast<char32_t>(c[k]);
        if (match) {
          len = l;
          break;
        }
      }
      if (len > 0) {
        words.push_back(utf8_of(s, i, i + 1 + len));
        i += 1 + len;
        continue;
      }
    }
    const bool lead_space = s[i] == U' ' && i + 1 < n;
    const size_t start = lead_space ? i + 1 : i;
    bool (*klass)(char32_t) = nullptr;
    if (start < n && is_letter(s[start])) klass = is_letter;
    else if (start < n && is_number(s[start])) klass = is_number;
    else if (start < n && is_other(s[start])) klass = is_other;
    if (klass && (lead_space || !is_space(s[i]))) {
      const size_t end = run(start, klass);
      words.push_back(utf8_of(s, i, end));
      i = end;
      continue;
    }
    // Spaces: all of them at the end of the text; otherwise all but the last, which the next
    // word takes as its leading space (when it is a plain space).
    size_t end = run(i, is_space);
    if (end < n && end - i > 1) --end;
    words.push_back(utf8_of(s, i, end));
    i = end;
  }
  return words;
}

ByteBpeTokenizer ByteBpeTokenizer::load(const std::string& vocab_json, const std::string& merges_txt) {
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(read_file(vocab_json, "BPE vocabulary"));
  } catch (const nlohmann::json::exception& e) {
    throw Error(vocab_json + " is not valid JSON: " + e.what());
  }
  if (!parsed.is_object()) throw Error(vocab_json + " must hold one JSON object of token -> id");
  std::unordered_map<std::string, int> vocab;
  for (const auto& [token, id] : parsed.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > std::numeric_limits<int>::max())
      throw Error(vocab_json + ": the id of '" + token + "' is not a non-negative integer");
    vocab[token] = id.get<int>();
  }
  const std::string text = read_file(merges_txt, "BPE merges");
  std::vector<std::pair<std::string, std::string>> merges;
  size_t start = 0, line = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string row = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.pop_back();
    if (row.empty() || row.rfind("#version", 0) == 0) continue;
    const size_t space = row.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= row.size() || row.find(' ', space + 1) != std::string::npos)
      throw Error(merges_txt + ":" + std::to_string(line) + ": expected two pieces separated by one space");
    merges.emplace_back(row.substr(0, space), row.substr(space + 1));
  }
  return ByteBpeTokenizer(std::move(vocab), std::move(merges), vocab_json);
}

ByteBpeTokenizer::ByteBpeTokenizer(std::unordered_map<std::string, int> vocab,
                                   std::vector<std::pair<std::string, std::string>> merges, const std::string& origin)
    : ids_(std::move(vocab)) {
  if (ids_.empty()) throw Error(origin + " holds no tokens");
  // GPT-2's and RoBERTa's ids run from 0 to N-1; one far beyond would size the table by it.
  for (const auto& [piece, id] : ids_)
    if (static_cast<size_t>(id) >= ids_.size())
      throw Error(origin + ": the id " + std::to_string(id) + " of '" + piece + "' is beyond the " +
                  std::to_string(ids_.size()) + " tokens (ids run from 0 to " + std::to_string(ids_.size() - 1) + ")");
  pieces_.assign(ids_.size(), std::string());
  for (const auto& [piece, id] : ids_) {
    if (!pieces_[static_cast<size_t>(id)].empty()) throw Error(origin + ": id " + std::to_string(id) + " is used twice");
    pieces_[static_cast<size_t>(id)] = piece;
  }
  for (size_t r = 0; r < merges.size(); ++r) ranks_.emplace(merges[r], static_cast<int>(r));
  merges_ = std::move(merges);
  const auto id_of = [&](const char* piece) { return piece_to_id(piece); };
  if (id_of("<s>") >= 0) {  // RoBERTa
    specials_.bos = specials_.cls = id_of("<s>");
    specials_.eos = specials_.sep = id_of("</s>");
    specials_.pad = id_of("<pad>");
    specials_.unk = id_of("<unk>");
    specials_.mask = id_of("<mask>");
  } else if (id_of("<|endoftext|>") >= 0) {  // GPT-2: one token marks every boundary
    const int end = id_of("<|endoftext|>");
    specials_ = {end, end, end, end, end, end, end};
  } else {
    throw Error(origin + " has neither RoBERTa's <s> nor GPT-2's <|endoftext|> token");
  }
  for (int id : {specials_.pad, specials_.unk, specials_.sep, specials_.mask})
    if (id < 0) throw Error(origin + " lacks one of RoBERTa's special tokens (<pad>, <unk>, </s>, <mask>)");
  for (std::string_view special : {"<mask>", "<s>", "</s>", "<pad>", "<unk>", "<|endoftext|>"})
    if (piece_to_id(special) >= 0) typed_specials_.push_back(special);
}

std::vector<std::string> ByteBpeTokenizer::bpe(const std::string& mapped) const {
  std::vector<std::string> parts;
  for (char32_t c : decode_utf8(mapped)) {
    std::string one;
    append_utf8(one, c);
    parts.push_back(one);
  }
  while (parts.size() > 1) {
    int best = std::numeric_limits<int>::max();
    size_t at = 0;
    for (size_t k = 0; k + 1 < parts.size(); ++k) {
      const auto it = ranks_.find({parts[k], parts[k + 1]});
      if (it != ranks_.end() && it->second < best) best = it->second, at = k;
    }
    if (best == std::numeric_limits<int>::max()) break;
    const std::pair<std::string, std::string> pair{parts[at], parts[at + 1]};
    std::vector<std::string> merged;
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k + 1 < parts.size() && parts[k] == pair.first && parts[k + 1] == pair.second) {
        merged.push_back(pair.first + pair.second);
        ++k;
      } else {
        merged.push_back(parts[k]);
      }
    }
    parts = std::move(merged);
  }
  return parts;
}

std::vector<int> ByteBpeTokenizer::encode(std::string_view text) const {
  // Special tokens typed in the text ("<mask>") stay whole.
  std::vector<int> ids;
  split_at_specials(text, typed_specials_, [&](std::string_view segment, std::string_view special) {
    // RoBERTa's <mask> absorbs the space before it (Hugging Face's lstrip), so "a <mask>"
    // asks for a word with its leading space, as the model was trained.
    if (special == "<mask>" && !segment.empty() && segment.back() == ' ') segment.remove_suffix(1);
    for (const auto& word : pre_tokens(segment)) {
      std::string mapped;
      for (unsigned char b : word) append_utf8(mapped, bytes().to_char[b]);
      for (const auto& piece : bpe(mapped)) {
        const int id = piece_to_id(piece);
        ids.push_back(id >= 0 ? id : specials_.unk);
      }
    }
    if (!special.empty()) ids.push_back(piece_to_id(special));
  });
  return ids;
}

std::string ByteBpeTokenizer::decode(const std::vector<int>& ids) const {
  std::string out;
  for (int id : ids) {
    if (id == specials_.pad || id == specials_.bos || id == specials_.eos) continue;
    if (id == specials_.mask || id == specials_.unk) {
      out += id_to_piece(id);
      continue;
    }
    for (char32_t c : decode_utf8(id_to_piece(id))) {
      const auto it = bytes().to_byte.find(c);
      if (it != bytes().to_byte.end()) out += static_cast<char>(it->second);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ByteBpeTokenizer::files() const {
  nlohmann::ordered_json vocab = nlohmann::ordered_json::object();
  for (size_t id = 0; id < pieces_.size(); ++id)
    if (!pieces_[id].empty()) vocab[pieces_[id]] = id;
  std::string merges = "#version: 0.2\n";
  for (const auto& [a, b] : merges_) merges += a + " " + b + "\n";
  return {{"vocab.json", vocab.dump()}, {"merges.txt", merges}};
}

std::string ByteBpeTokenizer::id_to_piece(int id) const {
  if (id < 0 || id >= vocab_size()) throw Error("token id " + std::to_string(id) + " is outside the vocabulary");
  return pieces_[static_cast<size_t>(id)];
}

int ByteBpeTokenizer::piece_to_id(std::string_view piece) const {
  const auto it = ids_.find(std::string(piece));
  return it == ids_.end() ? -1 : it->second;
}

}  // namespace lmlab
