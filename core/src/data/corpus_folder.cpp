#include "lmlab/data/text_corpus.h"

#include "lmlab/atomic_file.h"
#include "lmlab/cache_dir.h"
#include "lmlab/error.h"
#include "fnv1a.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

std::string corpus_file(const std::string& file_or_folder) {
  std::error_code ec;
  if (!fs::is_directory(file_or_folder, ec)) return file_or_folder;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(file_or_folder, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  if (ec) throw Error("corpus folder '" + file_or_folder + "' cannot be read: " + ec.message());
  if (files.empty()) throw Error("corpus folder '" + file_or_folder + "' holds no .txt files");
  std::sort(files.begin(), files.end());  // the same corpus whatever order the file system lists
  TextCorpus all;
  for (const auto& file : files) {
    // Each file is checked as a corpus of its own, so an error names the file and line.
    auto part = TextCorpus::parse(read_file(file.string(), "corpus file"), file.string());
    for (auto& document : part.documents) all.documents.push_back(std::move(document));
  }
  const std::string text = all.to_text();
  char name[40];  // one cache file per content
  std::snprintf(name, sizeof name, "folder-%016llx.txt", static_cast<unsigned long long>(fnv1a(text)));
  const fs::path out = fs::path(cache_dir()) / "corpora" / name;
  if (!fs::exists(out, ec)) {
    fs::create_directories(out.parent_path(), ec);
    write_file_atomically(out.string(), text);
  }
  return out.string();
}

}  // namespace lmlab
