#include "html_text.h"

#include "lmlab/atomic_file.h"
#include "lmlab/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab::prose {

std::string html_plain_text(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string::npos) break;
      // Inline markup (<emph>, <span>, <a>) joins its text to the next; a line break does not.
      const std::string name = html.substr(i + 1, std::min<size_t>(3, close - i - 1));
      if (name.rfind("br", 0) == 0 || name.rfind("li", 0) == 0 || name.rfind("td", 0) == 0) out += ' ';
      i = close;
      continue;
    }
    if (html[i] != '&') {
      out += html[i];
      continue;
    }
    const size_t semi = html.find(';', i);
    const std::string name = semi == std::string::npos || semi - i > 10 ? "" : html.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else if (name == "nbsp") out += ' ';
    else if (name.size() > 1 && name[0] == '#')
      append_utf8(out, static_cast<char32_t>(name[1] == 'x' ? std::strtoul(name.c_str() + 2, nullptr, 16)
                                                           : std::strtoul(name.c_str() + 1, nullptr, 10)));
    else {
      out += '&';  // not an entity we know: keep the text as it is
      continue;
    }
    i = semi;
  }
  return out;
}

bool has_hangul(const std::string& text) {
  // U+AC00..U+D7A3 is EA B0 80 .. ED 9E A3 in UTF-8: a lead byte EA..ED alone also matches
  // other scripts of U+A000..U+DFFF, so decode the three bytes.
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(text[i]);
    if (c0 < 0xEA || c0 > 0xED) continue;
    const auto c1 = static_cast<unsigned char>(text[i + 1]), c2 = static_cast<unsigned char>(text[i + 2]);
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) continue;
    const unsigned code = ((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
    if (code >= 0xAC00 && code <= 0xD7A3) return true;
  }
  return false;
}

TextCorpus html_pages_corpus(const std::string& dir, bool recursive,
                             const std::function<std::vector<std::string>(const std::string&)>& page_sentences) {
  std::vector<fs::path> pages;
  const auto add = [&](const fs::directory_entry& entry) {
    if (entry.is_regular_file() && entry.path().extension() == ".html") pages.push_back(entry.path());
  };
  if (recursive)
    for (const auto& entry : fs::recursive_directory_iterator(dir)) add(entry);
  else
    for (const auto& entry : fs::directory_iterator(dir)) add(entry);
  std::sort(pages.begin(), pages.end());
  TextCorpus corpus;
  for (const auto& page : pages) {
    const std::string html = read_file(page.string(), "HTML page");
    if (find_invalid_utf8(html) != std::string::npos) continue;
    auto sentences = page_sentences(html);
    if (!sentences.empty()) corpus.documents.push_back(std::move(sentences));
  }
  return corpus;
}

}  // namespace lmlab::prose
