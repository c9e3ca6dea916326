#include "lmlab/data/dataset_build.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/lessons_corpus.h"
#include "lmlab/data/prose_sources.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

const std::vector<std::string>& dataset_sources() {
  static const std::vector<std::string> sources{"lessons", "wordnet", "fortunes", "handbook", "libreoffice-ko"};
  return sources;
}

bool is_dataset_source(const std::string& name) {
  const auto& sources = dataset_sources();
  return std::find(sources.begin(), sources.end(), name) != sources.end();
}

std::string unknown_dataset_source_message(const std::string& name) {
  std::string known;
  for (const auto& source : dataset_sources()) known += (known.empty() ? "" : ", ") + source;
  return "data source '" + name + "' is not known (available: " + known + ")";
}

DatasetBuild build_dataset(const std::string& source, const std::string& out, const std::string& source_dir,
                           const std::function<void(const std::string&)>& stage) {
  const auto tell = [&](const std::string& text) {
    if (stage) stage(text);
  };
  DatasetBuild report;
  report.source = source;
  report.out = out;
  report.corpus = (fs::path(out) / "corpus.txt").string();
  if (source == "wordnet") {
    tell("reading WordNet");
    const auto wordnet = source_dir.empty() ? WordNet::load() : WordNet::load(source_dir);
    tell("writing the corpus, topic and NLI sets (" + std::to_string(wordnet.synsets().size()) + " synsets)");
    const auto built = build_wordnet_datasets(wordnet, out);
    report.documents = built.corpus_documents;
    report.topic_examples = built.topic_examples;
    report.nli_pairs = built.nli_pairs;
    report.topic_labels = built.topic_labels;
    report.sentences = TextCorpus::read(report.corpus).sentence_count();
    return report;
  }
  if (source == "lessons") {
    const auto built = build_lessons_corpus({}, out, stage);
    for (const auto& part : built.parts) report.documents += part.documents, report.sentences += part.sentences;
    return report;
  }
  TextCorpus corpus;
  if (source == "fortunes") {
    tell("reading the fortunes");
    corpus = source_dir.empty() ? read_fortunes() : read_fortunes(source_dir);
  } else if (source == "handbook") {
    tell("reading the Debian Administrator's Handbook");
    corpus = source_dir.empty() ? read_debian_handbook() : read_debian_handbook(source_dir);
  } else if (source == "libreoffice-ko") {
    tell("reading the Korean LibreOffice help");
    corpus = source_dir.empty() ? read_libreoffice_help() : read_libreoffice_help(source_dir);
  } else {
    throw Error(unknown_dataset_source_message(source));
  }
  tell("writing the corpus");
  fs::create_directories(out);
  write_file_atomically(report.corpus, corpus.to_text());
  report.documents = corpus.documents.size();
  report.sentences = corpus.sentence_count();
  return report;
}

}  // namespace lmlab
