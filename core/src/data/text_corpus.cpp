#include "lmlab/data/text_corpus.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include "readers/text_lines.h"

namespace lmlab {

size_t TextCorpus::sentence_count() const {
  size_t n = 0;
  for (const auto& d : documents) n += d.size();
  return n;
}

std::string TextCorpus::to_text() const {
  std::string out;
  for (const auto& document : documents) {
    if (!out.empty()) out += "\n";
    for (const auto& sentence : document) out += sentence + "\n";
  }
  return out;
}

size_t find_invalid_utf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    size_t len = 0;
    uint32_t min = 0;
    if (c < 0x80) len = 1;
    else if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
    else return i;
    if (i + len > n) return i;
    uint32_t code = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (len > 1 && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) return i;
    i += len;
  }
  return std::string::npos;
}

TextCorpus TextCorpus::read(const std::string& path) {
  return parse(read_file(path, "corpus"), path);
}

TextCorpus TextCorpus::parse(const std::string& text, const std::string& origin) {
  TextCorpus corpus;
  std::vector<std::string> document;
  // The same checks as every dataset reader: UTF-8, no NUL, lines under 1 MiB.
  for (auto& line : readers::checked_lines(text, origin)) {
    if (line.text.find_first_not_of(" \t") == std::string::npos) {
      if (!document.empty()) corpus.documents.push_back(std::move(document));
      document.clear();
    } else {
      document.push_back(std::move(line.text));
    }
  }
  if (!document.empty()) corpus.documents.push_back(std::move(document));
  if (corpus.documents.empty()) throw Error("file_empty", {{"file", origin}}, origin + " holds no text");
  return corpus;
}

}  // namespace lmlab
