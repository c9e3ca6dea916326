#include "lmlab/atomic_file.h"
#include "lmlab/data/prose_sources.h"
#include "lmlab/error.h"
#include "lmlab/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

// The text of an HTML fragment: tags dropped, the common entities decoded.
std::string plain_text(const std::string& html) {
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
  // Hangul syllables U+AC00..U+D7A3 are encoded with the UTF-8 lead bytes EA..ED.
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xEA && c <= 0xED) return true;
  }
  return false;
}

// The help page's paragraphs: <p ... id="par_id..."> ... </p>.
std::vector<std::string> page_sentences(const std::string& html) {
  std::vector<std::string> sentences;
  size_t at = 0;
  while ((at = html.find("<p ", at)) != std::string::npos) {
    const size_t open_end = html.find('>', at);
    const size_t close = html.find("</p>", at);
    if (open_end == std::string::npos || close == std::string::npos || close < open_end) break;
    const std::string tag = html.substr(at, open_end - at);
    if (tag.find("id=\"par_id") != std::string::npos) {
      const std::string text = plain_text(html.substr(open_end + 1, close - open_end - 1));
      if (has_hangul(text))
        for (auto& s : split_sentences(text))
          if (s.size() >= 12) sentences.push_back(std::move(s));
    }
    at = close + 4;
  }
  return sentences;
}

}  // namespace

TextCorpus read_libreoffice_help(const std::string& dir) {
  if (!fs::is_directory(dir))
    throw Error(dir + " does not exist: install the Debian package 'libreoffice-help-ko' first");
  std::vector<fs::path> pages;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".html") pages.push_back(entry.path());
  std::sort(pages.begin(), pages.end());
  TextCorpus corpus;
  for (const auto& page : pages) {
    const std::string html = read_file(page.string(), "help page");
    if (find_invalid_utf8(html) != std::string::npos) continue;
    auto sentences = page_sentences(html);
    if (!sentences.empty()) corpus.documents.push_back(std::move(sentences));
  }
  if (corpus.documents.empty()) throw Error(dir + " holds no Korean help pages: is 'libreoffice-help-ko' complete?");
  return corpus;
}

}  // namespace lmlab
