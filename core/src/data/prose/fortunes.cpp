#include "lmlab/atomic_file.h"
#include "lmlab/data/prose_sources.h"
#include "lmlab/error.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

// A fortune's lines: the text runs on across lines; a line starting with "--" (after
// indentation) is the attribution and becomes its own sentence.
std::vector<std::string> fortune_sentences(const std::string& fortune) {
  std::string body, attribution;
  size_t start = 0;
  while (start < fortune.size()) {
    size_t end = fortune.find('\n', start);
    if (end == std::string::npos) end = fortune.size();
    std::string line = fortune.substr(start, end - start);
    start = end + 1;
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    line = line.substr(first);
    if (line.rfind("--", 0) == 0) attribution += (attribution.empty() ? "" : " ") + line;
    else body += (body.empty() ? "" : " ") + line;
  }
  auto sentences = split_sentences(body);
  if (!attribution.empty()) sentences.push_back(attribution);
  return sentences;
}

}  // namespace

TextCorpus read_fortunes(const std::string& dir, const std::vector<std::string>& skip) {
  if (!fs::is_directory(dir))
    throw Error(dir + " does not exist: install the Debian package 'fortunes' (or 'fortunes-min') first");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    // The cookie files themselves: not the .dat indexes, not the .u8 links, not folders (off/).
    const auto& path = entry.path();
    if (entry.is_regular_file() && !entry.is_symlink() && path.extension().empty() &&
        std::find(skip.begin(), skip.end(), path.filename().string()) == skip.end())
      files.push_back(path);
  }
  std::sort(files.begin(), files.end());  // the same corpus on every machine
  TextCorpus corpus;
  for (const auto& path : files) {
    const std::string text = read_file(path.string(), "fortune file");
    if (find_invalid_utf8(text) != std::string::npos) continue;  // a few legacy files are Latin-1
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n%\n", start);
      if (end == std::string::npos) end = text.size();
      auto sentences = fortune_sentences(text.substr(start, end - start));
      if (!sentences.empty()) corpus.documents.push_back(std::move(sentences));
      start = end + 3;
    }
  }
  if (corpus.documents.empty()) throw Error(dir + " holds no fortunes: is the package 'fortunes' complete?");
  return corpus;
}

}  // namespace lmlab
