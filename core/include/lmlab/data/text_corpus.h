#pragma once

#include <string>
#include <vector>

namespace lmlab {

// A pretraining corpus as the lessons describe it: one sentence per line, documents
// separated by blank lines (NSP draws its "random" segments from other documents).
struct TextCorpus {
  std::vector<std::vector<std::string>> documents;  // documents -> sentences

  size_t sentence_count() const;
  std::string to_text() const;  // the file format read() reads
  // Throws lmlab::Error naming the file, and the line for text that is not UTF-8.
  static TextCorpus read(const std::string& path);
  static TextCorpus parse(const std::string& text, const std::string& origin);
};

// A corpus given as a folder: its .txt files (recursively, in sorted order, each checked as a
// corpus) joined into one file in the cache, whose path is returned; a file is returned as is.
std::string corpus_file(const std::string& file_or_folder);

// Byte offset of the first invalid UTF-8 sequence, or npos when text is valid UTF-8.
size_t find_invalid_utf8(const std::string& text);

}  // namespace lmlab
