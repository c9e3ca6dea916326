#include "lmlab/data/prose_sources.h"
#include "lmlab/error.h"
#include "html_text.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

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
      const std::string text = prose::html_plain_text(html.substr(open_end + 1, close - open_end - 1));
      if (prose::has_hangul(text))
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
  auto corpus = prose::html_pages_corpus(dir, /*recursive=*/true, page_sentences);
  if (corpus.documents.empty()) throw Error(dir + " holds no Korean help pages: is 'libreoffice-help-ko' complete?");
  return corpus;
}

}  // namespace lmlab
