#include "../command.h"

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/text_corpus.h"

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

}  // namespace

Command data_stats_command() {
  return {"data-stats",
          "Read a corpus or a labelled dataset and show what LM Lab sees in it",
          {{"file", "FILE", "the file to read", ""},
           {"format", "auto|agnews|mnli-tsv|mnli-jsonl|tsv|corpus", "how to read it", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows instead of stopping at the first", ""}},
          data_stats};
}

}  // namespace lmlab::cli
