#include "lmlab/data/prose_sources.h"
#include "lmlab/error.h"
#include "html_text.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

// The end of the <div> opened at `open`: the matching </div>, counting nested divs.
size_t matching_div_end(const std::string& html, size_t open) {
  int depth = 0;
  for (size_t at = open; at < html.size();) {
    const size_t next_open = html.find("<div", at), next_close = html.find("</div>", at);
    if (next_close == std::string::npos) return std::string::npos;
    if (next_open != std::string::npos && next_open < next_close) {
      ++depth;
      at = next_open + 4;
    } else {
      if (--depth == 0) return next_close;
      at = next_close + 6;
    }
  }
  return std::string::npos;
}

// A chapter's running text: its <div class="para"> paragraphs, without program listings and
// screens (<pre>), which are commands, not prose.
std::vector<std::string> chapter_sentences(const std::string& html) {
  static const std::string kPara = "<div class=\"para\">";
  std::vector<std::string> sentences;
  for (size_t at = html.find(kPara); at != std::string::npos; at = html.find(kPara, at + 1)) {
    const size_t end = matching_div_end(html, at);
    if (end == std::string::npos) break;
    const std::string inner = html.substr(at + kPara.size(), end - at - kPara.size());
    if (inner.find("<pre") != std::string::npos || inner.find("<div") != std::string::npos) continue;
    for (auto& s : split_sentences(prose::html_plain_text(inner)))
      if (s.size() >= 12) sentences.push_back(std::move(s));
  }
  return sentences;
}

}  // namespace

TextCorpus read_debian_handbook(const std::string& dir) {
  if (!fs::is_directory(dir))
    throw Error(dir + " does not exist: install the Debian package 'debian-handbook' first");
  auto corpus = prose::html_pages_corpus(dir, /*recursive=*/false, chapter_sentences);
  if (corpus.documents.empty()) throw Error(dir + " holds no handbook chapters: is 'debian-handbook' complete?");
  return corpus;
}

}  // namespace lmlab
