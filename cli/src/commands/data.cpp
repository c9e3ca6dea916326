#include "../command.h"

#include "lmlab/data/dataset_build.h"
#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/text_corpus.h"
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
  if (!is_dataset_source(source)) throw UsageError(unknown_dataset_source_message(source));
  const std::string dir = source == "wordnet" ? o.text("wordnet-dir") : o.has("dir") ? o.text("dir") : "";
  const auto built = build_dataset(source, o.text("out"), dir,
                                   [](const std::string& stage) { std::cerr << "data build: " << stage << "\n"; });
  nlohmann::ordered_json j;
  j["out"] = built.out;
  j["source"] = built.source;
  j["corpus_documents"] = built.documents;
  j["corpus_sentences"] = built.sentences;
  if (source == "wordnet") {
    j["topic_examples"] = built.topic_examples;
    j["topic_labels"] = built.topic_labels;
    j["nli_pairs"] = built.nli_pairs;
  }
  std::cout << j.dump() << "\n";
  return 0;
}

}  // namespace

Command data_build_command() {
  return {"data-build",
          "Build real-text datasets from a Debian package (also: lmlab-cli data build)",
          {{"source", "lessons|wordnet|fortunes|handbook|libreoffice-ko",
            "lessons (the default pretraining corpus: all of the below and the world corpus), wordnet-base (corpus, "
            "topics, NLI), fortunes (English prose), debian-handbook (modern English prose), libreoffice-help-ko "
            "(Korean prose)",
            "wordnet"},
           {"wordnet-dir", "DIR", "WordNet 3.0 dict directory", "/usr/share/wordnet"},
           {"dir", "DIR", "where the prose package's files are (default: where Debian installs them)", ""},
           {"out", "DIR", "where to write corpus.txt (and for wordnet topics/ and nli/)", ""}},
          data_build};
}

Command data_stats_command() {
  return {"data-stats",
          "Read a corpus or a labelled dataset and show what LM Lab sees in it (also: data stats)",
          {{"file", "FILE", "the file to read", ""},
           {"format", "auto|agnews|mnli-tsv|mnli-jsonl|jsonl|tsv|corpus", "how to read it", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows instead of stopping at the first", ""}},
          data_stats};
}

}  // namespace lmlab::cli
