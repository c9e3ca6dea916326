#include "lmlab/data/prose_sources.h"

namespace lmlab {

std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> sentences;
  std::string current;
  const auto flush = [&] {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    if (!current.empty()) sentences.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!current.empty() && current.back() != ' ') current += ' ';
      continue;
    }
    current += c;
    const bool end = c == '.' || c == '!' || c == '?';
    const bool next_is_space = i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\t';
    if (end && next_is_space) flush();
  }
  flush();
  return sentences;
}

}  // namespace lmlab
