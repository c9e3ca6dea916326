#include "../command.h"

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace lmlab::cli {

namespace {

int data_stats(const Options& o) {
  const std::string path = o.text("file");
  const std::string format = o.text("format");
  nlohmann::ordered_json j;
  j["file"] = path;
  if (format == "corpus") {
    const auto corpus = TextCorpus::read(path);
    j["format"] = "corpus";
    j["documents"] = corpus.documents.size();
    j["sentences"] = corpus.sentence_count();
  } else {
    ReadOptions options;
    options.format = parse_dataset_format(format);
    options.skip_bad_rows = o.flag("skip-bad-rows");
    const auto data = read_labeled_dataset(path, options);
    j["examples"] = data.examples.size();
    j["pairs"] = data.pairs;
    j["labels"] = data.labels;
    j["class_counts"] = data.class_counts();
    j["skipped_bad_rows"] = data.skipped_bad_rows;
    j["skipped_unlabeled"] = data.skipped_unlabeled;
  }
  std::cout << j.dump() << "\n";
  return 0;
}

int data_build(const Options& o) {
  const std::string source = o.text("source");
  if (source != "wordnet") throw Error("data source '" + source + "' is not known (available: wordnet)");
  const std::string out = o.text("out");
  std::cerr << "data build: reading WordNet from " << o.text("wordnet-dir") << "\n";
  const auto wordnet = WordNet::load(o.text("wordnet-dir"));
  std::cerr << "data build: " << wordnet.synsets().size() << " synsets; writing the corpus, topics and NLI sets\n";
  const auto report = build_wordnet_datasets(wordnet, out);
  nlohmann::ordered_json j;
  j["out"] = out;
  j["corpus_documents"] = report.corpus_documents;
  j["topic_examples"] = report.topic_examples;
  j["topic_labels"] = report.topic_labels;
  j["nli_pairs"] = report.nli_pairs;
  std::cout << j.dump() << "\n";
  return 0;
}

}  // namespace

Command data_build_command() {
  return {"data-build",
          "Build real-text datasets from a Debian package (also: lmlab-cli data build)",
          {{"source", "wordnet", "what to build from (wordnet: Debian's wordnet-base)", "wordnet"},
           {"wordnet-dir", "DIR", "WordNet 3.0 dict directory", "/usr/share/wordnet"},
           {"out", "DIR", "where to write corpus.txt, topics/ and nli/", ""}},
          data_build};
}

Command data_stats_command() {
  return {"data-stats",
          "Read a corpus or a labelled dataset and show what LM Lab sees in it (also: data stats)",
          {{"file", "FILE", "the file to read", ""},
           {"format", "auto|agnews|mnli-tsv|mnli-jsonl|tsv|corpus", "how to read it", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows instead of stopping at the first", ""}},
          data_stats};
}

}  // namespace lmlab::cli
